import { EMPTY_ID } from './batch';
import { commitContact, newContact } from './contacts';
import {
	buildLineItems,
	checkContactUsable,
	computeTotals,
	lineAmountTypesOf,
	resolveContact,
	resolveCurrency,
	resolveDate,
	str,
	today,
	type LineRules,
} from './documents';
import type { Engine } from './engine';
import type { OrganisationData } from './store';
import type { Json, LineAmountTypes, XeroContact, XeroDocumentBase, XeroLineItem } from './types';
import { fromMsDate } from './xero-format';

// What creating or updating an invoice, credit note, purchase order or bank transaction
// shares. Each step pushes its errors as it runs, so a document calls the steps where Xero
// checks those members and its messages keep Xero's order.

export interface DocumentKind<T> {
	/** As messages name it, e.g. 'credit note'. */
	name: string;
	idField: keyof T & string;
	/** The stored document an element names (by ID; some documents also by number). */
	find(org: OrganisationData, element: Json): T | undefined;
}

export interface WriteOptions<T> {
	mode: 'create' | 'upsert';
	/** The document a POST to /{Collection}/{id} updates. */
	target?: T;
}

export interface UnitdpWriteOptions<T> extends WriteOptions<T> {
	/** Decimal places of unit amounts (the request's unitdp parameter). */
	unitdp: 2 | 4;
}

interface CommonFieldValues {
	contact: XeroContact;
	status: string;
	lineAmountTypes: LineAmountTypes;
	lineItems: XeroLineItem[];
	currency: { code: string; rate: number };
}

export class DocumentWrite<T extends XeroDocumentBase> {
	readonly errors: string[] = [];
	/** The stored document the element updates; undefined when it creates one. */
	readonly existing: T | undefined;
	/** A contact named on the document that does not exist yet: stored only with the document. */
	private pendingContact: XeroContact | undefined;

	constructor(
		private readonly engine: Engine,
		private readonly org: OrganisationData,
		private readonly element: Json,
		options: WriteOptions<T>,
		private readonly kind: DocumentKind<T>,
	) {
		this.existing = this.findExisting(options);
	}

	private findExisting(options: WriteOptions<T>): T | undefined {
		const { name, idField } = this.kind;
		const existing = options.target ?? this.kind.find(this.org, this.element);
		if (options.mode === 'create' && existing && !options.target) {
			// PUT creates: naming a stored document by ID is an error, by number it is not.
			if (str(this.element[idField])) {
				const article = /^[aeiou]/.test(name) ? 'An' : 'A';
				this.errors.push(`${article} ${name} with ${idField} '${existing[idField]}' already exists; use POST to update it`);
			}
			return undefined;
		}
		if (str(this.element[idField]) && !existing) {
			this.errors.push(`${name[0].toUpperCase()}${name.slice(1)} with ${idField} '${this.element[idField]}' could not be found`);
		}
		return existing;
	}

	/** The element's contact, else the stored document's. */
	resolveContact(options: { createsContacts: boolean }): XeroContact | undefined {
		const { element, existing } = this;
		const hooks = options.createsContacts ? { createContact: (name: string) => (this.pendingContact = newContact(name)) } : {};
		const contact =
			element.Contact !== undefined || !existing
				? resolveContact(this.org, element.Contact, this.errors, hooks)
				: this.org.Contacts.get(existing.Contact.ContactID);
		if (contact !== this.pendingContact) checkContactUsable(contact, this.errors);
		return contact;
	}

	/** The element's LineAmountTypes and lines, else the stored document's. */
	resolveLines(rules: Omit<LineRules, 'lineAmountTypes'>): { lineAmountTypes: LineAmountTypes; lineItems: XeroLineItem[] } {
		const { element, existing } = this;
		const lineAmountTypes = lineAmountTypesOf(element.LineAmountTypes, existing?.LineAmountTypes ?? 'Exclusive');
		const lineItems =
			element.LineItems !== undefined
				? buildLineItems(this.org, element.LineItems, { ...rules, lineAmountTypes }, this.errors, existing?.LineItems)
				: (existing?.LineItems ?? []);
		return { lineAmountTypes, lineItems };
	}

	/** The element's currency and date, else the stored document's; a new document is dated today. */
	resolveCurrencyAndDate(): { currency: { code: string; rate: number }; date: number } {
		const { element, existing, engine, errors } = this;
		const currency = resolveCurrency(this.org, element.CurrencyCode ?? existing?.CurrencyCode, element.CurrencyRate ?? existing?.CurrencyRate, errors);
		const date = resolveDate(element.Date, 'Date', errors, existing ? fromMsDate(existing.Date) : today(engine)) ?? today(engine);
		return { currency, date };
	}

	/** What Xero echoes for a failed element: the element with the document's ID. */
	echo(): Json {
		const { idField } = this.kind;
		return { ...this.element, [idField]: this.existing?.[idField] ?? EMPTY_ID };
	}

	/** The members every document carries, in Xero's order (setDate fills in the dates later). */
	commonFields({ contact, status, lineAmountTypes, lineItems, currency }: CommonFieldValues) {
		return {
			Contact: { ContactID: contact.ContactID, Name: contact.Name },
			Date: '',
			DateString: '',
			Status: status,
			LineAmountTypes: lineAmountTypes,
			LineItems: lineItems,
			...computeTotals(lineItems, lineAmountTypes),
			CurrencyCode: currency.code,
			CurrencyRate: currency.rate,
		};
	}

	/** Stores the contact the document created by name and points the document at it. */
	commitPendingContact(doc: T): void {
		const contact = this.pendingContact;
		if (!contact) return;
		commitContact(this.engine, this.org, contact, true);
		doc.Contact = { ContactID: contact.ContactID, Name: contact.Name };
	}
}
