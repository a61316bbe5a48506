import { randomUUID } from 'crypto';
import { EMPTY_ID, type Built } from './batch';
import { asObject, str } from './documents';
import type { Engine } from './engine';
import type { OrganisationData } from './store';
import type { Json, XeroContact } from './types';
import { msDate, round2 } from './xero-format';

const EMAIL = /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/;

// Members a client may write; IsSupplier/IsCustomer are set by Xero from transactions.
const WRITABLE = [
	'ContactNumber',
	'AccountNumber',
	'FirstName',
	'LastName',
	'CompanyNumber',
	'EmailAddress',
	'BankAccountDetails',
	'TaxNumber',
	'AccountsReceivableTaxType',
	'AccountsPayableTaxType',
	'Addresses',
	'Phones',
	'ContactPersons',
	'DefaultCurrency',
	'SalesDefaultAccountCode',
	'PurchasesDefaultAccountCode',
	'PaymentTerms',
	'SalesDefaultLineAmountType',
	'PurchasesDefaultLineAmountType',
	'XeroNetworkKey',
] as const;

export function commitContact(engine: Engine, org: OrganisationData, contact: XeroContact, isNew: boolean): void {
	contact.UpdatedDateUTC = msDate(org.nextStamp(engine.now()));
	org.Contacts.put(contact);
	engine.emit({ org, category: 'CONTACT', resourceId: contact.ContactID, eventType: isNew ? 'CREATE' : 'UPDATE' });
}

export function newContact(name: string): XeroContact {
	return {
		ContactID: randomUUID(),
		ContactStatus: 'ACTIVE',
		Name: name,
		EmailAddress: '',
		Addresses: [],
		Phones: [],
		ContactGroups: [],
		ContactPersons: [],
		IsSupplier: false,
		IsCustomer: false,
		HasAttachments: false,
		HasValidationErrors: false,
		UpdatedDateUTC: msDate(0),
	};
}

function findExisting(org: OrganisationData, element: Json): XeroContact | undefined {
	const id = str(element.ContactID);
	if (id) return org.Contacts.get(id);
	const number = str(element.ContactNumber);
	if (number) return org.Contacts.find((c) => c.ContactNumber === number);
	return undefined;
}

/** Builds a created or updated contact from a request element (nothing stored yet). */
export function buildContact(engine: Engine, org: OrganisationData, element: Json, mode: 'create' | 'upsert', target?: XeroContact): Built<XeroContact> {
	const errors: string[] = [];
	const echo: Json = { ...element, ContactID: str(element.ContactID) ?? EMPTY_ID };
	let existing = target ?? findExisting(org, element);
	if (mode === 'create' && existing && !target) {
		errors.push(`A contact with ContactID '${existing.ContactID}' already exists; use POST to update it`);
		existing = undefined;
	} else if (str(element.ContactID) && !existing) {
		errors.push(`The contact with the specified ContactID '${element.ContactID}' could not be found`);
	}
	const contact: XeroContact = existing ? structuredClone(existing) : newContact('');
	const name = str(element.Name)?.trim();
	if (name !== undefined) contact.Name = name;
	if (!contact.Name) errors.push('The contact name must be specified');
	if (contact.Name.length > 255) errors.push('The contact name must be 255 characters or fewer');
	for (const key of WRITABLE) if (element[key] !== undefined) (contact as Json)[key] = element[key];
	if (element.ContactStatus !== undefined) {
		if (!['ACTIVE', 'ARCHIVED'].includes(String(element.ContactStatus))) errors.push(`ContactStatus '${element.ContactStatus}' cannot be set`);
		else contact.ContactStatus = element.ContactStatus as XeroContact['ContactStatus'];
	}
	if (contact.EmailAddress && !EMAIL.test(contact.EmailAddress)) errors.push('Email address must be valid.');
	if (contact.ContactStatus === 'ACTIVE' && contact.Name) {
		const lower = contact.Name.toLowerCase();
		const clash = org.Contacts.find((c) => c.ContactID !== contact.ContactID && c.ContactStatus === 'ACTIVE' && c.Name.toLowerCase() === lower);
		if (clash) {
			errors.push(`The contact name ${contact.Name} is already assigned to another contact. The contact name must be unique across all active contacts.`);
		}
	}
	if (contact.AccountNumber) {
		const clash = org.Contacts.find((c) => c.ContactID !== contact.ContactID && c.AccountNumber === contact.AccountNumber);
		if (clash) errors.push(`The AccountNumber ${contact.AccountNumber} is already assigned to another contact.`);
	}
	if (contact.DefaultCurrency !== undefined && !org.Currencies.get(String(contact.DefaultCurrency))) {
		errors.push(`Organisation is not subscribed to currency ${contact.DefaultCurrency}`);
	}
	const isNew = !existing;
	return {
		errors,
		echo,
		draft: errors.length ? undefined : { doc: contact, commit: () => commitContact(engine, org, contact, isNew) },
	};
}

/** Outstanding and overdue amounts, as Xero adds to a single contact. */
export function contactBalances(org: OrganisationData, contactId: string, now: number): Json {
	const sums = { ACCREC: { Outstanding: 0, Overdue: 0 }, ACCPAY: { Outstanding: 0, Overdue: 0 } };
	for (const inv of org.Invoices.values()) {
		if (inv.Contact.ContactID !== contactId || inv.Status !== 'AUTHORISED') continue;
		const bucket = sums[inv.Type];
		bucket.Outstanding += inv.AmountDue;
		const due = inv.DueDate ? parseInt(inv.DueDate.slice(6), 10) : Infinity;
		if (due < now) bucket.Overdue += inv.AmountDue;
	}
	const r = (b: { Outstanding: number; Overdue: number }) => ({ Outstanding: round2(b.Outstanding), Overdue: round2(b.Overdue) });
	return { AccountsReceivable: r(sums.ACCREC), AccountsPayable: r(sums.ACCPAY) };
}

export function presentContact(contact: XeroContact, summaryOnly = false): Json {
	if (!summaryOnly) return { ...contact };
	const { ContactID, ContactNumber, AccountNumber, ContactStatus, Name, FirstName, LastName, EmailAddress, UpdatedDateUTC } = contact;
	return { ContactID, ContactNumber, AccountNumber, ContactStatus, Name, FirstName, LastName, EmailAddress, UpdatedDateUTC, HasValidationErrors: false };
}

export function asContactInput(value: unknown): Json {
	return asObject(value) ?? {};
}
