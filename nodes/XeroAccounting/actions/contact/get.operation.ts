import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { xeroRequest } from '../../../shared/transport';
import { contactLocator, simplifyProperty } from '../common/descriptions';
import { pickedId, runPerItem, tenantFor } from '../common/execution';
import { simplifyAll } from '../common/simplify';
import { InputCheck } from '../common/validate';

const properties: INodeProperties[] = [contactLocator, simplifyProperty];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const check = new InputCheck(this.getNode(), i);
		const id = pickedId.call(this, check, 'contactId', 'Contact');
		const body = await xeroRequest.call(this, await tenantFor.call(this, i), { path: `/Contacts/${id}`, itemIndex: i });
		return simplifyAll(body.Contacts as IDataObject[], this.getNodeParameter('simplify', i, true) as boolean);
	});
}
