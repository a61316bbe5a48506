import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as findOrCreate from './findOrCreate.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, findOrCreate, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a customer or supplier (scope: accounting.contacts)', action: 'Create a contact' },
			{
				name: 'Find or Create',
				value: 'findOrCreate',
				description: 'Find a contact by name, email or account number, creating it only when none exists (scope: accounting.contacts)',
				action: 'Find or create a contact',
			},
			{ name: 'Get', value: 'get', description: 'Get one contact by ID (scope: accounting.contacts.read)', action: 'Get a contact' },
			{ name: 'Get Many', value: 'getAll', description: 'List or search contacts (scope: accounting.contacts.read)', action: 'Get many contacts' },
			{ name: 'Update', value: 'update', description: 'Change a contact (scope: accounting.contacts)', action: 'Update a contact' },
		],
		default: 'findOrCreate',
	},
	...create.description,
	...findOrCreate.description,
	...get.description,
	...getAll.description,
	...update.description,
];
