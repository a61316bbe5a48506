import { randomUUID } from 'crypto';
import type { Built } from './batch';
import { DocumentWrite, type DocumentKind, type WriteOptions } from './document-write';
import { contactSummary, resolveDate, setDate, str } from './documents';
import type { Engine } from './engine';
import { nextNumber } from './invoices';
import type { OrganisationData } from './store';
import type { Json, XeroPurchaseOrder } from './types';
import { fromMsDate, msDate } from './xero-format';

export const PO_STATUSES = ['DRAFT', 'SUBMITTED', 'AUTHORISED', 'BILLED', 'DELETED'];

const TRANSITIONS: Record<string, string[]> = {
	DRAFT: ['DRAFT', 'SUBMITTED', 'AUTHORISED', 'DELETED'],
	SUBMITTED: ['SUBMITTED', 'DRAFT', 'AUTHORISED', 'DELETED'],
	AUTHORISED: ['AUTHORISED', 'BILLED', 'DELETED'],
	BILLED: ['BILLED', 'AUTHORISED'],
	DELETED: ['DELETED'],
};

const TEXT_FIELDS = ['Reference', 'DeliveryAddress', 'AttentionTo', 'Telephone', 'DeliveryInstructions'] as const;

const PURCHASE_ORDER: DocumentKind<XeroPurchaseOrder> = {
	name: 'purchase order',
	idField: 'PurchaseOrderID',
	find: (org, element) => org.PurchaseOrders.get(str(element.PurchaseOrderID)),
};

function numberTaken(org: OrganisationData, number: string, exceptId?: string): boolean {
	const wanted = number.toLowerCase();
	return !!org.PurchaseOrders.find((p) => p.PurchaseOrderID !== exceptId && p.PurchaseOrderNumber.toLowerCase() === wanted);
}

export function findPurchaseOrder(org: OrganisationData, idOrNumber: string | undefined): XeroPurchaseOrder | undefined {
	if (!idOrNumber) return undefined;
	return org.PurchaseOrders.get(idOrNumber) ?? org.PurchaseOrders.find((p) => p.PurchaseOrderNumber === idOrNumber);
}

export function buildPurchaseOrder(engine: Engine, org: OrganisationData, element: Json, options: WriteOptions<XeroPurchaseOrder>): Built<XeroPurchaseOrder> {
	const write = new DocumentWrite(engine, org, element, options, PURCHASE_ORDER);
	const { errors, existing } = write;
	const status = str(element.Status) ?? existing?.Status ?? 'DRAFT';
	if (!PO_STATUSES.includes(status)) errors.push(`Status '${status}' is not valid for a purchase order`);
	else if (existing && !TRANSITIONS[existing.Status].includes(status)) errors.push('Purchase order not of valid status for modification');
	const contact = write.resolveContact({ createsContacts: false });
	const { lineAmountTypes, lineItems } = write.resolveLines({ side: 'purchases', requireAccount: false, unitDecimals: 4, discounts: true });
	if (lineItems.length === 0) errors.push('A purchase order must have at least one line item');
	const { currency, date } = write.resolveCurrencyAndDate();
	const delivery = resolveDate(element.DeliveryDate, 'DeliveryDate', errors, existing?.DeliveryDate ? fromMsDate(existing.DeliveryDate) : undefined);
	const number = str(element.PurchaseOrderNumber) ?? existing?.PurchaseOrderNumber;
	if (number && numberTaken(org, number, existing?.PurchaseOrderID)) errors.push('Purchase Order # must be unique.');
	if (element.SentToContact === true && !['AUTHORISED', 'BILLED'].includes(status)) {
		errors.push('Only approved or billed purchase orders can be marked as sent');
	}
	const echo = write.echo();
	if (errors.length || !contact) return { errors, echo };
	const po: XeroPurchaseOrder = {
		...(existing ? structuredClone(existing) : {}),
		PurchaseOrderID: existing?.PurchaseOrderID ?? randomUUID(),
		PurchaseOrderNumber: number ?? '',
		...write.commonFields({ contact, status, lineAmountTypes, lineItems, currency }),
		SentToContact: typeof element.SentToContact === 'boolean' ? element.SentToContact : (existing?.SentToContact ?? false),
		UpdatedDateUTC: existing?.UpdatedDateUTC ?? msDate(0),
		HasAttachments: existing?.HasAttachments ?? false,
	};
	setDate(po, 'Date', date);
	setDate(po, 'DeliveryDate', delivery);
	for (const key of TEXT_FIELDS) if (element[key] !== undefined) (po as Json)[key] = element[key];
	if (element.ExpectedArrivalDate !== undefined) po.ExpectedArrivalDate = element.ExpectedArrivalDate;
	if (str(element.BrandingThemeID)) po.BrandingThemeID = element.BrandingThemeID;
	return {
		errors,
		echo,
		draft: {
			doc: po,
			commit: () => {
				if (!po.PurchaseOrderNumber) po.PurchaseOrderNumber = nextNumber(org, 'PO', (n) => numberTaken(org, n));
				po.UpdatedDateUTC = msDate(org.nextStamp(engine.now()));
				org.PurchaseOrders.put(po);
			},
		},
	};
}

export function presentPurchaseOrder(org: OrganisationData, po: XeroPurchaseOrder): Json {
	const contact = org.Contacts.get(po.Contact.ContactID);
	return { ...po, Contact: contact ? contactSummary(contact) : po.Contact };
}
