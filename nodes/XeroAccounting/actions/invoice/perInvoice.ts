import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { batchWrite } from '../common/batchWrite';
import { runPerItem, tenantFor } from '../common/execution';
import { InputCheck } from '../common/validate';
import type { InvoiceKind } from './kind';
import { InvoiceFinder, invoiceRefOf, type InvoiceRef } from './lookup';

/** One input item of an operation on an invoice or bill given by ID or number. */
export interface InvoiceItem {
	itemIndex: number;
	check: InputCheck;
	tenantId: string;
	/** The invoice as the item gives it, checked when asked for. */
	ref(): InvoiceRef;
	/** The invoice's ID: as given, or looked up from its number. */
	invoiceId(): Promise<string>;
}

/**
 * Runs an operation on each input item's invoice or bill. Those given by number are read in bulk
 * first, so many items do not cost one call each.
 */
export async function runPerInvoice(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	kind: InvoiceKind,
	operation: (invoice: InvoiceItem) => Promise<IDataObject | IDataObject[] | INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	const finder = new InvoiceFinder(this, kind.type);
	await finder.prefetch(items);
	return await runPerItem.call(this, items, async (itemIndex) => {
		const check = new InputCheck(this.getNode(), itemIndex);
		const tenantId = await tenantFor.call(this, itemIndex);
		let given: InvoiceRef | undefined;
		const ref = () => (given ??= invoiceRefOf.call(this, itemIndex, check, kind.label));
		const invoiceId = async () => await finder.id(check, tenantId, ref(), kind.label);
		return await operation({ itemIndex, check, tenantId, ref, invoiceId });
	});
}

/**
 * Changes each input item's invoice or bill, in Xero's batches. Every invoice is read first, also
 * those given by ID: one of the other kind must not be changed by mistake, and a change may depend
 * on the invoice's status.
 */
export async function changeInvoices(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	kind: InvoiceKind,
	change: (invoice: IDataObject, check: InputCheck, tenantId: string) => IDataObject | Promise<IDataObject>,
): Promise<INodeExecutionData[]> {
	const finder = new InvoiceFinder(this, kind.type);
	await finder.prefetch(items, { byId: true });
	return await batchWrite.call(this, items, {
		method: 'POST',
		path: '/Invoices',
		property: 'Invoices',
		noun: kind.noun,
		build: async (check, tenantId) => {
			const invoice = await finder.invoice(check, tenantId, invoiceRefOf.call(this, check.itemIndex, check, kind.label), kind.label);
			return await change(invoice, check, tenantId);
		},
	});
}
