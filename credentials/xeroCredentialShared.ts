import type { INodeProperties } from 'n8n-workflow';

export const XERO_AUTHORIZE_URL = 'https://login.xero.com/identity/connect/authorize';
export const XERO_TOKEN_URL = 'https://identity.xero.com/connect/token';

/** Granular scopes, required for Xero apps created on or after 2 March 2026. */
export const GRANULAR_SCOPES = [
	'accounting.settings',
	'accounting.contacts',
	'accounting.invoices',
	'accounting.payments',
	'accounting.banktransactions',
	'accounting.attachments',
	'accounting.reports.aged.read',
	'accounting.reports.profitandloss.read',
	'accounting.reports.balancesheet.read',
	'accounting.reports.banksummary.read',
	'accounting.reports.trialbalance.read',
];

/** The same areas, read only: enough for sync and trigger workflows that never write to Xero. */
export const GRANULAR_READ_SCOPES = [
	'accounting.settings.read',
	'accounting.contacts.read',
	'accounting.invoices.read',
	'accounting.payments.read',
	'accounting.banktransactions.read',
	'accounting.attachments.read',
	'accounting.reports.aged.read',
	'accounting.reports.profitandloss.read',
	'accounting.reports.balancesheet.read',
	'accounting.reports.banksummary.read',
	'accounting.reports.trialbalance.read',
];

/** Broad scopes, still accepted until September 2027 for apps created before 2 March 2026. */
export const LEGACY_SCOPES = [
	'accounting.settings',
	'accounting.contacts',
	'accounting.transactions',
	'accounting.attachments',
	'accounting.reports.read',
];

/** The scope choice shown to the user, and the hidden `scope` value n8n sends, derived from it. */
export function scopeProperties(alwaysRequested: string): INodeProperties[] {
	const prefix = alwaysRequested ? `${alwaysRequested} ` : '';
	const choose = (list: string[]) => JSON.stringify(prefix + list.join(' '));
	return [
		{
			displayName: 'Scopes',
			name: 'scopePreset',
			type: 'options',
			default: 'granular',
			options: [
				{
					name: 'Granular, Read and Write (Apps Created From 2 March 2026)',
					value: 'granular',
					description: GRANULAR_SCOPES.join(' '),
				},
				{
					name: 'Granular, Read Only',
					value: 'granularRead',
					description: GRANULAR_READ_SCOPES.join(' '),
				},
				{
					name: 'Legacy Broad Scopes (Apps Created Before 2 March 2026)',
					value: 'legacy',
					description: LEGACY_SCOPES.join(' '),
				},
				{ name: 'Custom', value: 'custom', description: 'List the scopes yourself' },
			],
			description:
				'Which Xero scopes to request. Must match what your Xero app allows. Marking invoices paid needs accounting.payments; reports need their report scope.',
		},
		{
			displayName: 'Custom Scopes',
			name: 'customScopes',
			type: 'string',
			default: `${prefix}accounting.settings.read accounting.contacts.read accounting.invoices.read`,
			displayOptions: { show: { scopePreset: ['custom'] } },
			description: 'Space-separated Xero scopes',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: `={{ { granular: ${choose(GRANULAR_SCOPES)}, granularRead: ${choose(GRANULAR_READ_SCOPES)}, legacy: ${choose(LEGACY_SCOPES)} }[$self.scopePreset] ?? $self.customScopes }}`,
		},
	];
}

/** Xero's API host. Hidden: tests and the local sandbox point it elsewhere through n8n's credential overwrites. */
export const apiUrlProperty: INodeProperties = {
	displayName: 'API URL',
	name: 'apiUrl',
	type: 'hidden',
	default: 'https://api.xero.com',
};
