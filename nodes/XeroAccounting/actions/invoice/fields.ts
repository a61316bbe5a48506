import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { brandingThemeField, currencyField, dateField, LINE_AMOUNT_TYPES, lineAmountTypesField, referenceField } from '../common/fields';
import { checkCurrency } from '../common/lineItems';
import type { InputCheck } from '../common/validate';
import type { InvoiceKind } from './kind';

export const CREATE_STATUSES = ['DRAFT', 'SUBMITTED', 'AUTHORISED'];

/** Status of a new document: Xero only creates drafts, documents awaiting approval and approved ones. */
export function statusProperty(noun: string): INodeProperties {
	return {
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Approved', value: 'AUTHORISED', description: `The ${noun} is final and can be paid` },
			{ name: 'Awaiting Approval', value: 'SUBMITTED' },
			{ name: 'Draft', value: 'DRAFT' },
		],
		default: 'DRAFT',
		description: `State of the new ${noun}. Approving needs an account code on every line.`,
	};
}

/* How invoices, bills and credit notes describe the fields they share. */

export const invoiceCurrencyField = currencyField("Defaults to the contact's or the organisation's currency.");

export const invoiceDateField = dateField("Date of issue; defaults to today in the organisation's time zone");

export const invoiceLineAmountTypesField = lineAmountTypesField('Whether unit amounts include tax');

export const invoiceReferenceField = referenceField('Your reference, shown to the contact');

/** Optional fields of a sales invoice or bill, named as in Xero's API. */
export function invoiceFields(kind: InvoiceKind): INodeProperties[] {
	const fields: INodeProperties[] = [
		invoiceCurrencyField,
		invoiceDateField,
		{ displayName: 'Due Date', name: 'DueDate', type: 'dateTime', default: '', description: "Defaults to the organisation's payment terms" },
		invoiceLineAmountTypesField,
	];
	if (kind.type === 'ACCREC') {
		fields.push(
			brandingThemeField('Layout of the invoice PDF and email.'),
			{
				displayName: 'Invoice Number',
				name: 'InvoiceNumber',
				type: 'string',
				default: '',
				description: "Unique number; Xero gives the next one in the organisation's sequence when empty",
			},
			invoiceReferenceField,
		);
	} else {
		fields.push({
			displayName: 'Bill Number',
			name: 'InvoiceNumber',
			type: 'string',
			default: '',
			description: "The supplier's invoice number (shown as Reference in Xero); need not be unique",
		});
	}
	return fields.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

const LABELS: Record<string, string> = {
	Date: 'Date',
	DueDate: 'Due Date',
	Reference: 'Reference',
	CurrencyCode: 'Currency',
	LineAmountTypes: 'Line Amounts Are',
	BrandingThemeID: 'Branding Theme',
};

/**
 * The Xero fields of a document from the fields a user filled in (empty ones are left out),
 * checked before anything is sent: dates, lengths, IDs and the currency.
 */
export async function documentFields(
	this: IExecuteFunctions,
	check: InputCheck,
	tenantId: string,
	fields: IDataObject,
	numberLabel: string,
): Promise<IDataObject> {
	const document: IDataObject = {};
	const put = (key: string, value: unknown) => {
		if (value !== undefined) document[key] = value;
	};
	put('Date', check.date(LABELS.Date, fields.Date));
	put('DueDate', check.date(LABELS.DueDate, fields.DueDate));
	put('Reference', check.text(LABELS.Reference, fields.Reference, { max: 255 }));
	for (const key of ['InvoiceNumber', 'CreditNoteNumber']) put(key, check.text(numberLabel, fields[key], { max: 255 }));
	put('BrandingThemeID', check.guid(LABELS.BrandingThemeID, fields.BrandingThemeID));
	const lineAmountTypes = check.text(LABELS.LineAmountTypes, fields.LineAmountTypes);
	if (lineAmountTypes !== undefined && !LINE_AMOUNT_TYPES.includes(lineAmountTypes)) {
		check.fail(LABELS.LineAmountTypes, `must be one of ${LINE_AMOUNT_TYPES.join(', ')}, got "${lineAmountTypes}"`);
	}
	put('LineAmountTypes', lineAmountTypes);
	const currency = check.text(LABELS.CurrencyCode, fields.CurrencyCode, { max: 3 })?.toUpperCase();
	await checkCurrency.call(this, check, tenantId, currency);
	put('CurrencyCode', currency);
	return document;
}

/** Checks a status chosen for a new document. */
export function createStatus(check: InputCheck, value: unknown): string {
	const status = check.text('Status', value) ?? 'DRAFT';
	if (!CREATE_STATUSES.includes(status)) check.fail('Status', `must be one of ${CREATE_STATUSES.join(', ')}, got "${status}"`);
	return status;
}
