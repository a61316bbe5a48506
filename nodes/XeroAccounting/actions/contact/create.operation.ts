import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { batchWrite } from '../common/batchWrite';
import { additionalFieldsProperty, simplifyProperty } from '../common/descriptions';
import { contactFields, contactFromFields } from './fields';

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', description: 'Full name of the person or organisation, unique in Xero' },
	additionalFieldsProperty(contactFields),
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await batchWrite.call(this, items, {
		method: 'PUT',
		path: '/Contacts',
		property: 'Contacts',
		noun: 'contact',
		build: async (check) =>
			contactFromFields(
				check,
				this.getNodeParameter('additionalFields', check.itemIndex, {}) as Record<string, string>,
				this.getNodeParameter('name', check.itemIndex) as string,
			),
	});
}
