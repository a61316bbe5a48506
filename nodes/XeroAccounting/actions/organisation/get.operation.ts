import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { xeroRequest } from '../../../shared/transport';
import { runPerItem, tenantFor } from '../common/execution';

const properties: INodeProperties[] = [
	{
		displayName: 'The organisation chosen above is returned: name, base currency, country, financial year end, tax settings',
		name: 'organisationNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['organisation'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const body = await xeroRequest.call(this, await tenantFor.call(this, i), { path: '/Organisation', itemIndex: i });
		return (body.Organisations as IDataObject[] | undefined) ?? [];
	});
}
