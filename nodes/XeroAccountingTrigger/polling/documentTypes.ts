import type { IDataObject } from 'n8n-workflow';

/** The document types the polling trigger watches, and where Xero lists them. */
export type DocumentType =
	| 'account'
	| 'bankTransaction'
	| 'bill'
	| 'contact'
	| 'creditNote'
	| 'item'
	| 'payment'
	| 'purchaseOrder'
	| 'salesInvoice';

export interface DocumentTypeInfo {
	label: string;
	/** List endpoint under the Accounting API. */
	path: string;
	/** The array in Xero's answer. */
	property: string;
	idField: string;
	/** The field that holds the document's status, when it has one. */
	statusField?: string;
	/** Endpoints Xero does not page (Items, Accounts): one call returns every change. */
	paged: boolean;
	/** Fixed query of this endpoint (archived contacts must stay visible: archiving is a change). */
	qs?: IDataObject;
	/** Several types share one endpoint (sales invoices and bills): tells them apart. */
	matches?: (document: IDataObject) => boolean;
	/** Xero's `where` for this type alone, used when it is read without its siblings. */
	where?: string;
}

export const DOCUMENT_TYPES: Record<DocumentType, DocumentTypeInfo> = {
	salesInvoice: {
		label: 'Sales Invoice',
		path: '/Invoices',
		property: 'Invoices',
		idField: 'InvoiceID',
		statusField: 'Status',
		paged: true,
		matches: (document) => document.Type === 'ACCREC',
		where: 'Type=="ACCREC"',
	},
	bill: {
		label: 'Bill',
		path: '/Invoices',
		property: 'Invoices',
		idField: 'InvoiceID',
		statusField: 'Status',
		paged: true,
		matches: (document) => document.Type === 'ACCPAY',
		where: 'Type=="ACCPAY"',
	},
	purchaseOrder: {
		label: 'Purchase Order',
		path: '/PurchaseOrders',
		property: 'PurchaseOrders',
		idField: 'PurchaseOrderID',
		statusField: 'Status',
		paged: true,
	},
	contact: {
		label: 'Contact',
		path: '/Contacts',
		property: 'Contacts',
		idField: 'ContactID',
		statusField: 'ContactStatus',
		paged: true,
		qs: { includeArchived: true },
	},
	payment: {
		label: 'Payment',
		path: '/Payments',
		property: 'Payments',
		idField: 'PaymentID',
		statusField: 'Status',
		paged: true,
	},
	creditNote: {
		label: 'Credit Note',
		path: '/CreditNotes',
		property: 'CreditNotes',
		idField: 'CreditNoteID',
		statusField: 'Status',
		paged: true,
	},
	bankTransaction: {
		label: 'Bank Transaction',
		path: '/BankTransactions',
		property: 'BankTransactions',
		idField: 'BankTransactionID',
		statusField: 'Status',
		paged: true,
	},
	item: {
		label: 'Item',
		path: '/Items',
		property: 'Items',
		idField: 'ItemID',
		paged: false,
	},
	account: {
		label: 'Account',
		path: '/Accounts',
		property: 'Accounts',
		idField: 'AccountID',
		statusField: 'Status',
		paged: false,
	},
};

/** Statuses a document can enter, per type offered by the "Document Entered a Status" event. */
export const STATUS_DOCUMENT_TYPES = {
	salesInvoice: ['DRAFT', 'SUBMITTED', 'AUTHORISED', 'PAID', 'VOIDED', 'DELETED'],
	bill: ['DRAFT', 'SUBMITTED', 'AUTHORISED', 'PAID', 'VOIDED', 'DELETED'],
	purchaseOrder: ['DRAFT', 'SUBMITTED', 'AUTHORISED', 'BILLED', 'DELETED'],
	creditNote: ['DRAFT', 'SUBMITTED', 'AUTHORISED', 'PAID', 'VOIDED', 'DELETED'],
} satisfies Partial<Record<DocumentType, string[]>>;

export type StatusDocumentType = keyof typeof STATUS_DOCUMENT_TYPES;

export function idOf(type: DocumentType, document: IDataObject): string {
	return String(document[DOCUMENT_TYPES[type].idField] ?? '').toLowerCase();
}

/** 48 bits of a GUID, for the ids kept in static data: a new id matches one of ten thousand kept ones about once in thirty billion. */
export function shortId(id: string): string {
	return id.toLowerCase().replace(/-/g, '').slice(0, 12);
}

export function statusOf(type: DocumentType, document: IDataObject): string | undefined {
	const field = DOCUMENT_TYPES[type].statusField;
	const value = field ? document[field] : undefined;
	return typeof value === 'string' ? value : undefined;
}

/** The contact a document belongs to (a payment's is its invoice's or credit note's). */
export function contactIdOf(type: DocumentType, document: IDataObject): string | undefined {
	if (type === 'contact') return idOf(type, document);
	const direct = document.Contact as IDataObject | undefined;
	if (direct?.ContactID) return String(direct.ContactID).toLowerCase();
	for (const key of ['Invoice', 'CreditNote', 'Prepayment', 'Overpayment']) {
		const parent = document[key] as IDataObject | undefined;
		const contact = parent?.Contact as IDataObject | undefined;
		if (contact?.ContactID) return String(contact.ContactID).toLowerCase();
	}
	return undefined;
}
