import type { LineSide } from '../common/lineItems';

/**
 * Xero keeps sales invoices (ACCREC) and bills (ACCPAY) in one endpoint; the node shows them as
 * two resources. Everything that differs between them is here.
 */
export interface InvoiceKind {
	/** The Resource parameter's value. */
	resource: 'salesInvoice' | 'bill';
	type: 'ACCREC' | 'ACCPAY';
	side: LineSide;
	/** The invoice picker's label, also naming it in errors. */
	label: 'Invoice' | 'Bill';
	/** "sales invoice", "bill": for messages and action texts. */
	noun: string;
	/** The other kind's noun, to say what a mismatched ID is. */
	otherNoun: string;
	/** Label of InvoiceNumber: on bills it holds the supplier's own invoice number. */
	numberLabel: string;
	/** Search method for the invoice picker. */
	searchMethod: string;
}

export const SALES_INVOICE: InvoiceKind = {
	resource: 'salesInvoice',
	type: 'ACCREC',
	side: 'sales',
	label: 'Invoice',
	noun: 'sales invoice',
	otherNoun: 'bill',
	numberLabel: 'Invoice Number',
	searchMethod: 'searchSalesInvoices',
};

export const BILL: InvoiceKind = {
	resource: 'bill',
	type: 'ACCPAY',
	side: 'purchases',
	label: 'Bill',
	noun: 'bill',
	otherNoun: 'sales invoice',
	numberLabel: 'Bill Number',
	searchMethod: 'searchBills',
};

export function nounOfType(type: unknown): string {
	if (type === 'ACCREC') return SALES_INVOICE.noun;
	if (type === 'ACCPAY') return BILL.noun;
	return `document of type ${String(type)}`;
}
