import { buildBankTransaction } from './bank-transactions';
import type { Built } from './batch';
import { buildContact } from './contacts';
import { buildCreditNote } from './credit-notes';
import { XeroValidationError, type Engine } from './engine';
import { buildInvoice } from './invoices';
import { buildItem } from './items';
import { buildPayment, deletePayment } from './payments';
import { buildPurchaseOrder } from './purchase-orders';
import type { CollectionName, OrganisationData } from './store';
import type { Json } from './types';
import { msDate, parseIsoStrict } from './xero-format';

// Writes from a test, through the same rules as an API write: validation, totals,
// UpdatedDateUTC, webhooks.

export type WritableCollection = 'Invoices' | 'Contacts' | 'Items' | 'PurchaseOrders' | 'CreditNotes' | 'BankTransactions' | 'Payments';

export interface UpdateOptions {
	/** Stamp the document with this UpdatedDateUTC instead of "now" (may repeat another's). */
	updatedDateUTC?: Date | number | string;
}

export class SandboxStore {
	constructor(
		private readonly engine: Engine,
		private readonly organisations: () => OrganisationData[],
	) {}

	/** The organisations, in the order of `sandbox.tenants`. */
	get tenants(): OrganisationData[] {
		return this.organisations();
	}

	tenant(tenantId: string): OrganisationData {
		const org = this.engine.org(tenantId);
		if (!org) throw new Error(`No organisation ${tenantId}`);
		return org;
	}

	/** Creates a document as PUT would; throws with Xero's validation messages when invalid. */
	create(tenantId: string, collection: WritableCollection, doc: Json): Json {
		const org = this.tenant(tenantId);
		return this.commit(this.build(org, collection, doc, undefined));
	}

	/** Updates a document as POST /{Collection}/{id} would. */
	update(tenantId: string, collection: WritableCollection, id: string, patch: Json, options: UpdateOptions = {}): Json {
		const org = this.tenant(tenantId);
		const target = org.collection(collection).get(id) as Json | undefined;
		if (!target) throw new Error(`No ${collection} document ${id}`);
		const doc = this.commit(this.build(org, collection, patch, target));
		if (options.updatedDateUTC !== undefined) this.restamp(org, collection, doc, options.updatedDateUTC);
		return doc;
	}

	/** Sets UpdatedDateUTC without any other change (and without a webhook). */
	touch(tenantId: string, collection: CollectionName, id: string, updatedDateUTC: Date | number | string): Json {
		const org = this.tenant(tenantId);
		const doc = org.collection(collection).get(id) as Json | undefined;
		if (!doc) throw new Error(`No ${collection} document ${id}`);
		this.restamp(org, collection, doc, updatedDateUTC);
		return doc;
	}

	private restamp(org: OrganisationData, collection: CollectionName, doc: Json, when: Date | number | string): void {
		const ms = when instanceof Date ? when.getTime() : typeof when === 'number' ? when : parseIsoStrict(when);
		if (Number.isNaN(ms)) throw new Error(`Not a date: ${String(when)}`);
		doc.UpdatedDateUTC = msDate(ms);
		org.collection(collection).reorder();
	}

	private build(org: OrganisationData, collection: WritableCollection, element: Json, target: Json | undefined): Built<Json> {
		const engine = this.engine;
		const mode = target ? 'upsert' : 'create';
		switch (collection) {
			case 'Invoices':
				return buildInvoice(engine, org, element, { mode, target: target as never, unitdp: 4 }) as Built<never>;
			case 'Contacts':
				return buildContact(engine, org, element, mode, target as never) as Built<never>;
			case 'Items':
				return buildItem(engine, org, element, { mode, target: target as never }) as Built<never>;
			case 'PurchaseOrders':
				return buildPurchaseOrder(engine, org, element, { mode, target: target as never }) as Built<never>;
			case 'CreditNotes':
				return buildCreditNote(engine, org, element, { mode, target: target as never, unitdp: 4 }) as Built<never>;
			case 'BankTransactions':
				return buildBankTransaction(engine, org, element, { mode, target: target as never, unitdp: 4 }) as Built<never>;
			case 'Payments':
				return (target ? deletePayment(engine, org, target as never, element) : buildPayment(engine, org, element)) as Built<never>;
		}
	}

	private commit(built: Built<Json>): Json {
		if (built.errors.length || !built.draft) {
			throw new XeroValidationError(built.errors.join('; ') || 'A validation exception occurred', [{ ...built.echo, ValidationErrors: built.errors.map((Message) => ({ Message })) }]);
		}
		built.draft.commit();
		return built.draft.doc;
	}
}
