import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { authenticationProperty, organisationProperty, xeroCredentials } from '../shared/organisation';
import { DEFAULT_EXCLUSIONS, DEFAULT_KEYWORDS } from './matcher';

const WHEN_LOOKING_UP = { lookupItems: [true] };

/** The Xero credential is needed only to look Items up. */
export const organicFilterCredentials: INodeCredentialDescription[] = xeroCredentials.map((credential) => ({
	...credential,
	displayOptions: { show: { ...credential.displayOptions?.show, ...WHEN_LOOKING_UP } },
}));

export const organicFilterProperties: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Annotate Every Document',
				value: 'annotate',
				description:
					'Send every item to the first output, unchanged except for organicMatch (organic true or false, and why)',
			},
			{
				name: 'Keep Documents With Organic Lines',
				value: 'keepDocuments',
				description:
					'Documents with at least one organic line go to Organic, the others to Not Organic, each with organicMatch',
			},
			{
				name: 'Keep Only Organic Lines',
				value: 'keepLines',
				description:
					'Documents with organic lines go to Organic with only those lines and the organic totals; the others go to Not Organic',
			},
		],
		default: 'keepDocuments',
	},
	{
		displayName: 'Fields to Inspect',
		name: 'fields',
		type: 'multiOptions',
		options: [
			{
				name: 'Description',
				value: 'description',
				description: 'The line description (Description and PurchaseDescription of an Item)',
			},
			{
				name: 'Item Code',
				value: 'itemCode',
				description: 'The line ItemCode (Code of an Item)',
			},
			{
				name: 'Item Name',
				value: 'itemName',
				description: 'The Item.Name a line carries (Name of an Item)',
			},
		],
		default: ['itemCode', 'description'],
		description: 'Where to look for the keywords',
	},
	{
		displayName: 'Keywords',
		name: 'keywords',
		type: 'string',
		default: DEFAULT_KEYWORDS.join(', '),
		placeholder: 'organic, organically',
		description:
			'Comma-separated words that make a line organic. They match whole words in any letter case; a space, hyphen or underscore in a keyword matches any of them; a final * allows any ending (organic* also matches organics).',
	},
	{
		displayName: 'Exclusions',
		name: 'exclusions',
		type: 'string',
		default: DEFAULT_EXCLUSIONS.join(', '),
		description:
			'Comma-separated phrases that cancel a keyword, written like keywords. By default an exclusion cancels the keywords in the same clause of the same field (see Exclusion Scope under Options).',
	},
	{
		displayName: 'Look Up Items by Code',
		name: 'lookupItems',
		type: 'boolean',
		default: false,
		description:
			"Whether to read the organisation's Items from Xero, once per run, for lines that carry an item code but no description, and inspect the Item's description and purchase description (and its name when Item Name is inspected)",
	},
	{ ...authenticationProperty, displayOptions: { show: WHEN_LOOKING_UP } },
	{ ...organisationProperty, displayOptions: { show: WHEN_LOOKING_UP } },
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Exclusion Scope',
				name: 'exclusionScope',
				type: 'options',
				options: [
					{
						name: 'Overlapping Match Only',
						value: 'match',
						description: 'An exclusion cancels only the keyword it contains or overlaps',
					},
					{
						name: 'Same Clause',
						value: 'clause',
						description:
							'An exclusion cancels the keywords of its clause; clauses end at , ; | line breaks, a full stop or a spaced dash',
					},
					{
						name: 'Same Field',
						value: 'field',
						description: 'An exclusion cancels every keyword in the same field',
					},
					{
						name: 'Whole Line',
						value: 'line',
						description: 'An exclusion anywhere in the inspected fields makes the line not organic',
					},
				],
				default: 'clause',
				description: 'How far an exclusion reaches',
			},
			{
				displayName: 'Include Match Details',
				name: 'includeDetails',
				type: 'boolean',
				default: true,
				description:
					'Whether organicMatch lists every line with the field, keyword and text that matched, or the exclusion that won',
			},
			{
				displayName: 'Item Code Pattern',
				name: 'codePattern',
				type: 'string',
				default: '',
				placeholder: '^ORG[-_]|-ORG$',
				description: 'A regular expression, without slashes and case-insensitive, that marks an item code as organic',
			},
			{
				displayName: 'Item Code Prefixes',
				name: 'codePrefixes',
				type: 'string',
				default: '',
				placeholder: 'ORG-, BIO-',
				description: 'Comma-separated prefixes that mark an item code as organic, in any letter case',
			},
			{
				displayName: 'Other Languages',
				name: 'languages',
				type: 'multiOptions',
				options: [
					{ name: 'Danish', value: 'da', description: 'Adds økologisk, øko' },
					{ name: 'Dutch', value: 'nl', description: 'Adds bio, biologisch, ecologisch' },
					{ name: 'Finnish', value: 'fi', description: 'Adds luomu' },
					{ name: 'French', value: 'fr', description: 'Adds bio, biologique' },
					{ name: 'German', value: 'de', description: 'Adds bio, öko, ökologisch, biologisch' },
					{ name: 'Italian', value: 'it', description: 'Adds bio, biologico, biologica' },
					{ name: 'Norwegian', value: 'no', description: 'Adds økologisk, øko' },
					{ name: 'Portuguese', value: 'pt', description: 'Adds bio, biológico, orgânico' },
					{ name: 'Spanish', value: 'es', description: 'Adds bio, ecológico, biológico, orgánico' },
					{ name: 'Swedish', value: 'sv', description: 'Adds ekologisk, eko' },
				],
				default: [],
				description: "Also match these languages' organic terms, with their negations and their word for conventional",
			},
		],
	},
];
