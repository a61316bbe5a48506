import { randomUUID } from 'crypto';
import { EMPTY_ID, type Built } from './batch';
import { commitContact, newContact } from './contacts';
import {
	asObject,
	buildLineItems,
	checkContactUsable,
	computeTotals,
	contactSummary,
	lineAmountTypesOf,
	resolveContact,
	resolveCurrency,
	resolveDate,
	setDate,
	str,
	today,
} from './documents';
import type { Engine } from './engine';
import type { OrganisationData } from './store';
import type { Json, XeroBankTransaction, XeroContact } from './types';
import { fromMsDate, msDate } from './xero-format';

const TYPES = ['RECEIVE', 'SPEND'];

export function buildBankTransaction(
	engine: Engine,
	org: OrganisationData,
	element: Json,
	options: { mode: 'create' | 'upsert'; target?: XeroBankTransaction; unitdp: 2 | 4 },
): Built<XeroBankTransaction> {
	const errors: string[] = [];
	let existing = options.target ?? (str(element.BankTransactionID) ? org.BankTransactions.get(str(element.BankTransactionID)) : undefined);
	if (options.mode === 'create' && existing && !options.target) {
		errors.push(`A bank transaction with BankTransactionID '${existing.BankTransactionID}' already exists; use POST to update it`);
		existing = undefined;
	} else if (str(element.BankTransactionID) && !existing) {
		errors.push(`Bank transaction with BankTransactionID '${element.BankTransactionID}' could not be found`);
	}
	const type = str(element.Type) ?? existing?.Type;
	if (!type || !TYPES.includes(type)) errors.push(`Bank transaction type '${type ?? ''}' is not supported; use RECEIVE or SPEND`);
	const status = str(element.Status) ?? existing?.Status ?? 'AUTHORISED';
	if (!['AUTHORISED', 'DELETED'].includes(status)) errors.push(`Status '${status}' cannot be set on a bank transaction`);
	if (existing?.Status === 'DELETED' && status !== 'DELETED') errors.push('A deleted bank transaction cannot be changed');
	const bankRef = asObject(element.BankAccount);
	const bankAccount = bankRef
		? (org.Accounts.get(str(bankRef.AccountID)) ?? org.accountByCode(str(bankRef.Code)))
		: existing
			? org.Accounts.get(existing.BankAccount.AccountID)
			: undefined;
	if (!bankAccount || bankAccount.Type !== 'BANK') errors.push('A valid BankAccount must be specified');

	let pendingContact: XeroContact | undefined;
	const contact =
		element.Contact !== undefined || !existing
			? resolveContact(org, element.Contact, errors, { createContact: (name) => (pendingContact = newContact(name)) })
			: org.Contacts.get(existing.Contact.ContactID);
	if (contact !== pendingContact) checkContactUsable(contact, errors);
	const lineAmountTypes = lineAmountTypesOf(element.LineAmountTypes, existing?.LineAmountTypes ?? 'Exclusive');
	const lineItems =
		element.LineItems !== undefined
			? buildLineItems(
					org,
					element.LineItems,
					{ side: type === 'RECEIVE' ? 'sales' : 'purchases', lineAmountTypes, requireAccount: true, unitDecimals: options.unitdp, discounts: false },
					errors,
					existing?.LineItems,
				)
			: (existing?.LineItems ?? []);
	if (lineItems.length === 0) errors.push('A bank transaction must have at least one line item');
	const currency = resolveCurrency(org, element.CurrencyCode ?? existing?.CurrencyCode, element.CurrencyRate ?? existing?.CurrencyRate, errors);
	const date = resolveDate(element.Date, 'Date', errors, existing ? fromMsDate(existing.Date) : today(engine)) ?? today(engine);
	const echo: Json = { ...element, BankTransactionID: existing?.BankTransactionID ?? EMPTY_ID };
	if (errors.length || !contact || !bankAccount || !type) return { errors, echo };
	const tx: XeroBankTransaction = {
		...(existing ? structuredClone(existing) : {}),
		Type: type,
		BankTransactionID: existing?.BankTransactionID ?? randomUUID(),
		BankAccount: { AccountID: bankAccount.AccountID, Code: bankAccount.Code, Name: bankAccount.Name },
		Contact: { ContactID: contact.ContactID, Name: contact.Name },
		Date: '',
		DateString: '',
		Status: status,
		LineAmountTypes: lineAmountTypes,
		LineItems: lineItems,
		...computeTotals(lineItems, lineAmountTypes),
		CurrencyCode: currency.code,
		CurrencyRate: currency.rate,
		IsReconciled: typeof element.IsReconciled === 'boolean' ? element.IsReconciled : (existing?.IsReconciled ?? false),
		UpdatedDateUTC: existing?.UpdatedDateUTC ?? msDate(0),
		HasAttachments: existing?.HasAttachments ?? false,
	};
	delete tx.TotalDiscount;
	setDate(tx, 'Date', date);
	if (str(element.Reference) !== undefined) tx.Reference = str(element.Reference);
	if (element.Url !== undefined) tx.Url = element.Url;
	return {
		errors,
		echo,
		draft: {
			doc: tx,
			commit: () => {
				if (pendingContact) {
					commitContact(engine, org, pendingContact, true);
					tx.Contact = { ContactID: pendingContact.ContactID, Name: pendingContact.Name };
				}
				tx.UpdatedDateUTC = msDate(org.nextStamp(engine.now()));
				org.BankTransactions.put(tx);
			},
		},
	};
}

export function presentBankTransaction(org: OrganisationData, tx: XeroBankTransaction, options: { withoutLines?: boolean } = {}): Json {
	const contact = org.Contacts.get(tx.Contact.ContactID);
	const out: Json = { ...tx, Contact: contact ? contactSummary(contact) : tx.Contact };
	if (options.withoutLines) out.LineItems = [];
	return out;
}
