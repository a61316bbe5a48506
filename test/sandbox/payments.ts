import { randomUUID } from 'crypto';
import { EMPTY_ID, type Built } from './batch';
import { commitCreditNote } from './credit-notes';
import { asObject, num, resolveDate, str, today } from './documents';
import type { Engine } from './engine';
import { commitInvoice, settleAmounts } from './invoices';
import type { OrganisationData } from './store';
import type { Json, XeroAccount, XeroCreditNote, XeroInvoice, XeroPayment, XeroPaymentRef } from './types';
import { msDate, round2 } from './xero-format';

// Payments apply to AUTHORISED invoices (or credit notes, as refunds) from accounts that
// accept payments; they move AmountPaid/AmountDue and mark documents PAID. Deleting a
// payment (POST Status DELETED) reverses that.

const PAYMENT_TYPES: Record<string, string> = {
	ACCREC: 'ACCRECPAYMENT',
	ACCPAY: 'ACCPAYPAYMENT',
	ACCRECCREDIT: 'ARCREDITPAYMENT',
	ACCPAYCREDIT: 'APCREDITPAYMENT',
};

export function acceptsPayments(account: XeroAccount | undefined): boolean {
	return !!account && account.Status === 'ACTIVE' && (account.Type === 'BANK' || account.EnablePaymentsToAccount === true);
}

function findAccount(org: OrganisationData, ref: Json | undefined): XeroAccount | undefined {
	if (!ref) return undefined;
	return org.Accounts.get(str(ref.AccountID)) ?? org.accountByCode(str(ref.Code));
}

function findTarget(org: OrganisationData, element: Json): XeroInvoice | XeroCreditNote | undefined {
	const inv = asObject(element.Invoice);
	if (inv) {
		const id = str(inv.InvoiceID);
		if (id) return org.Invoices.get(id);
		const number = str(inv.InvoiceNumber);
		if (number) return org.Invoices.find((i) => i.InvoiceNumber === number);
		return undefined;
	}
	const cn = asObject(element.CreditNote);
	if (cn) {
		const id = str(cn.CreditNoteID);
		if (id) return org.CreditNotes.get(id);
		const number = str(cn.CreditNoteNumber);
		if (number) return org.CreditNotes.find((c) => c.CreditNoteNumber === number);
	}
	return undefined;
}

function isInvoice(doc: XeroInvoice | XeroCreditNote): doc is XeroInvoice {
	return typeof (doc as XeroInvoice).InvoiceID === 'string';
}

function outstanding(doc: XeroInvoice | XeroCreditNote): number {
	return isInvoice(doc) ? doc.AmountDue : doc.RemainingCredit;
}

export function buildPayment(engine: Engine, org: OrganisationData, element: Json): Built<XeroPayment> {
	const errors: string[] = [];
	const echo: Json = { ...element, PaymentID: EMPTY_ID };
	const target = findTarget(org, element);
	if (!target) errors.push(element.CreditNote ? 'Credit note could not be found' : 'Invoice could not be found');
	else if (target.Status !== 'AUTHORISED') errors.push('Payments can only be made against Authorised documents');
	const account = findAccount(org, asObject(element.Account));
	if (!account) errors.push('Account could not be found');
	else if (!acceptsPayments(account)) errors.push('Account type is invalid for making a payment to/from');
	const amount = num(element.Amount);
	if (amount === undefined || amount <= 0) errors.push('Payment amount must be greater than zero');
	else if (target && target.Status === 'AUTHORISED' && round2(amount) > outstanding(target) + 1e-9) {
		errors.push('Payment amount exceeds the amount outstanding on this document');
	}
	const date = resolveDate(element.Date, 'Date', errors, today(engine)) ?? today(engine);
	if (errors.length || !target || !account || amount === undefined) return { errors, echo };
		const paymentId = randomUUID();
	const payment: XeroPayment = {
		PaymentID: paymentId,
		Date: msDate(date),
		Amount: round2(amount),
		BankAmount: round2(amount),
		CurrencyRate: num(element.CurrencyRate) ?? target.CurrencyRate,
		IsReconciled: element.IsReconciled === true,
		Status: 'AUTHORISED',
		PaymentType: PAYMENT_TYPES[target.Type],
		UpdatedDateUTC: msDate(0),
		HasAccount: true,
		HasValidationErrors: false,
		Account: { AccountID: account.AccountID, Code: account.Code },
	};
	if (str(element.Reference) !== undefined) payment.Reference = str(element.Reference);
	if (isInvoice(target)) {
		payment.Invoice = {
			Type: target.Type,
			InvoiceID: target.InvoiceID,
			InvoiceNumber: target.InvoiceNumber,
			Contact: { ContactID: target.Contact.ContactID, Name: org.Contacts.get(target.Contact.ContactID)?.Name ?? target.Contact.Name },
			CurrencyCode: target.CurrencyCode,
		};
	} else {
		payment.CreditNote = {
			Type: target.Type,
			CreditNoteID: target.CreditNoteID,
			CreditNoteNumber: target.CreditNoteNumber,
			Contact: { ContactID: target.Contact.ContactID, Name: org.Contacts.get(target.Contact.ContactID)?.Name ?? target.Contact.Name },
			CurrencyCode: target.CurrencyCode,
		};
	}
	return {
		errors,
		echo,
		draft: {
			doc: payment,
			commit: () => {
				payment.UpdatedDateUTC = msDate(org.nextStamp(engine.now()));
				org.Payments.put(payment);
				applyToDocument(engine, org, payment, +1);
			},
		},
	};
}

