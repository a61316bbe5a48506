import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { batchWrite } from '../common/batchWrite';

/** Moves each input item's purchase order to a status, in Xero's batches. */
export async function setStatus(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	status: 'AUTHORISED' | 'DELETED',
): Promise<INodeExecutionData[]> {
	return await batchWrite.call(this, items, {
		method: 'POST',
		path: '/PurchaseOrders',
		property: 'PurchaseOrders',
		noun: 'purchase order',
		build: async (check) => {
			const id = this.getNodeParameter('purchaseOrderId', check.itemIndex, '', { extractValue: true });
			return { PurchaseOrderID: check.guid('Purchase Order', id, { required: true }), Status: status };
		},
	});
}
