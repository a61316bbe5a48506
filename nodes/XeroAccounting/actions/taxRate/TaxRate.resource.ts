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
		displayOptions: { show: { resource: ['taxRate'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get one tax rate by its tax type, with its components (scope: accounting.settings.read)',
				action: 'Get a tax rate',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the organisation\'s tax rates (scope: accounting.settings.read)',
				action: 'Get many tax rates',
			},
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
];
