import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { batchWrite } from '../common/batchWrite';
import { simplifyProperty, updateFieldsProperty } from '../common/descriptions';
import { pickedId } from '../common/execution';
import { buildLineItems, lineItemsProperties } from '../common/lineItems';
import { purchaseOrderFields, purchaseOrderFromFields } from './fields';
import { purchaseOrderLocator } from './locator';

const properties: INodeProperties[] = [
	purchaseOrderLocator,
	updateFieldsProperty([
		{ displayName: 'Contact ID', name: 'ContactID', type: 'string', default: '', description: 'Move the order to another supplier' },
		...purchaseOrderFields,
	]),
	{
		displayName: 'Replace Line Items',
		name: 'replaceLineItems',
		type: 'boolean',
		default: false,
		description: 'Whether to replace all lines of the order with the lines given below; when off the lines stay as they are',
	},
	...updateDisplayOptions({ show: { replaceLineItems: [true] } }, lineItemsProperties()),
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['purchaseOrder'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await batchWrite.call(this, items, {
		method: 'POST',
		path: '/PurchaseOrders',
		property: 'PurchaseOrders',
		noun: 'purchase order',
		build: async (check, tenantId) => {
			const i = check.itemIndex;
			const id = pickedId.call(this, check, 'purchaseOrderId', 'Purchase Order');
			const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
			const order: IDataObject = { PurchaseOrderID: id, ...(await purchaseOrderFromFields.call(this, check, tenantId, fields)) };
			const contactId = check.guid('Contact ID', fields.ContactID);
			if (contactId) order.Contact = { ContactID: contactId };
			if (this.getNodeParameter('replaceLineItems', i, false)) {
				order.LineItems = await buildLineItems.call(this, check, tenantId, 'purchases');
			}
			return order;
		},
	});
}
