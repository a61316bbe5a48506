import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersProperty, limitProperty, modifiedSinceFilter, returnAllProperty, simplifyProperty, whereFilter } from '../common/descriptions';
import { runPerItem } from '../common/execution';
import { getMany } from '../common/getMany';
import { listQuery } from '../common/listQuery';
import { InputCheck } from '../common/validate';

const properties: INodeProperties[] = [
	returnAllProperty,
	limitProperty,
	filtersProperty([modifiedSinceFilter('items'), whereFilter('IsTrackedAsInventory==true')]),
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['item'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const { qs, ifModifiedSince } = listQuery(new InputCheck(this.getNode(), i), filters);
		// Xero returns every item in one answer: the endpoint is not paged.
		return await getMany.call(this, i, { path: '/Items', property: 'Items', qs, ifModifiedSince, paged: false, simplify: true });
	});
}
