import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { batchWrite } from '../common/batchWrite';
import { additionalFieldsProperty, contactLocator, simplifyProperty } from '../common/descriptions';
import { pickedId } from '../common/execution';
import { buildLineItems, lineItemsProperties } from '../common/lineItems';
import { purchaseOrderFields, purchaseOrderFromFields } from './fields';

const properties: INodeProperties[] = [
	{ ...contactLocator, description: 'The supplier the order is for' },
	...lineItemsProperties(),
	additionalFieldsProperty(purchaseOrderFields),
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['purchaseOrder'], operation: ['create'] } }, properties);

/** One purchase order per input item, sent in Xero's batches. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await batchWrite.call(this, items, {
		method: 'PUT',
		path: '/PurchaseOrders',
		property: 'PurchaseOrders',
		noun: 'purchase order',
		build: async (check, tenantId) => {
			const i = check.itemIndex;
			const contactId = pickedId.call(this, check, 'contactId', 'Contact');
			const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
			const order = await purchaseOrderFromFields.call(this, check, tenantId, fields);
			const lineItems = await buildLineItems.call(this, check, tenantId, 'purchases');
			return { Contact: { ContactID: contactId }, ...order, LineItems: lineItems };
		},
	});
}
