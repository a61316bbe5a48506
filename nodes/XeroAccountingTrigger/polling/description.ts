import type { INodeProperties } from 'n8n-workflow';

import { authenticationProperty, organisationProperty } from '../../shared/organisation';
import { STATUS_DOCUMENT_TYPES } from './documentTypes';

export const CHANGE_EVENTS = [
	'account',
	'bankTransaction',
	'bill',
	'contact',
	'creditNote',
	'item',
	'payment',
	'purchaseOrder',
	'salesInvoice',
] as const;

const titleCase = (status: string) => status.charAt(0) + status.slice(1).toLowerCase();

function statusProperty(type: keyof typeof STATUS_DOCUMENT_TYPES): INodeProperties {
	return {
		displayName: 'Statuses',
		name: `${type}Statuses`,
		type: 'multiOptions',
		required: true,
		options: [...STATUS_DOCUMENT_TYPES[type]]
			.sort()
			.map((status) => ({ name: titleCase(status), value: status })),
		default: [],
		description: 'Emit a document when it enters one of these statuses (once per document and status)',
		displayOptions: { show: { events: ['statusEntered'], statusDocumentType: [type] } },
	};
}

export const pollingProperties: INodeProperties[] = [
	{
		displayName:
			'Xero allows 60 calls a minute and 5,000 a day per organisation. Poll every 15 minutes (Poll Times above) unless you need changes sooner: a poll with nothing new costs one call per document type. For contacts, invoices, bills and credit notes within seconds, use the Xero Accounting Webhook Trigger.',
		name: 'pollingNotice',
		type: 'notice',
		default: '',
	},
	authenticationProperty,
	organisationProperty,
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		// Sorted by name, as n8n lists options.
		options: [
			{ name: 'Account Created or Updated', value: 'account', description: 'An account of the chart of accounts' },
			{ name: 'Bank Transaction Created or Updated', value: 'bankTransaction', description: 'Spend and receive money' },
			{ name: 'Bill Created or Updated', value: 'bill', description: 'A purchase invoice (ACCPAY)' },
			{ name: 'Contact Created or Updated', value: 'contact', description: 'Customers and suppliers, archived ones included' },
			{ name: 'Credit Note Created or Updated', value: 'creditNote', description: 'Sales and purchase credit notes' },
			{
				name: 'Document Entered a Status',
				value: 'statusEntered',
				description: 'For example a purchase order became Authorised, a bill became Paid',
			},
			{ name: 'Item Created or Updated', value: 'item', description: 'Products and services' },
			{ name: 'Payment Created or Updated', value: 'payment', description: 'Payments on invoices, bills and credit notes' },
			{ name: 'Purchase Order Created or Updated', value: 'purchaseOrder' },
			{ name: 'Sales Invoice Created or Updated', value: 'salesInvoice', description: 'A sales invoice (ACCREC)' },
			{
				name: 'Sales Invoice Overdue',
				value: 'invoiceOverdue',
				description: 'An approved sales invoice still unpaid a number of days after its due date, once per invoice',
			},
		],
		default: ['salesInvoice'],
	},
	{
		displayName: 'Changes',
		name: 'changes',
		type: 'options',
		options: [
			{
				name: 'New and Updated',
				value: 'all',
				description: 'Every change; each item says whether the document is new to this trigger',
			},
			{ name: 'New Only', value: 'new', description: 'Only documents this trigger has not seen before' },
		],
		default: 'all',
		displayOptions: { show: { events: [...CHANGE_EVENTS] } },
	},
	{
		displayName: 'Document Type',
		name: 'statusDocumentType',
		type: 'options',
		options: [
			{ name: 'Bill', value: 'bill' },
			{ name: 'Credit Note', value: 'creditNote' },
			{ name: 'Purchase Order', value: 'purchaseOrder' },
			{ name: 'Sales Invoice', value: 'salesInvoice' },
		],
		default: 'purchaseOrder',
		description: 'The documents whose status to watch',
		displayOptions: { show: { events: ['statusEntered'] } },
	},
	statusProperty('bill'),
	statusProperty('creditNote'),
	statusProperty('purchaseOrder'),
	statusProperty('salesInvoice'),
	{
		displayName: 'Days Overdue',
		name: 'overdueDays',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 7,
		description: 'Emit a sales invoice once it is this many days past its due date and still has money due',
		displayOptions: { show: { events: ['invoiceOverdue'] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Contact IDs',
				name: 'contactIds',
				type: 'string',
				default: '',
				description:
					"Comma-separated contact IDs: only documents of these contacts (a payment's contact is its invoice's). Items and accounts are not filtered.",
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: ['ACTIVE', 'ARCHIVED', 'AUTHORISED', 'BILLED', 'DELETED', 'DRAFT', 'PAID', 'SUBMITTED', 'VOIDED'].map(
					(status) => ({ name: titleCase(status), value: status }),
				),
				default: [],
				description:
					'Only created or updated documents in one of these statuses (contacts: Active or Archived). Documents without a status (items) are not filtered.',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Backfill Days',
				name: 'backfillDays',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 90,
				description:
					'On its first poll the trigger emits the documents changed in this many past days (and the invoices that became overdue in them). 0 starts from now.',
			},
		],
	},
];
