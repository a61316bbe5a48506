import { randomUUID } from 'crypto';
import type { Built } from './batch';
import { DocumentWrite, type DocumentKind, type UnitdpWriteOptions } from './document-write';
import { asObject, contactSummary, setDate, str } from './documents';
import type { Engine } from './engine';
import type { OrganisationData } from './store';
import type { Json, XeroBankTransaction } from './types';
import { msDate } from './xero-format';

const TYPES = ['RECEIVE', 'SPEND'];

const BANK_TRANSACTION: DocumentKind<XeroBankTransaction> = {
	name: 'bank transaction',
	idField: 'BankTransactionID',
	find: (org, element) => org.BankTransactions.get(str(element.BankTransactionID)),
};

export function buildBankTransaction(
	engine: Engine,
	org: OrganisationData,
	element: Json,
	options: UnitdpWriteOptions<XeroBankTransaction>,
): Built<XeroBankTransaction> {
	const write = new DocumentWrite(engine, org, element, options, BANK_TRANSACTION);
	const { errors, existing } = write;
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

	const contact = write.resolveContact({ createsContacts: true });
	const side = type === 'RECEIVE' ? 'sales' : 'purchases';
	const { lineAmountTypes, lineItems } = write.resolveLines({ side, requireAccount: true, unitDecimals: options.unitdp, discounts: false });
	if (lineItems.length === 0) errors.push('A bank transaction must have at least one line item');
	const { currency, date } = write.resolveCurrencyAndDate();
	const echo = write.echo();
	if (errors.length || !contact || !bankAccount || !type) return { errors, echo };
	const tx: XeroBankTransaction = {
		...(existing ? structuredClone(existing) : {}),
		Type: type,
		BankTransactionID: existing?.BankTransactionID ?? randomUUID(),
		BankAccount: { AccountID: bankAccount.AccountID, Code: bankAccount.Code, Name: bankAccount.Name },
		...write.commonFields({ contact, status, lineAmountTypes, lineItems, currency }),
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
				write.commitPendingContact(tx);
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
