import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { batchWrite } from '../common/batchWrite';
import { contactLocator, simplifyProperty, updateFieldsProperty } from '../common/descriptions';
import { pickedId } from '../common/execution';
import { contactFields, contactFromFields } from './fields';

const properties: INodeProperties[] = [
	contactLocator,
	updateFieldsProperty([{ displayName: 'Name', name: 'Name', type: 'string', default: '' }, ...contactFields]),
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await batchWrite.call(this, items, {
		method: 'POST',
		path: '/Contacts',
		property: 'Contacts',
		noun: 'contact',
		build: async (check) => {
			const fields = this.getNodeParameter('updateFields', check.itemIndex, {}) as IDataObject;
			const contact = contactFromFields(check, fields, fields.Name === undefined ? undefined : String(fields.Name));
			return { ContactID: pickedId.call(this, check, 'contactId', 'Contact'), ...contact };
		},
	});
}
