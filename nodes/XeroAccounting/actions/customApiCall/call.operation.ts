import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { jsonParse, updateDisplayOptions } from 'n8n-workflow';

import { xeroRequest } from '../../../shared/transport';
import { runPerItem, tenantFor } from '../common/execution';
import { InputCheck } from '../common/validate';

const METHODS = ['DELETE', 'GET', 'POST', 'PUT'];

const properties: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		options: METHODS.map((method) => ({ name: method, value: method })),
		default: 'GET',
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		required: true,
		default: '',
		placeholder: '/Quotes',
		description: 'Path under the Accounting API (https://api.xero.com/api.xro/2.0), such as /Quotes or /ManualJournals/{ID}',
	},
	{
		displayName: 'Query Parameters',
		name: 'queryParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Parameter',
		default: {},
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'JSON Body',
		name: 'body',
		type: 'json',
		default: '{}',
		description: 'The request body with Xero\'s field names, such as {"Quotes": [{ ... }]}.',
		displayOptions: { show: { method: ['POST', 'PUT'] } },
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customApiCall'], operation: ['call'] } }, properties);

function parseBody(check: InputCheck, value: unknown): IDataObject {
	if (value === undefined || value === null || value === '') return {};
	const parsed = typeof value === 'string' ? jsonParse<unknown>(value, { fallbackValue: undefined }) : value;
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) check.fail('JSON Body', 'must be a JSON object, such as {"Quotes": []}');
	return parsed as IDataObject;
}

/**
 * Any Accounting API call with the node's credential and organisation: the transport adds the
 * tenant, retries, rate limits and, for writes, an idempotency key.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const check = new InputCheck(this.getNode(), i);
		const method = this.getNodeParameter('method', i) as string;
		if (!METHODS.includes(method)) check.fail('Method', `must be one of ${METHODS.join(', ')}`);
		let path = check.text('Path', this.getNodeParameter('path', i), { required: true, max: 2000 })!.trim();
		if (/^[a-z]+:\/\//i.test(path)) {
			const match = /\/api\.xro\/2\.0(\/.*)$/i.exec(path);
			path = match ? match[1] : check.fail('Path', 'must be a path under the Accounting API, such as /Quotes, not a full URL');
		}
		if (!path.startsWith('/')) path = `/${path}`;
		if (path.includes('?')) check.fail('Path', 'must not hold a query string: put parameters under Query Parameters');
		if (path.split('/').includes('..')) check.fail('Path', 'must not contain ".."');
		const qs: IDataObject = {};
		const parameters = this.getNodeParameter('queryParameters.parameter', i, []) as Array<{ name: string; value: string }>;
		for (const { name, value } of parameters) {
			if (name?.trim()) qs[name.trim()] = value;
		}
		const body = method === 'POST' || method === 'PUT' ? parseBody(check, this.getNodeParameter('body', i, '{}')) : undefined;
		const response = await xeroRequest.call(this, await tenantFor.call(this, i), {
			method: method as IHttpRequestMethods,
			path,
			qs,
			body,
			itemIndex: i,
		});
		return (response ?? {}) as IDataObject;
	});
}
