import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { xeroRequest } from '../../../shared/transport';
import { idProperty, simplifyProperty } from '../common/descriptions';
import { runPerItem, tenantFor } from '../common/execution';
import { simplifyAll } from '../common/simplify';
import { InputCheck } from '../common/validate';

const properties: INodeProperties[] = [
	idProperty('Credit Note ID', 'creditNoteId', 'The credit note to get'),
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['creditNote'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const check = new InputCheck(this.getNode(), i);
		const id = check.guid('Credit Note ID', this.getNodeParameter('creditNoteId', i), { required: true });
		const body = await xeroRequest.call(this, await tenantFor.call(this, i), { path: `/CreditNotes/${id}`, itemIndex: i });
		return simplifyAll((body.CreditNotes as IDataObject[] | undefined) ?? [], this.getNodeParameter('simplify', i, true) as boolean);
	});
}
