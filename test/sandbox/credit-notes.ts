import { randomUUID } from 'crypto';
import type { Built } from './batch';
import { DocumentWrite, type DocumentKind, type UnitdpWriteOptions } from './document-write';
import { asObject, contactSummary, num, resolveDate, setDate, str, today } from './documents';
import { XeroValidationError, type Engine } from './engine';
import { INVOICE_TRANSITIONS, commitInvoice, nextNumber, settleAmounts } from './invoices';
import type { OrganisationData } from './store';
import type { Json, XeroCreditNote, XeroInvoice } from './types';
import { msDate, round2 } from './xero-format';

const CREATE_STATUSES = ['DRAFT', 'SUBMITTED', 'AUTHORISED'];

const CREDIT_NOTE: DocumentKind<XeroCreditNote> = { name: 'credit note', idField: 'CreditNoteID', find: findExisting };

function numberTaken(org: OrganisationData, number: string, exceptId?: string): boolean {
	const wanted = number.toLowerCase();
	return !!org.CreditNotes.find((c) => c.CreditNoteID !== exceptId && c.Type === 'ACCRECCREDIT' && c.CreditNoteNumber.toLowerCase() === wanted);
}

function findExisting(org: OrganisationData, element: Json): XeroCreditNote | undefined {
	const id = str(element.CreditNoteID);
	if (id) return org.CreditNotes.get(id);
	const number = str(element.CreditNoteNumber);
	return number ? org.CreditNotes.find((c) => c.CreditNoteNumber === number) : undefined;
}

export function buildCreditNote(engine: Engine, org: OrganisationData, element: Json, options: UnitdpWriteOptions<XeroCreditNote>): Built<XeroCreditNote> {
	const write = new DocumentWrite(engine, org, element, options, CREDIT_NOTE);
	const { errors, existing } = write;
	const type = (str(element.Type) ?? existing?.Type) as XeroCreditNote['Type'] | undefined;
	if (type !== 'ACCRECCREDIT' && type !== 'ACCPAYCREDIT') errors.push('Credit note not of valid type for creation');
	const status = str(element.Status) ?? existing?.Status ?? 'DRAFT';
	if (!existing && !CREATE_STATUSES.includes(status)) errors.push('Credit note not of valid status for creation');
	if (existing && !INVOICE_TRANSITIONS[existing.Status]?.includes(status)) errors.push('Credit note not of valid status for modification');
	const allocated = existing ? round2(existing.Total - existing.RemainingCredit) : 0;
	if (allocated > 0 && (element.LineItems !== undefined || status === 'VOIDED')) {
		errors.push('This document cannot be edited as it has a payment or credit note allocated to it.');
	}

	const contact = write.resolveContact({ createsContacts: true });
	const approving = status === 'SUBMITTED' || status === 'AUTHORISED';
	const side = type === 'ACCPAYCREDIT' ? 'purchases' : 'sales';
	const { lineAmountTypes, lineItems } = write.resolveLines({ side, requireAccount: approving, unitDecimals: options.unitdp, discounts: false });
	if (approving && lineItems.length === 0) errors.push('Credit note must have at least one line item to be approved');
	const { currency, date } = write.resolveCurrencyAndDate();
	const number = str(element.CreditNoteNumber) ?? existing?.CreditNoteNumber;
	if (type === 'ACCRECCREDIT' && number && numberTaken(org, number, existing?.CreditNoteID)) errors.push('Credit Note # must be unique.');

	const echo = write.echo();
	if (errors.length || !type || !contact) return { errors, echo };
	const note: XeroCreditNote = {
		...(existing ? structuredClone(existing) : {}),
		Type: type,
		CreditNoteID: existing?.CreditNoteID ?? randomUUID(),
		CreditNoteNumber: number ?? '',
		...write.commonFields({ contact, status, lineAmountTypes, lineItems, currency }),
		UpdatedDateUTC: existing?.UpdatedDateUTC ?? msDate(0),
		RemainingCredit: 0,
		Allocations: existing?.Allocations ?? [],
		Payments: existing?.Payments ?? [],
		HasAttachments: existing?.HasAttachments ?? false,
		HasErrors: false,
	};
	// Xero sends no TotalDiscount on credit notes.
	delete note.TotalDiscount;
	setDate(note, 'Date', date);
	if (str(element.Reference) !== undefined) note.Reference = str(element.Reference);
	note.RemainingCredit = status === 'VOIDED' || status === 'DELETED' ? 0 : round2(note.Total - allocated);
	return {
		errors,
		echo,
		draft: {
			doc: note,
			commit: () => {
				write.commitPendingContact(note);
				if (!note.CreditNoteNumber) note.CreditNoteNumber = nextNumber(org, 'CN', (n) => numberTaken(org, n));
				commitCreditNote(engine, org, note, !existing);
			},
		},
	};
}

export function commitCreditNote(engine: Engine, org: OrganisationData, note: XeroCreditNote, isNew: boolean): void {
	note.UpdatedDateUTC = msDate(org.nextStamp(engine.now()));
	org.CreditNotes.put(note);
	engine.emit({
		org,
		category: 'CREDITNOTE',
		resourceId: note.CreditNoteID,
		eventType: isNew ? 'CREATE' : 'UPDATE',
		data: { Type: note.Type, Status: note.Status },
	});
}

