import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

const GUID_PLACEHOLDER = '00000000-0000-0000-0000-000000000000';

const GUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/** The editor's check of an ID typed into a picker. */
const ID_VALIDATION: INodePropertyMode['validation'] = [
	{ type: 'regex', properties: { regex: GUID_PATTERN, errorMessage: 'Not a Xero ID' } },
];

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
		placeholder: GUID_PLACEHOLDER,
		description,
	};
}

export interface RecordLocatorOptions {
	description?: string;
	/** Lets the editor refuse an ID that is not a GUID. */
	validateId?: boolean;
	/** Ways of naming the record besides the list and its ID (an item's code, an invoice's number). */
	modes?: INodePropertyMode[];
}

/** A picker for one Xero record: from a searchable list, by its ID, or in the record's own modes. */
export function recordLocator(
	displayName: string,
	name: string,
	searchListMethod: string,
	{ description, validateId = false, modes = [] }: RecordLocatorOptions = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		...(description === undefined ? {} : { description }),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: GUID_PLACEHOLDER,
				...(validateId ? { validation: ID_VALIDATION } : {}),
			},
			...modes,
		],
	};
}

export const contactLocator = recordLocator('Contact', 'contactId', 'searchContacts');

/** Optional fields of a new record, named as in Xero's API. */
export function additionalFieldsProperty(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options };
}

/** Fields of an existing record to change; those left out stay as they are. */
export function updateFieldsProperty(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, options };
}

/** A collection of options that change how an operation runs. */
export function optionsProperty(options: INodeProperties[], name = 'options'): INodeProperties {
	return { displayName: 'Options', name, type: 'collection', placeholder: 'Add Option', default: {}, options };
}

/** The Filters collection of a Get Many operation. */
export function filtersProperty(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options };
}

/** The Date From and Date To filters read by `listQuery`; `what` ends "Only … on or after this day". */
export function dateRangeFilters(what: string): INodeProperties[] {
	return [
		{ displayName: 'Date From', name: 'dateFrom', type: 'dateTime', default: '', description: `Only ${what} on or after this day` },
		{ displayName: 'Date To', name: 'dateTo', type: 'dateTime', default: '', description: `Only ${what} on or before this day` },
	];
}

/** The Modified Since filter read by `listQuery` (Xero's If-Modified-Since). */
export function modifiedSinceFilter(what: string): INodeProperties {
	return {
		displayName: 'Modified Since',
		name: 'modifiedSince',
		type: 'dateTime',
		default: '',
		description: `Only ${what} created or changed after this moment`,
	};
}

/** The Where filter read by `listQuery`: a Xero filter expression of the user's own. */
export function whereFilter(placeholder: string, { besideOtherFilters = false } = {}): INodeProperties {
	return {
		displayName: 'Where',
		name: 'where',
		type: 'string',
		default: '',
		placeholder,
		description: besideOtherFilters ? "A Xero filter expression, for what the other filters don't cover" : 'A Xero filter expression',
	};
}

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
		...dateRangeFilters('documents dated'),
		modifiedSinceFilter('documents'),
		{
			displayName: 'Statuses',
			name: 'statuses',
			type: 'multiOptions',
			options: statuses.map((status) => ({ name: status.charAt(0) + status.slice(1).toLowerCase(), value: status })),
			default: [],
		},
		whereFilter('Reference=="PO-42"', { besideOtherFilters: true }),
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
	return filtersProperty(options.sort((a, b) => a.displayName.localeCompare(b.displayName)));
}
