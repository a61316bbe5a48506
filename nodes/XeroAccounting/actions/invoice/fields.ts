import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

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

export const currencyField: INodeProperties = {
	displayName: 'Currency Name or ID',
	name: 'CurrencyCode',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getCurrencies', loadOptionsDependsOn: ['tenantId.value'] },
	default: '',
	description:
		'Defaults to the contact\'s or the organisation\'s currency. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const dateField: INodeProperties = {
	displayName: 'Date',
	name: 'Date',
	type: 'dateTime',
	default: '',
	description: "Date of issue; defaults to today in the organisation's time zone",
};

export const lineAmountTypesField: INodeProperties = {
	displayName: 'Line Amounts Are',
	name: 'LineAmountTypes',
	type: 'options',
	options: [
		{ name: 'No Tax', value: 'NoTax' },
		{ name: 'Tax Exclusive', value: 'Exclusive' },
		{ name: 'Tax Inclusive', value: 'Inclusive' },
	],
	default: 'Exclusive',
	description: 'Whether unit amounts include tax',
};

export const referenceField: INodeProperties = {
	displayName: 'Reference',
	name: 'Reference',
	type: 'string',
	default: '',
	description: 'Your reference, shown to the contact',
};

/** Optional fields of a sales invoice or bill, named as in Xero's API. */
export function invoiceFields(kind: InvoiceKind): INodeProperties[] {
	const fields: INodeProperties[] = [
		currencyField,
		dateField,
		{ displayName: 'Due Date', name: 'DueDate', type: 'dateTime', default: '', description: "Defaults to the organisation's payment terms" },
		lineAmountTypesField,
	];
	if (kind.type === 'ACCREC') {
		fields.push(
			{
				displayName: 'Branding Theme Name or ID',
				name: 'BrandingThemeID',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getBrandingThemes', loadOptionsDependsOn: ['tenantId.value'] },
				default: '',
				description:
					'Layout of the invoice PDF and email. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Invoice Number',
				name: 'InvoiceNumber',
				type: 'string',
				default: '',
				description: "Unique number; Xero gives the next one in the organisation's sequence when empty",
			},
			referenceField,
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

const LINE_AMOUNT_TYPES = ['Exclusive', 'Inclusive', 'NoTax'];

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
