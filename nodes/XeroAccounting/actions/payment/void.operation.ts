import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { xeroRequest } from '../../../shared/transport';
import { idProperty, simplifyProperty } from '../common/descriptions';
import { runPerItem, tenantFor } from '../common/execution';
import { simplifyAll } from '../common/simplify';
import { InputCheck } from '../common/validate';

const properties: INodeProperties[] = [
	idProperty('Payment ID', 'paymentId', 'The payment to void; its invoice or bill is awaiting payment again afterwards'),
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['payment'], operation: ['void'] } }, properties);

/** Xero voids a payment by setting its status to DELETED. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const check = new InputCheck(this.getNode(), i);
		const id = check.guid('Payment ID', this.getNodeParameter('paymentId', i), { required: true });
		const body = await xeroRequest.call(this, await tenantFor.call(this, i), {
			method: 'POST',
			path: `/Payments/${id}`,
			body: { Status: 'DELETED' },
			itemIndex: i,
		});
		return simplifyAll((body.Payments as IDataObject[] | undefined) ?? [], this.getNodeParameter('simplify', i, true) as boolean);
	});
}
