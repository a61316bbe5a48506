import type {
	Json,
	StoredAttachment,
	XeroAccount,
	XeroBankTransaction,
	XeroBrandingTheme,
	XeroContact,
	XeroCreditNote,
	XeroCurrency,
	XeroInvoice,
	XeroItem,
	XeroPayment,
	XeroPurchaseOrder,
	XeroTaxRate,
	XeroTrackingCategory,
} from './types';
import { fromMsDate } from './xero-format';

/**
 * Documents keyed by id. Iteration order is the default list order (UpdatedDateUTC
 * ascending): every write re-inserts its document at the end, so listing needs no sort.
 */
export class Collection<T extends object> {
	private readonly byId = new Map<string, T>();

	constructor(readonly idField: string) {}

	get size(): number {
		return this.byId.size;
	}

	get(id: string | undefined): T | undefined {
		return id === undefined ? undefined : this.byId.get(id.toLowerCase());
	}

	has(id: string): boolean {
		return this.byId.has(id.toLowerCase());
	}

	values(): IterableIterator<T> {
		return this.byId.values();
	}

	all(): T[] {
		return [...this.byId.values()];
	}

	find(predicate: (doc: T) => boolean): T | undefined {
		for (const doc of this.byId.values()) if (predicate(doc)) return doc;
		return undefined;
	}

	filter(predicate: (doc: T) => boolean): T[] {
		const out: T[] = [];
		for (const doc of this.byId.values()) if (predicate(doc)) out.push(doc);
		return out;
	}

	/** Insert or replace, moving the document to the end (it is now the latest change). */
	put(doc: T): void {
		const key = String((doc as Record<string, unknown>)[this.idField]).toLowerCase();
		this.byId.delete(key);
		this.byId.set(key, doc);
	}

	clear(): void {
		this.byId.clear();
	}

	/** Restore UpdatedDateUTC order after a test stamped a document in the past. */
	reorder(): void {
		const docs = [...this.byId.entries()];
		docs.sort(([ka, a], [kb, b]) => stampOf(a) - stampOf(b) || (ka < kb ? -1 : ka > kb ? 1 : 0));
		this.byId.clear();
		for (const [k, v] of docs) this.byId.set(k, v);
	}
}

function stampOf(doc: object): number {
	const value = (doc as { UpdatedDateUTC?: string }).UpdatedDateUTC;
	return value ? fromMsDate(value) : 0;
}

export const COLLECTIONS = {
	Invoices: 'InvoiceID',
	Contacts: 'ContactID',
	Items: 'ItemID',
	Accounts: 'AccountID',
	TaxRates: 'TaxType',
	Currencies: 'Code',
	PurchaseOrders: 'PurchaseOrderID',
	CreditNotes: 'CreditNoteID',
	Payments: 'PaymentID',
	BankTransactions: 'BankTransactionID',
	TrackingCategories: 'TrackingCategoryID',
	BrandingThemes: 'BrandingThemeID',
} as const;

export type CollectionName = keyof typeof COLLECTIONS;

/** One organisation's data. */
export class OrganisationData {
	readonly Invoices = new Collection<XeroInvoice>('InvoiceID');
	readonly Contacts = new Collection<XeroContact>('ContactID');
	readonly Items = new Collection<XeroItem>('ItemID');
	readonly Accounts = new Collection<XeroAccount>('AccountID');
	readonly TaxRates = new Collection<XeroTaxRate>('TaxType');
	readonly Currencies = new Collection<XeroCurrency>('Code');
	readonly PurchaseOrders = new Collection<XeroPurchaseOrder>('PurchaseOrderID');
	readonly CreditNotes = new Collection<XeroCreditNote>('CreditNoteID');
	readonly Payments = new Collection<XeroPayment>('PaymentID');
	readonly BankTransactions = new Collection<XeroBankTransaction>('BankTransactionID');
	readonly TrackingCategories = new Collection<XeroTrackingCategory>('TrackingCategoryID');
	readonly BrandingThemes = new Collection<XeroBrandingTheme>('BrandingThemeID');
	Organisation: Json = {};
	/** Attachments by the id of the document they belong to. */
	readonly attachments = new Map<string, StoredAttachment[]>();
	/** Opening balances (account code → debit-positive amount) dated before all documents. */
	openingBalances: { date: number; lines: { AccountCode: string; amount: number }[] } = { date: 0, lines: [] };
	/** Sales invoice numbers (lower-cased) → InvoiceID; Xero keeps them unique. */
	readonly invoiceNumbers = new Map<string, string>();
	/** Next numbers for INV-, PO- and CN- sequences. */
	readonly counters = { invoice: 1, purchaseOrder: 1, creditNote: 1 };
	private lastStamp = 0;

	constructor(
		readonly tenantId: string,
		readonly tenantName: string,
	) {}

	collection(name: CollectionName): Collection<object> {
		return this[name] as unknown as Collection<object>;
	}

	/** A fresh UpdatedDateUTC: never earlier than the last one, never equal to it. */
	nextStamp(now: number): number {
		this.lastStamp = Math.max(now, this.lastStamp + 1);
		return this.lastStamp;
	}

	noteStamp(ms: number): void {
		this.lastStamp = Math.max(this.lastStamp, ms);
	}

	accountByCode(code: string | undefined): XeroAccount | undefined {
		if (code === undefined) return undefined;
		const exact = this.Accounts.find((a) => a.Code === code);
		if (exact) return exact;
		const wanted = code.toUpperCase();
		return this.Accounts.find((a) => (a.Code ?? '').toUpperCase() === wanted);
	}

	itemByCode(code: string | undefined): XeroItem | undefined {
		if (code === undefined) return undefined;
		const exact = this.Items.find((i) => i.Code === code);
		if (exact) return exact;
		const wanted = code.toUpperCase();
		return this.Items.find((i) => i.Code.toUpperCase() === wanted);
	}

	baseCurrency(): string {
		return String(this.Organisation.BaseCurrency);
	}
}
