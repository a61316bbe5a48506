import type {
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

/** Binary data for `harness.items`, keyed by property name; `data` is base64. */
export interface HarnessBinary {
	data: string;
	mimeType: string;
	fileName?: string;
}

const asArray = <T>(value: unknown): T[] =>
	(typeof value === 'string' ? jsonParse<T[]>(value || '[]') : (value as T[] | undefined)) ?? [];

/** Start node: outputs the JSON items of its `items` parameter, with optional binary per item. */
export class HarnessItems implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Items',
		name: 'items',
		group: ['input'],
		version: 1,
		description: 'Outputs fixed items',
		defaults: { name: 'Input' },
		inputs: [],
		outputs: ['main'],
		properties: [
			{ displayName: 'Items', name: 'items', type: 'json', default: '[]' },
			{ displayName: 'Binary', name: 'binary', type: 'json', default: '[]' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// Raw: item values that look like expressions stay data.
		const raw = { rawExpressions: true };
		const items = asArray<IDataObject>(this.getNodeParameter('items', 0, [], raw));
		const binary = asArray<Record<string, HarnessBinary> | null>(this.getNodeParameter('binary', 0, [], raw));
		const out: INodeExecutionData[] = [];
		for (const [index, json] of items.entries()) {
			const item: INodeExecutionData = { json, pairedItem: { item: 0 } };
			for (const [key, file] of Object.entries(binary[index] ?? {})) {
				const buffer = Buffer.from(file.data, 'base64');
				item.binary = {
					...item.binary,
					[key]: await this.helpers.prepareBinaryData(buffer, file.fileName, file.mimeType),
				};
			}
			out.push(item);
		}
		return [out];
	}
}

/**
 * Stand-in for n8n-nodes-base's `oAuth2Api` (not installed here): the fields n8n's OAuth2 code
 * reads, with the same display conditions, so `extends: ['oAuth2Api']` merges as in n8n.
 */
export class OAuth2ApiBase implements ICredentialType {
	name = 'oAuth2Api';

	displayName = 'OAuth2 API';

	genericAuth = true;

	properties: ICredentialType['properties'] = [
		{
			displayName: 'Use Dynamic Client Registration',
			name: 'useDynamicClientRegistration',
			type: 'hidden',
			default: false,
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			options: [
				{ name: 'Authorization Code', value: 'authorizationCode' },
				{ name: 'Client Credentials', value: 'clientCredentials' },
				{ name: 'PKCE', value: 'pkce' },
			],
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'string',
			displayOptions: { show: { grantType: ['authorizationCode', 'pkce'] } },
			default: '',
		},
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'string', default: '' },
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '' },
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{ displayName: 'Scope', name: 'scope', type: 'string', default: '' },
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'string',
			displayOptions: { show: { grantType: ['authorizationCode', 'pkce'] } },
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{ name: 'Body', value: 'body' },
				{ name: 'Header', value: 'header' },
			],
			default: 'header',
		},
	];
}
