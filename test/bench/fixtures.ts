/**
 * Shapes the sandbox's first organisation for the benchmark: a seeded organisation (contacts,
 * items, accounts, a few hundred documents of each kind) grown to the sizes a scenario needs.
 * Seeding every kind at 100,000 documents would take minutes and gigabytes, so a collection is
 * grown by copying its seeded documents with fresh IDs, numbers and older UpdatedDateUTC stamps.
 * Copies share their templates' line arrays: nothing in the benchmark changes lines of old documents.
 */
import { randomUUID } from 'crypto';

import type { XeroSandbox } from '../sandbox';
import type { Collection, OrganisationData } from '../sandbox/store';
import type { XeroInvoice, XeroPurchaseOrder } from '../sandbox/types';
import { fromMsDate, msDate } from '../sandbox/xero-format';

/** Spacing between the stamps of copies, going back from the oldest seeded change. */
const COPY_SPACING_MS = 7_000;

export function organisation(sandbox: XeroSandbox): OrganisationData {
	return sandbox.store.tenants[0];
}

function oldestStamp(org: OrganisationData): number {
	let oldest = Date.now();
	for (const collection of [org.Invoices, org.PurchaseOrders] as Collection<{ UpdatedDateUTC: string }>[]) {
		for (const doc of collection.values()) {
			oldest = Math.min(oldest, fromMsDate(doc.UpdatedDateUTC));
			break; // collections iterate oldest change first
		}
	}
	return oldest;
}

let copies = 0;

export function countInvoices(org: OrganisationData, type: 'ACCREC' | 'ACCPAY'): number {
	let count = 0;
	for (const invoice of org.Invoices.values()) if (invoice.Type === type) count++;
	return count;
}

/** Adds copies of seeded invoices of `type` until the organisation has `target` of them. */
export function growInvoices(org: OrganisationData, type: 'ACCREC' | 'ACCPAY', target: number): void {
	// Unpaid templates: the copies get no payments of their own.
	const unpaid = org.Invoices.filter((invoice) => invoice.Type === type && invoice.AmountPaid === 0 && invoice.Status !== 'PAID');
	const templates = unpaid.length ? unpaid : org.Invoices.filter((invoice) => invoice.Type === type);
	let count = countInvoices(org, type);
	if (count >= target) return;
	let stamp = oldestStamp(org);
	const added: XeroInvoice[] = [];
	for (; count < target; count++) {
		const template = templates[count % templates.length];
		const id = randomUUID();
		const number = `${type === 'ACCREC' ? 'INV' : 'BILL'}-C${String(++copies).padStart(7, '0')}`;
		added.push({
			...template,
			InvoiceID: id,
			InvoiceNumber: number,
			Payments: [],
			CreditNotes: [],
			Prepayments: [],
			Overpayments: [],
			UpdatedDateUTC: msDate((stamp -= COPY_SPACING_MS)),
		});
		if (type === 'ACCREC') org.invoiceNumbers.set(number.toLowerCase(), id);
	}
	reinsertOldestFirst(org.Invoices, added);
}

/** Adds copies of seeded purchase orders until there are `target`. */
export function growPurchaseOrders(org: OrganisationData, target: number): void {
	const templates = org.PurchaseOrders.all();
	let count = org.PurchaseOrders.size;
	if (count >= target) return;
	let stamp = oldestStamp(org);
	const added: XeroPurchaseOrder[] = [];
	for (; count < target; count++) {
		const template = templates[count % templates.length];
		added.push({
			...template,
			PurchaseOrderID: randomUUID(),
			PurchaseOrderNumber: `PO-C${String(++copies).padStart(7, '0')}`,
			UpdatedDateUTC: msDate((stamp -= COPY_SPACING_MS)),
		});
	}
	reinsertOldestFirst(org.PurchaseOrders, added);
}

/** Keeps the collection's invariant: iteration in UpdatedDateUTC order (copies are the oldest). */
function reinsertOldestFirst<T extends { UpdatedDateUTC: string }>(collection: Collection<T>, older: T[]): void {
	const existing = collection.all();
	collection.clear();
	for (let i = older.length - 1; i >= 0; i--) collection.put(older[i]);
	for (const doc of existing) collection.put(doc);
}

/**
 * Marks `count` documents as changed now, as an edit in Xero would (a fresh UpdatedDateUTC, moved
 * to the end of the list order), spread evenly over the collection. Returns their IDs.
 */
export function touch<T extends { UpdatedDateUTC: string }>(
	org: OrganisationData,
	collection: Collection<T>,
	count: number,
	idOf: (doc: T) => string,
	keep: (doc: T) => boolean = () => true,
): string[] {
	const candidates = collection.filter(keep);
	const step = Math.max(1, Math.floor(candidates.length / count));
	const touched: string[] = [];
	for (let i = 0; i < candidates.length && touched.length < count; i += step) {
		const doc = candidates[i];
		doc.UpdatedDateUTC = msDate(org.nextStamp(Date.now()));
		collection.put(doc);
		touched.push(idOf(doc));
	}
	return touched;
}

export function touchBills(org: OrganisationData, count: number): string[] {
	return touch(org, org.Invoices, count, (doc) => doc.InvoiceID, (doc) => doc.Type === 'ACCPAY');
}

export function touchPurchaseOrders(org: OrganisationData, count: number): string[] {
	return touch(org, org.PurchaseOrders, count, (doc) => doc.PurchaseOrderID);
}

/** Active customers, and item codes with a sales price, for invoices to create. */
export function salesCatalogue(org: OrganisationData): {
	customers: string[];
	items: Array<{ code: string; description: string; price: number; account: string }>;
} {
	const customers = org.Contacts.filter((contact) => contact.IsCustomer === true && contact.ContactStatus === 'ACTIVE').map(
		(contact) => contact.ContactID,
	);
	const items = org.Items.filter((item) => item.IsSold === true && item.SalesDetails?.UnitPrice !== undefined).map((item) => ({
		code: item.Code,
		description: String(item.Description ?? item.Name),
		price: Number(item.SalesDetails!.UnitPrice),
		account: String(item.SalesDetails!.AccountCode ?? '200'),
	}));
	return { customers, items };
}

/** Approved sales invoices with money due, newest first. */
export function payableInvoices(org: OrganisationData, count: number, referencePrefix?: string): XeroInvoice[] {
	return org.Invoices.filter(
		(invoice) =>
			invoice.Type === 'ACCREC' &&
			invoice.Status === 'AUTHORISED' &&
			invoice.AmountDue > 0 &&
			(referencePrefix === undefined || String(invoice.Reference ?? '').startsWith(referencePrefix)),
	)
		.reverse()
		.slice(0, count);
}

export function invoicesWithReference(org: OrganisationData, prefix: string): XeroInvoice[] {
	return org.Invoices.filter((invoice) => String(invoice.Reference ?? '').startsWith(prefix));
}
