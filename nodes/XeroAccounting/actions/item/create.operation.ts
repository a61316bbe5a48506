import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { batchWrite } from '../common/batchWrite';
import { additionalFieldsProperty, simplifyProperty } from '../common/descriptions';
import { itemFields, itemFromFields } from './fields';

const properties: INodeProperties[] = [
	{ displayName: 'Code', name: 'code', type: 'string', required: true, default: '', description: 'Unique code of the item, at most 30 characters' },
	additionalFieldsProperty(itemFields),
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['item'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await batchWrite.call(this, items, {
		method: 'PUT',
		path: '/Items',
		property: 'Items',
		noun: 'item',
		build: async (check, tenantId) => {
			const i = check.itemIndex;
			const code = check.text('Code', this.getNodeParameter('code', i), { required: true, max: 30 })!;
			const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
			return { Code: code, ...(await itemFromFields.call(this, check, tenantId, fields)) };
		},
	});
}
