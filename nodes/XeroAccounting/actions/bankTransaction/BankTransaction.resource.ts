import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { create, get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['bankTransaction'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Record money received or spent through a bank account, with its lines (scope: accounting.banktransactions)',
				action: 'Create a bank transaction',
			},
			{ name: 'Get', value: 'get', description: 'Get one bank transaction by ID (scope: accounting.banktransactions.read)', action: 'Get a bank transaction' },
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List bank transactions by type, status, date or bank account; "Unreconciled Only" finds the ones to flag for review (scope: accounting.banktransactions.read)',
				action: 'Get many bank transactions',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...get.description,
	...getAll.description,
];
