import type { INodeProperties } from 'n8n-workflow';

export const returnAllProperty: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitProperty: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		"Whether to return a lighter version of each document (no repeated date strings, status flags or empty fields). Turn off for Xero's raw output.",
};

export function idProperty(displayName: string, name: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder: '00000000-0000-0000-0000-000000000000',
		description,
	};
}

export const contactLocator: INodeProperties = {
	displayName: 'Contact',
	name: 'contactId',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchContacts', searchable: true },
		},
		{ displayName: 'ID', name: 'id', type: 'string', placeholder: '00000000-0000-0000-0000-000000000000' },
	],
};

/** Filters shared by the document lists: what Xero can filter on the server side. */
export function documentListFilters(statuses: string[], numbersLabel?: string): INodeProperties {
	const options: INodeProperties[] = [
		{
			displayName: 'Contact IDs',
			name: 'contactIds',
			type: 'string',
			default: '',
			description: 'Comma-separated contact IDs',
		},
		{
			displayName: 'Date From',
			name: 'dateFrom',
			type: 'dateTime',
			default: '',
			description: 'Only documents dated on or after this day',
		},
		{
			displayName: 'Date To',
			name: 'dateTo',
			type: 'dateTime',
			default: '',
			description: 'Only documents dated on or before this day',
		},
		{
			displayName: 'Modified Since',
			name: 'modifiedSince',
			type: 'dateTime',
			default: '',
			description: 'Only documents created or changed after this moment',
		},
		{
			displayName: 'Statuses',
			name: 'statuses',
			type: 'multiOptions',
			options: statuses.map((status) => ({ name: status.charAt(0) + status.slice(1).toLowerCase(), value: status })),
			default: [],
		},
		{
			displayName: 'Where',
			name: 'where',
			type: 'string',
			default: '',
			placeholder: 'Reference=="PO-42"',
			description: "A Xero filter expression, for what the other filters don't cover",
		},
	];
	if (numbersLabel) {
		options.push({
			displayName: numbersLabel,
			name: 'numbers',
			type: 'string',
			default: '',
			description: 'Comma-separated document numbers',
		});
	}
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: options.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}
