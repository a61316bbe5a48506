import { randomUUID } from 'crypto';
import type { Built } from './batch';
import { DocumentWrite, type DocumentKind, type UnitdpWriteOptions } from './document-write';
import { contactSummary, defaultDueDate, resolveDate, setDate, str } from './documents';
import type { Engine } from './engine';
import type { OrganisationData } from './store';
import type { Json, XeroInvoice } from './types';
import { fromMsDate, msDate, round2 } from './xero-format';

// Status changes Xero allows on invoices and bills; PAID is only ever set by payments.
export const INVOICE_TRANSITIONS: Record<string, string[]> = {
	DRAFT: ['DRAFT', 'SUBMITTED', 'AUTHORISED', 'DELETED'],
	SUBMITTED: ['SUBMITTED', 'DRAFT', 'AUTHORISED', 'DELETED'],
	AUTHORISED: ['AUTHORISED', 'VOIDED'],
	PAID: ['PAID'],
	VOIDED: ['VOIDED'],
	DELETED: ['DELETED'],
};

const CREATE_STATUSES = ['DRAFT', 'SUBMITTED', 'AUTHORISED'];
const LOCKED_MESSAGE = 'This document cannot be edited as it has a payment or credit note allocated to it.';

const INVOICE: DocumentKind<XeroInvoice> = { name: 'invoice', idField: 'InvoiceID', find: findExisting };

export function nextNumber(org: OrganisationData, prefix: 'INV' | 'PO' | 'CN', taken: (n: string) => boolean): string {
	const key = prefix === 'INV' ? 'invoice' : prefix === 'PO' ? 'purchaseOrder' : 'creditNote';
	for (;;) {
		const candidate = `${prefix}-${String(org.counters[key]++).padStart(4, '0')}`;
		if (!taken(candidate)) return candidate;
	}
}

export function salesNumberTaken(org: OrganisationData, number: string, exceptId?: string): boolean {
	const id = org.invoiceNumbers.get(number.toLowerCase());
	return id !== undefined && id !== exceptId;
}

function findExisting(org: OrganisationData, element: Json): XeroInvoice | undefined {
	const id = str(element.InvoiceID);
	if (id) return org.Invoices.get(id);
	const number = str(element.InvoiceNumber);
	if (number) {
		const byNumber = org.invoiceNumbers.get(number.toLowerCase());
		if (byNumber) return org.Invoices.get(byNumber);
	}
	return undefined;
}

