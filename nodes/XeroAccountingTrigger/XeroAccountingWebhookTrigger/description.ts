import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { authenticationProperty, xeroCredentials } from '../../shared/organisation';

export const WEBHOOK_CREDENTIAL = 'xeroAccountingWebhookApi';

/** The Xero OAuth2 credentials, needed only to fetch the changed documents. */
export const fetchCredentials: INodeCredentialDescription[] = xeroCredentials.map((credential) => ({
	...credential,
	displayOptions: { show: { ...credential.displayOptions?.show, fetchDocument: [true] } },
}));

export const webhookProperties: INodeProperties[] = [
	{
		displayName:
			'Xero webhooks are set up in the Xero developer portal, not here: in developer.xero.com → My Apps → your app → Webhooks, paste this node\'s <b>Production URL</b> (Xero sends to one URL per app, for every connected organisation; the Test URL only lives while the editor listens), tick Contacts, Invoices and/or Credit Notes, and copy the <b>Webhooks key</b> into this node\'s credential. Then activate the workflow and click "Send Intent To Receive" in Xero.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Event Categories',
		name: 'eventCategories',
		type: 'multiOptions',
		options: [
			{ name: 'Contacts', value: 'CONTACT' },
			{ name: 'Credit Notes', value: 'CREDITNOTE' },
			{ name: 'Invoices and Bills', value: 'INVOICE' },
		],
		default: ['CONTACT', 'CREDITNOTE', 'INVOICE'],
		description: 'Only events of these categories start the workflow (the others are acknowledged and dropped)',
	},
	{
		displayName: 'Event Types',
		name: 'eventTypes',
		type: 'multiOptions',
		options: [
			{ name: 'Created', value: 'CREATE' },
			{ name: 'Updated', value: 'UPDATE' },
		],
		default: ['CREATE', 'UPDATE'],
	},
	{
		displayName: 'Organisation IDs',
		name: 'tenantIds',
		type: 'string',
		default: '',
		placeholder: '00000000-0000-0000-0000-000000000000',
		description:
			'Comma-separated IDs of the organisations whose events start the workflow. Empty: every organisation connected to the Xero app.',
	},
	{
		displayName: 'Fetch Document',
		name: 'fetchDocument',
		type: 'boolean',
		default: false,
		description:
			'Whether to fetch each changed contact, invoice or credit note from Xero, so that the workflow gets the document itself (one API call per event, with a Xero credential that reaches the organisation)',
	},
	{ ...authenticationProperty, displayOptions: { show: { fetchDocument: [true] } } },
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Drop Replays',
				name: 'dropReplays',
				type: 'boolean',
				default: true,
				description:
					'Whether to drop events already received (Xero resends a delivery it considers failed). Remembers the last 1,000 events; see the README for its limits in queue mode.',
			},
		],
	},
];
