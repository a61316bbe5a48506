import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { xeroGetAll } from '../../../shared/transport';
import { limitProperty, returnAllProperty, simplifyProperty } from '../common/descriptions';
import { runPerItem, tenantFor } from '../common/execution';
import { listQuery } from '../common/listQuery';
import { simplifyAll } from '../common/simplify';
import { InputCheck } from '../common/validate';

const properties: INodeProperties[] = [
	returnAllProperty,
	limitProperty,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Date From', name: 'dateFrom', type: 'dateTime', default: '', description: 'Only payments made on or after this day' },
			{ displayName: 'Date To', name: 'dateTo', type: 'dateTime', default: '', description: 'Only payments made on or before this day' },
			{
				displayName: 'Invoice or Bill ID',
				name: 'invoiceId',
				type: 'string',
				default: '',
				placeholder: '00000000-0000-0000-0000-000000000000',
				description: 'Only payments of this invoice or bill',
			},
			{ displayName: 'Modified Since', name: 'modifiedSince', type: 'dateTime', default: '', description: 'Only payments created or changed after this moment' },
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: [
					{ name: 'Authorised', value: 'AUTHORISED' },
					{ name: 'Deleted', value: 'DELETED', description: 'Voided payments' },
				],
				default: [],
			},
			{ displayName: 'Where', name: 'where', type: 'string', default: '', placeholder: 'Reference=="T-1001"', description: "A Xero filter expression, for what the other filters don't cover" },
		],
	},
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['payment'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const check = new InputCheck(this.getNode(), i);
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const { qs, ifModifiedSince } = listQuery(check, filters);
		const invoiceId = check.guid('Invoice or Bill ID', filters.invoiceId);
		if (invoiceId) qs.where = [`Invoice.InvoiceID==guid("${invoiceId}")`, qs.where].filter(Boolean).join(' AND ');
		const returnAll = this.getNodeParameter('returnAll', i) as boolean;
		const payments = await xeroGetAll.call(this, await tenantFor.call(this, i), {
			path: '/Payments',
			property: 'Payments',
			qs,
			ifModifiedSince,
			limit: returnAll ? undefined : (this.getNodeParameter('limit', i) as number),
			itemIndex: i,
		});
		return simplifyAll(payments, this.getNodeParameter('simplify', i, true) as boolean);
	});
}
