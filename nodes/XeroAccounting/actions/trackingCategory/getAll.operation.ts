import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { xeroGetAll } from '../../../shared/transport';
import { limitProperty, returnAllProperty } from '../common/descriptions';
import { runPerItem, tenantFor } from '../common/execution';

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
				displayName: 'Include Archived',
				name: 'includeArchived',
				type: 'boolean',
				default: false,
				description: 'Whether to include archived categories and options',
			},
			{ displayName: 'Where', name: 'where', type: 'string', default: '', placeholder: 'Name=="Region"', description: 'A Xero filter expression' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['trackingCategory'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const qs: IDataObject = {};
		if (filters.includeArchived) qs.includeArchived = true;
		if (typeof filters.where === 'string' && filters.where.trim()) qs.where = filters.where.trim();
		const returnAll = this.getNodeParameter('returnAll', i) as boolean;
		return await xeroGetAll.call(this, await tenantFor.call(this, i), {
			path: '/TrackingCategories',
			property: 'TrackingCategories',
			qs,
			paged: false,
			limit: returnAll ? undefined : (this.getNodeParameter('limit', i) as number),
			itemIndex: i,
		});
	});
}
