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
			{ displayName: 'Modified Since', name: 'modifiedSince', type: 'dateTime', default: '', description: 'Only items created or changed after this moment' },
			{ displayName: 'Where', name: 'where', type: 'string', default: '', placeholder: 'IsTrackedAsInventory==true', description: 'A Xero filter expression' },
		],
	},
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['item'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const { qs, ifModifiedSince } = listQuery(new InputCheck(this.getNode(), i), filters);
		const returnAll = this.getNodeParameter('returnAll', i) as boolean;
		// Xero returns every item in one answer: the endpoint is not paged.
		const found = await xeroGetAll.call(this, await tenantFor.call(this, i), {
			path: '/Items',
			property: 'Items',
			qs,
			ifModifiedSince,
			paged: false,
			limit: returnAll ? undefined : (this.getNodeParameter('limit', i) as number),
			itemIndex: i,
		});
		return simplifyAll(found, this.getNodeParameter('simplify', i, true) as boolean);
	});
}
