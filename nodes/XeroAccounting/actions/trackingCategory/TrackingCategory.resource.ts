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
		displayOptions: { show: { resource: ['trackingCategory'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get one tracking category by ID, with its options (scope: accounting.settings.read)',
				action: 'Get a tracking category',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the tracking categories and their options (scope: accounting.settings.read)',
				action: 'Get many tracking categories',
			},
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
];
