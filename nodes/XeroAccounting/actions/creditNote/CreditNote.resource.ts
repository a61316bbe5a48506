import type { INodeProperties } from 'n8n-workflow';

import * as allocate from './allocate.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { allocate, create, get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['creditNote'] } },
		options: [
			{
				name: 'Allocate to Invoice',
				value: 'allocate',
				description:
					'Use an approved credit note to reduce what is due on an invoice or bill of the same contact (scope: accounting.invoices)',
				action: 'Allocate a credit note to an invoice',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a sales credit note (to a customer) or purchase credit note (from a supplier) with its lines (scope: accounting.invoices)',
				action: 'Create a credit note',
			},
			{ name: 'Get', value: 'get', description: 'Get one credit note by ID (scope: accounting.invoices.read)', action: 'Get a credit note' },
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List credit notes, filtered by type, status, contact, date, number or last change (scope: accounting.invoices.read)',
				action: 'Get many credit notes',
			},
		],
		default: 'create',
	},
	...allocate.description,
	...create.description,
	...get.description,
	...getAll.description,
];
