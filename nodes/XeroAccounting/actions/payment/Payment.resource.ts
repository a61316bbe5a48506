import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as getAll from './getAll.operation';
import * as voidPayment from './void.operation';

export { create, getAll, voidPayment as void };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['payment'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Record a payment of an approved sales invoice or bill (given by ID or number): the amount due or a part of it (scope: accounting.payments)',
				action: 'Create a payment',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List payments, filtered by status, invoice, date or last change (scope: accounting.payments.read)',
				action: 'Get many payments',
			},
			{
				name: 'Void',
				value: 'void',
				description: 'Cancel a payment, so its invoice or bill is awaiting payment again (scope: accounting.payments)',
				action: 'Void a payment',
			},
		],
		default: 'create',
	},
	...create.description,
	...getAll.description,
	...voidPayment.description,
];
