import type { INodeProperties } from 'n8n-workflow';

/** What n8n asks dynamic options to say about expressions. */
const FROM_LIST_OR_EXPRESSION = 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.';

/** Xero's LineAmountTypes: whether unit amounts include tax. */
export const LINE_AMOUNT_TYPES = ['Exclusive', 'Inclusive', 'NoTax'];

/** A field whose options are read from the organisation (accounts, tax types, currencies...). */
export function organisationOptionField(displayName: string, name: string, loadOptionsMethod: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod, loadOptionsDependsOn: ['tenantId.value'] },
		default: '',
		description: `${description} ${FROM_LIST_OR_EXPRESSION}`,
	};
}

/*
 * Fields several documents share, named as in Xero's API; each document describes them in its own
 * words.
 */

/** `defaultsTo` says which currency Xero uses when the field is empty. */
export function currencyField(defaultsTo: string): INodeProperties {
	return organisationOptionField('Currency Name or ID', 'CurrencyCode', 'getCurrencies', defaultsTo);
}

/** `layout` says what the branding theme lays out. */
export function brandingThemeField(layout: string): INodeProperties {
	return organisationOptionField('Branding Theme Name or ID', 'BrandingThemeID', 'getBrandingThemes', layout);
}

export function dateField(description: string): INodeProperties {
	return { displayName: 'Date', name: 'Date', type: 'dateTime', default: '', description };
}

export function lineAmountTypesField(description?: string): INodeProperties {
	return {
		displayName: 'Line Amounts Are',
		name: 'LineAmountTypes',
		type: 'options',
		options: [
			{ name: 'No Tax', value: 'NoTax' },
			{ name: 'Tax Exclusive', value: 'Exclusive' },
			{ name: 'Tax Inclusive', value: 'Inclusive' },
		],
		default: 'Exclusive',
		...(description === undefined ? {} : { description }),
	};
}

export function referenceField(description?: string): INodeProperties {
	return { displayName: 'Reference', name: 'Reference', type: 'string', default: '', ...(description === undefined ? {} : { description }) };
}
