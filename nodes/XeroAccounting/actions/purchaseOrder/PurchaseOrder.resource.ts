import type { INodeProperties } from 'n8n-workflow';

import * as approve from './approve.operation';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as downloadPdf from './downloadPdf.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { approve, create, deleteOperation as delete, downloadPdf, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['purchaseOrder'] } },
		options: [
			{
				name: 'Approve',
				value: 'approve',
				description: 'Approve a purchase order so it can be sent to the supplier (scope: accounting.invoices)',
				action: 'Approve a purchase order',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a purchase order to a supplier, with its lines (scope: accounting.invoices)',
				action: 'Create a purchase order',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Mark a purchase order as deleted; Xero keeps it with status DELETED (scope: accounting.invoices)',
				action: 'Delete a purchase order',
			},
			{
				name: 'Download PDF',
				value: 'downloadPdf',
				description: 'Get the purchase order as a PDF file (scope: accounting.invoices.read)',
				action: 'Download a purchase order PDF',
			},
			{ name: 'Get', value: 'get', description: 'Get one purchase order by ID, with its lines (scope: accounting.invoices.read)', action: 'Get a purchase order' },
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List purchase orders by status, date, supplier or last change (scope: accounting.invoices.read)',
				action: 'Get many purchase orders',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change a purchase order\'s fields, status or lines (scope: accounting.invoices)',
				action: 'Update a purchase order',
			},
		],
		default: 'create',
	},
	...approve.description,
	...create.description,
	...deleteOperation.description,
	...downloadPdf.description,
	...get.description,
	...getAll.description,
	...update.description,
];
