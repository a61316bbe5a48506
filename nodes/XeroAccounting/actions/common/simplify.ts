import type { IDataObject } from 'n8n-workflow';

/** Fields Xero repeats or fills with defaults that a flow never needs. */
const NOISE = new Set([
	'DateString',
	'DueDateString',
	'StatusAttributeString',
	'HasErrors',
	'ValidationErrors',
	'Warnings',
	'IsDiscounted',
	'HasAttachments',
	'HasValidationErrors',
	'ExpectedPaymentDateString',
	'PlannedPaymentDateString',
	'FullyPaidOnDateString',
	'DeliveryDateString',
]);

/**
 * A lighter copy of a Xero document: no repeated date strings, status flags, empty lists or
 * nulls, and linked contacts reduced to their ID and name. Amounts, dates and lines stay.
 */
export function simplify(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(simplify);
	if (value === null || typeof value !== 'object') return value;
	const result: IDataObject = {};
	for (const [key, field] of Object.entries(value as IDataObject)) {
		if (NOISE.has(key) || field === null || field === undefined) continue;
		if (Array.isArray(field) && field.length === 0) continue;
		if (key === 'Contact' && field && typeof field === 'object' && !Array.isArray(field)) {
			const contact = field as IDataObject;
			result.Contact = { ContactID: contact.ContactID, Name: contact.Name };
			continue;
		}
		result[key] = simplify(field) as IDataObject;
	}
	return result;
}

export function simplifyAll(documents: IDataObject[], enabled: boolean): IDataObject[] {
	return enabled ? documents.map((document) => simplify(document) as IDataObject) : documents;
}