function paymentRef(payment: XeroPayment): XeroPaymentRef {
	const ref: XeroPaymentRef = {
		PaymentID: payment.PaymentID,
		Date: payment.Date,
		Amount: payment.Amount,
		CurrencyRate: payment.CurrencyRate,
		HasAccount: true,
		HasValidationErrors: false,
	};
	if (payment.Reference !== undefined) ref.Reference = payment.Reference;
	return ref;
}

/** Adds (+1) or removes (-1) the payment's effect on its invoice or credit note. */
function applyToDocument(engine: Engine, org: OrganisationData, payment: XeroPayment, sign: 1 | -1): void {
	const invoiceId = payment.Invoice?.InvoiceID as string | undefined;
	if (invoiceId) {
		const stored = org.Invoices.get(invoiceId);
		if (!stored) return;
		const invoice = structuredClone(stored);
		invoice.AmountPaid = round2(invoice.AmountPaid + sign * payment.Amount);
		invoice.Payments = sign > 0 ? [...invoice.Payments, paymentRef(payment)] : invoice.Payments.filter((p) => p.PaymentID !== payment.PaymentID);
		if (invoice.Status === 'PAID' && sign < 0) {
			invoice.Status = 'AUTHORISED';
			delete invoice.FullyPaidOnDate;
		}
		settleAmounts(invoice);
		if (invoice.AmountDue <= 0 && sign > 0) {
			invoice.Status = 'PAID';
			invoice.FullyPaidOnDate = payment.Date;
		}
		commitInvoice(engine, org, invoice, false);
		return;
	}
	const noteId = payment.CreditNote?.CreditNoteID as string | undefined;
	const stored = noteId ? org.CreditNotes.get(noteId) : undefined;
	if (!stored) return;
	const note = structuredClone(stored);
	note.RemainingCredit = round2(note.RemainingCredit - sign * payment.Amount);
	note.Payments = sign > 0 ? [...note.Payments, paymentRef(payment)] : note.Payments.filter((p) => p.PaymentID !== payment.PaymentID);
	if (note.Status === 'PAID' && sign < 0) {
		note.Status = 'AUTHORISED';
		delete note.FullyPaidOnDate;
	}
	if (note.RemainingCredit <= 0 && sign > 0) {
		note.Status = 'PAID';
		note.FullyPaidOnDate = payment.Date;
	}
	commitCreditNote(engine, org, note, false);
}

/** POST /Payments/{id} with Status DELETED: Xero's way to remove a payment. */
export function deletePayment(engine: Engine, org: OrganisationData, payment: XeroPayment, element: Json): Built<XeroPayment> {
	const errors: string[] = [];
	if (element.Status !== 'DELETED') errors.push('Payments can only be deleted (Status DELETED); other changes are not allowed');
	else if (payment.Status === 'DELETED') errors.push('This payment has already been deleted');
	else if (payment.IsReconciled) errors.push('This payment cannot be deleted as it has been reconciled');
	const echo: Json = { ...element, PaymentID: payment.PaymentID };
	if (errors.length) return { errors, echo };
	const updated = structuredClone(payment);
	updated.Status = 'DELETED';
	return {
		errors,
		echo,
		draft: {
			doc: updated,
			commit: () => {
				updated.UpdatedDateUTC = msDate(org.nextStamp(engine.now()));
				org.Payments.put(updated);
				applyToDocument(engine, org, updated, -1);
			},
		},
	};
}
