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
		displayOptions: { show: { resource: ['organisation'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get the chosen organisation\'s settings: base currency, country, year end, tax basis (scope: accounting.settings.read)',
				action: 'Get the organisation',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the organisations the credential can reach, with their IDs (no accounting scope needed)',
				action: 'Get many organisations',
			},
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
];
