import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pickedId, runPerItem, tenantFor } from '../common/execution';
import { pdfFile } from '../common/pdf';
import { InputCheck } from '../common/validate';
import { purchaseOrderLocator } from './locator';

const properties: INodeProperties[] = [
	purchaseOrderLocator,
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the PDF in',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['purchaseOrder'], operation: ['downloadPdf'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const check = new InputCheck(this.getNode(), i);
		const id = pickedId.call(this, check, 'purchaseOrderId', 'Purchase Order');
		const field = check.text('Put Output File in Field', this.getNodeParameter('binaryPropertyName', i), { required: true, max: 255 })!;
		const fileName = `purchase-order-${id}.pdf`;
		const binary = await pdfFile.call(this, await tenantFor.call(this, i), `/PurchaseOrders/${id}/pdf`, fileName, i);
		return [{ json: { PurchaseOrderID: id, fileName }, binary: { [field]: binary } }];
	});
}
