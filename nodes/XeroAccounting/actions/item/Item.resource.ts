import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['item'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a product or service with its sales and purchase defaults (scope: accounting.invoices)',
				action: 'Create an item',
			},
			{ name: 'Get', value: 'get', description: 'Get one item by ID or code (scope: accounting.invoices.read)', action: 'Get an item' },
			{ name: 'Get Many', value: 'getAll', description: 'List the products and services (scope: accounting.invoices.read)', action: 'Get many items' },
			{
				name: 'Update',
				value: 'update',
				description: 'Change an item\'s code, name, descriptions, prices, accounts or tax (scope: accounting.invoices)',
				action: 'Update an item',
			},
		],
		default: 'get',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
];
