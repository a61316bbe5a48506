import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['currency'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get one enabled currency by its code; fails when the organisation has not enabled it (scope: accounting.settings.read)',
				action: 'Get a currency',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the currencies enabled in the organisation (scope: accounting.settings.read)',
				action: 'Get many currencies',
			},
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
];
