import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeCredentialDescription,
	INodeListSearchResult,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { XERO_APP_TYPE, XERO_CUSTOM_CONNECTION_TYPE, xeroRequest, type XeroContext } from './transport';

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'OAuth2', value: 'oAuth2', description: 'A person connects Xero once; n8n keeps the token fresh' },
		{
			name: 'Custom Connection',
			value: 'customConnection',
			description: 'Machine-to-machine access to one organisation, for servers',
		},
	],
	default: 'oAuth2',
};

export const xeroCredentials: INodeCredentialDescription[] = [
	{
		name: XERO_APP_TYPE,
		required: true,
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
	{
		name: XERO_CUSTOM_CONNECTION_TYPE,
		required: true,
		displayOptions: { show: { authentication: ['customConnection'] } },
	},
];

export const organisationProperty: INodeProperties = {
	displayName: 'Organisation',
	name: 'tenantId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description:
		'The Xero organisation to work in. Leave empty when the credential reaches exactly one organisation (custom connections).',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchOrganisations', searchable: true },
		},
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			placeholder: '00000000-0000-0000-0000-000000000000',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
						errorMessage: 'Not a Xero organisation ID',
					},
				},
			],
		},
	],
};

interface XeroConnection extends IDataObject {
	tenantId: string;
	tenantName: string;
	tenantType: string;
}

/** The organisations the credential reaches, from Xero's connections endpoint. */
export async function listConnections(this: XeroContext): Promise<XeroConnection[]> {
	const connections = (await xeroRequest.call(this, undefined, {
		path: '/connections',
		api: 'root',
	})) as unknown as XeroConnection[];
	return (connections ?? []).filter((c) => c.tenantType === 'ORGANISATION');
}

export async function searchOrganisations(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const needle = filter?.toLowerCase() ?? '';
	const connections = await listConnections.call(this);
	return {
		results: connections
			.filter((c) => c.tenantName.toLowerCase().includes(needle))
			.map((c) => ({ name: c.tenantName, value: c.tenantId })),
	};
}

const resolvedTenants = new WeakMap<object, Promise<string>>();

/**
 * The organisation of this node run: the one chosen, or the only one the credential reaches.
 * `raw` is the parameter value already read by the caller (each context reads it differently).
 */
export async function resolveTenantId(this: XeroContext, raw: unknown, itemIndex?: number): Promise<string> {
	const chosen = typeof raw === 'object' && raw !== null ? (raw as IDataObject).value : raw;
	if (typeof chosen === 'string' && chosen.trim() !== '') return chosen.trim();
	let only = resolvedTenants.get(this);
	if (!only) {
		only = listConnections.call(this).then((connections) => {
			if (connections.length !== 1) {
				throw new NodeOperationError(
					this.getNode(),
					connections.length === 0
						? 'The Xero credential reaches no organisation: reconnect it and pick one'
						: 'Choose an Organisation: the Xero credential reaches several',
					{ itemIndex },
				);
			}
			return connections[0].tenantId;
		});
		resolvedTenants.set(this, only);
	}
	return await only;
}
