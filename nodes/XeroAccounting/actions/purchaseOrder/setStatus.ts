import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { batchWrite } from '../common/batchWrite';
import { pickedId } from '../common/execution';

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
		build: async (check) => ({ PurchaseOrderID: pickedId.call(this, check, 'purchaseOrderId', 'Purchase Order'), Status: status }),
	});
}
