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
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get one account of the chart of accounts by ID or code (scope: accounting.settings.read)',
				action: 'Get an account',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the chart of accounts, by type, class or status (scope: accounting.settings.read)',
				action: 'Get many accounts',
			},
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
];
