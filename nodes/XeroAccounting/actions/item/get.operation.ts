import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { xeroRequest } from '../../../shared/transport';
import { simplifyProperty } from '../common/descriptions';
import { runPerItem, tenantFor } from '../common/execution';
import { quoted } from '../common/listQuery';
import { simplifyAll } from '../common/simplify';
import { InputCheck, isGuid } from '../common/validate';
import { itemLocator } from './locator';

const properties: INodeProperties[] = [itemLocator, simplifyProperty];

export const description = updateDisplayOptions({ show: { resource: ['item'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const check = new InputCheck(this.getNode(), i);
		const value = check.text('Item', this.getNodeParameter('itemId', i, '', { extractValue: true }), { required: true })!.trim();
		const tenantId = await tenantFor.call(this, i);
		const body = isGuid(value)
			? await xeroRequest.call(this, tenantId, { path: `/Items/${value}`, itemIndex: i })
			: await xeroRequest.call(this, tenantId, { path: '/Items', qs: { where: `Code==${quoted(value)}` }, itemIndex: i });
		const found = (body.Items as IDataObject[] | undefined) ?? [];
		if (!found.length) check.fail('Item', `"${value}" is not an item code in this organisation`);
		return simplifyAll(found, this.getNodeParameter('simplify', i, true) as boolean);
	});
}
