import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersProperty, limitProperty, returnAllProperty, whereFilter } from '../common/descriptions';
import { runPerItem } from '../common/execution';
import { getMany } from '../common/getMany';

const properties: INodeProperties[] = [
	returnAllProperty,
	limitProperty,
	filtersProperty([
		{
			displayName: 'Include Archived',
			name: 'includeArchived',
			type: 'boolean',
			default: false,
			description: 'Whether to include archived categories and options',
		},
		whereFilter('Name=="Region"'),
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['trackingCategory'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const qs: IDataObject = {};
		if (filters.includeArchived) qs.includeArchived = true;
		if (typeof filters.where === 'string' && filters.where.trim()) qs.where = filters.where.trim();
		return await getMany.call(this, i, { path: '/TrackingCategories', property: 'TrackingCategories', qs, paged: false });
	});
}
