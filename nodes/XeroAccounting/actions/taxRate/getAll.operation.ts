import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { xeroGetAll } from '../../../shared/transport';
import { limitProperty, returnAllProperty } from '../common/descriptions';
import { runPerItem, tenantFor } from '../common/execution';

const STATUSES = ['ACTIVE', 'ARCHIVED', 'DELETED', 'PENDING'];

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
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Active', value: 'ACTIVE' },
					{ name: 'Any', value: '' },
					{ name: 'Archived', value: 'ARCHIVED' },
					{ name: 'Deleted', value: 'DELETED' },
					{ name: 'Pending', value: 'PENDING' },
				],
				default: 'ACTIVE',
			},
			{ displayName: 'Where', name: 'where', type: 'string', default: '', placeholder: 'CanApplyToRevenue==true', description: 'A Xero filter expression' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['taxRate'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const clauses: string[] = [];
		if (filters.status && STATUSES.includes(String(filters.status))) clauses.push(`Status=="${String(filters.status)}"`);
		if (typeof filters.where === 'string' && filters.where.trim()) clauses.push(`(${filters.where.trim()})`);
		const returnAll = this.getNodeParameter('returnAll', i) as boolean;
		return await xeroGetAll.call(this, await tenantFor.call(this, i), {
			path: '/TaxRates',
			property: 'TaxRates',
			qs: clauses.length ? { where: clauses.join(' AND ') } : {},
			paged: false,
			limit: returnAll ? undefined : (this.getNodeParameter('limit', i) as number),
			itemIndex: i,
		});
	});
}