/** Validates a request element and computes the invoice Xero would store. */
export function buildInvoice(engine: Engine, org: OrganisationData, element: Json, options: UnitdpWriteOptions<XeroInvoice>): Built<XeroInvoice> {
	const write = new DocumentWrite(engine, org, element, options, INVOICE);
	const { errors, existing } = write;
	const type = (str(element.Type) ?? existing?.Type) as XeroInvoice['Type'] | undefined;
	if (type !== 'ACCREC' && type !== 'ACCPAY') errors.push('Invoice not of valid type for creation');
	const side = type === 'ACCPAY' ? 'purchases' : 'sales';

	const status = str(element.Status) ?? existing?.Status ?? 'DRAFT';
	if (!existing && !CREATE_STATUSES.includes(status)) errors.push('Invoice not of valid status for creation');
	if (existing && !INVOICE_TRANSITIONS[existing.Status]?.includes(status)) errors.push('Invoice not of valid status for modification');
	const locked = !!existing && (existing.AmountPaid > 0 || existing.AmountCredited > 0);
	if (locked && (element.LineItems !== undefined || status === 'VOIDED')) errors.push(LOCKED_MESSAGE);
	if (existing && ['PAID', 'VOIDED', 'DELETED'].includes(existing.Status) && element.LineItems !== undefined) {
		errors.push('Invoice not of valid status for modification');
	}

	const contact = write.resolveContact({ createsContacts: true });
	const approving = status === 'SUBMITTED' || status === 'AUTHORISED';
	const { lineAmountTypes, lineItems } = write.resolveLines({ side, requireAccount: approving, unitDecimals: options.unitdp, discounts: type === 'ACCREC' });
	if (element.LineItems !== undefined && !Array.isArray(element.LineItems)) errors.push('LineItems must be an array');
	if (approving && lineItems.length === 0) errors.push('Invoice must have at least one line item to be approved');

	const { currency, date } = write.resolveCurrencyAndDate();
	const dueFallback = existing?.DueDate ? fromMsDate(existing.DueDate) : defaultDueDate(date);
	const dueDate = resolveDate(element.DueDate, 'DueDate', errors, dueFallback);

	const number = str(element.InvoiceNumber) ?? existing?.InvoiceNumber;
	if (number !== undefined && number.length > 255) errors.push('InvoiceNumber must be 255 characters or fewer');
	if (type === 'ACCREC' && number && salesNumberTaken(org, number, existing?.InvoiceID)) errors.push('Invoice # must be unique.');
	const brandingThemeId = str(element.BrandingThemeID) ?? existing?.BrandingThemeID;
	if (brandingThemeId && !org.BrandingThemes.get(brandingThemeId)) errors.push('Invalid BrandingThemeID');
	if (element.SentToContact === true && !['AUTHORISED', 'PAID'].includes(status)) {
		errors.push('Only invoices that have been approved can be marked as sent');
	}

	const invoiceId = existing?.InvoiceID ?? randomUUID();
	const echo = write.echo();
	if (errors.length || !type || !contact) return { errors, echo };

	const invoice: XeroInvoice = {
		...(existing ? structuredClone(existing) : {}),
		Type: type,
		InvoiceID: invoiceId,
		InvoiceNumber: number ?? '',
		...write.commonFields({ contact, status, lineAmountTypes, lineItems, currency }),
		UpdatedDateUTC: existing?.UpdatedDateUTC ?? msDate(0),
		AmountDue: 0,
		AmountPaid: existing?.AmountPaid ?? 0,
		AmountCredited: existing?.AmountCredited ?? 0,
		Payments: existing?.Payments ?? [],
		CreditNotes: existing?.CreditNotes ?? [],
		Prepayments: existing?.Prepayments ?? [],
		Overpayments: existing?.Overpayments ?? [],
		SentToContact: typeof element.SentToContact === 'boolean' ? element.SentToContact : (existing?.SentToContact ?? false),
		IsDiscounted: lineItems.some((l) => l.DiscountRate !== undefined || l.DiscountAmount !== undefined),
		HasAttachments: existing?.HasAttachments ?? false,
		HasErrors: false,
	};
	setDate(invoice, 'Date', date);
	setDate(invoice, 'DueDate', dueDate);
	for (const key of ['Reference', 'Url', 'ExpectedPaymentDate', 'PlannedPaymentDate'] as const) {
		if (element[key] !== undefined) (invoice as Json)[key] = element[key];
	}
	if (brandingThemeId) invoice.BrandingThemeID = brandingThemeId;
	settleAmounts(invoice);
	return {
		errors,
		echo,
		draft: {
			doc: invoice,
			commit: () => {
				write.commitPendingContact(invoice);
				if (invoice.Type === 'ACCREC' && !invoice.InvoiceNumber) {
					invoice.InvoiceNumber = nextNumber(org, 'INV', (n) => salesNumberTaken(org, n));
				}
				commitInvoice(engine, org, invoice, !existing);
			},
		},
	};
}

/** AmountDue and status after totals, payments or credits changed. */
export function settleAmounts(invoice: XeroInvoice): void {
	if (invoice.Status === 'VOIDED' || invoice.Status === 'DELETED') {
		invoice.AmountDue = 0;
		return;
	}
	invoice.AmountDue = round2(invoice.Total - invoice.AmountPaid - invoice.AmountCredited);
}

export function commitInvoice(engine: Engine, org: OrganisationData, invoice: XeroInvoice, isNew: boolean): void {
	const previousNumber = org.Invoices.get(invoice.InvoiceID)?.InvoiceNumber;
	if (previousNumber && org.invoiceNumbers.get(previousNumber.toLowerCase()) === invoice.InvoiceID) {
		org.invoiceNumbers.delete(previousNumber.toLowerCase());
	}
	invoice.UpdatedDateUTC = msDate(org.nextStamp(engine.now()));
	org.Invoices.put(invoice);
	if (invoice.Type === 'ACCREC' && invoice.InvoiceNumber) org.invoiceNumbers.set(invoice.InvoiceNumber.toLowerCase(), invoice.InvoiceID);
	// Xero flags customers and suppliers from their transactions (without moving UpdatedDateUTC).
	const contact = org.Contacts.get(invoice.Contact.ContactID);
	if (contact) {
		if (invoice.Type === 'ACCREC') contact.IsCustomer = true;
		else contact.IsSupplier = true;
	}
	engine.emit({ org, category: 'INVOICE', resourceId: invoice.InvoiceID, eventType: isNew ? 'CREATE' : 'UPDATE' });
}

export interface PresentOptions {
	/** Unpaged multi-document GET: Xero leaves out line details. */
	withoutLines?: boolean;
	summaryOnly?: boolean;
}

export function presentInvoice(org: OrganisationData, invoice: XeroInvoice, options: PresentOptions = {}): Json {
	const contact = org.Contacts.get(invoice.Contact.ContactID);
	const out: Json = { ...invoice, Contact: contact ? contactSummary(contact) : invoice.Contact };
	if (options.withoutLines) out.LineItems = [];
	if (options.summaryOnly) {
		for (const key of ['LineItems', 'Payments', 'CreditNotes', 'Prepayments', 'Overpayments', 'HasAttachments']) delete out[key];
	}
	return out;
}
