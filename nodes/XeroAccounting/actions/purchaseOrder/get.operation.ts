import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { xeroRequest } from '../../../shared/transport';
import { simplifyProperty } from '../common/descriptions';
import { pickedId, runPerItem, tenantFor } from '../common/execution';
import { simplifyAll } from '../common/simplify';
import { InputCheck } from '../common/validate';
import { purchaseOrderLocator } from './locator';

const properties: INodeProperties[] = [purchaseOrderLocator, simplifyProperty];

export const description = updateDisplayOptions({ show: { resource: ['purchaseOrder'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const check = new InputCheck(this.getNode(), i);
		const id = pickedId.call(this, check, 'purchaseOrderId', 'Purchase Order');
		const body = await xeroRequest.call(this, await tenantFor.call(this, i), { path: `/PurchaseOrders/${id}`, itemIndex: i });
		return simplifyAll(body.PurchaseOrders as IDataObject[], this.getNodeParameter('simplify', i, true) as boolean);
	});
}