export function presentCreditNote(org: OrganisationData, note: XeroCreditNote, options: { withoutLines?: boolean } = {}): Json {
	const contact = org.Contacts.get(note.Contact.ContactID);
	const out: Json = { ...note, Contact: contact ? contactSummary(contact) : note.Contact };
	if (options.withoutLines) out.LineItems = [];
	return out;
}

interface AllocationCheck {
	errors: string[];
	invoice?: XeroInvoice;
	amount: number;
	date: number;
}

function checkAllocation(engine: Engine, org: OrganisationData, note: XeroCreditNote, element: Json): AllocationCheck {
	const errors: string[] = [];
	const invoiceRef = asObject(element.Invoice) ?? {};
	const invoice =
		org.Invoices.get(str(invoiceRef.InvoiceID)) ??
		(str(invoiceRef.InvoiceNumber) ? org.Invoices.find((i) => i.InvoiceNumber === invoiceRef.InvoiceNumber) : undefined);
	const amount = num(element.Amount) ?? 0;
	const date = resolveDate(element.Date, 'Date', errors, today(engine)) ?? today(engine);
	if (note.Status !== 'AUTHORISED') errors.push('Credit note must be AUTHORISED to be allocated');
	if (!invoice) errors.push('Invoice could not be found');
	else {
		if (invoice.Status !== 'AUTHORISED') errors.push('Invoice must be AUTHORISED to allocate a credit note to it');
		if ((note.Type === 'ACCRECCREDIT') !== (invoice.Type === 'ACCREC')) errors.push('Credit note and invoice types do not match');
		if (invoice.Contact.ContactID !== note.Contact.ContactID) errors.push('Credit note and invoice must belong to the same contact');
		if (invoice.CurrencyCode !== note.CurrencyCode) errors.push('Credit note and invoice currencies do not match');
	}
	if (amount <= 0) errors.push('Allocation amount must be greater than zero');
	else {
		if (amount > note.RemainingCredit + 1e-9) errors.push('Allocation amount exceeds the remaining credit on the credit note');
		if (invoice && amount > invoice.AmountDue + 1e-9) errors.push('Allocation amount exceeds the amount due on the invoice');
	}
	return { errors, invoice, amount, date };
}

/** PUT /CreditNotes/{id}/Allocations: applies credit to invoices of the same contact and side. */
export function allocateCreditNote(engine: Engine, org: OrganisationData, note: XeroCreditNote, elements: Json[], summarizeErrors: boolean): Json[] {
	const failure = (element: Json, errors: string[]): Json => ({
		...element,
		StatusAttributeString: 'ERROR',
		ValidationErrors: errors.map((Message) => ({ Message })),
	});
	if (summarizeErrors) {
		const failed = elements.map((e) => ({ e, c: checkAllocation(engine, org, note, e) })).filter((x) => x.c.errors.length);
		if (failed.length) throw new XeroValidationError('A validation exception occurred', failed.map((x) => failure(x.e, x.c.errors)));
	}
	const results: Json[] = [];
	for (const element of elements) {
		const { errors, invoice, amount, date } = checkAllocation(engine, org, note, element);
		if (errors.length || !invoice) {
			results.push(failure(element, errors));
			continue;
		}
		const allocationId = randomUUID();
		const allocation: Json = {
			AllocationID: allocationId,
			Amount: amount,
			Date: msDate(date),
			Invoice: { InvoiceID: invoice.InvoiceID, InvoiceNumber: invoice.InvoiceNumber, Type: invoice.Type },
			CreditNote: { CreditNoteID: note.CreditNoteID, CreditNoteNumber: note.CreditNoteNumber, Type: note.Type },
			IsDeleted: false,
		};
		results.push({ ...allocation, StatusAttributeString: 'OK' });
		const updatedNote = structuredClone(note);
		updatedNote.Allocations.push({ AllocationID: allocationId, Amount: amount, Date: msDate(date), Invoice: allocation.Invoice });
		updatedNote.RemainingCredit = round2(updatedNote.RemainingCredit - amount);
		if (updatedNote.RemainingCredit <= 0) {
			updatedNote.Status = 'PAID';
			updatedNote.FullyPaidOnDate = msDate(date);
		}
		const updatedInvoice = structuredClone(invoice);
		updatedInvoice.AmountCredited = round2(updatedInvoice.AmountCredited + amount);
		updatedInvoice.CreditNotes.push({
			CreditNoteID: note.CreditNoteID,
			CreditNoteNumber: note.CreditNoteNumber,
			Total: note.Total,
			AppliedAmount: amount,
			Date: note.Date,
		});
		settleAmounts(updatedInvoice);
		if (updatedInvoice.AmountDue <= 0) {
			updatedInvoice.Status = 'PAID';
			updatedInvoice.FullyPaidOnDate = msDate(date);
		}
		commitCreditNote(engine, org, updatedNote, false);
		commitInvoice(engine, org, updatedInvoice, false);
		note = updatedNote;
	}
	return results;
}
