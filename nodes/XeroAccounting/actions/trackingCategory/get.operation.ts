import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { xeroRequest } from '../../../shared/transport';
import { idProperty } from '../common/descriptions';
import { runPerItem, tenantFor } from '../common/execution';
import { InputCheck } from '../common/validate';

const properties: INodeProperties[] = [idProperty('Tracking Category ID', 'trackingCategoryId', 'The Xero ID of the tracking category')];

export const description = updateDisplayOptions({ show: { resource: ['trackingCategory'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const check = new InputCheck(this.getNode(), i);
		const id = check.guid('Tracking Category ID', this.getNodeParameter('trackingCategoryId', i), { required: true });
		const body = await xeroRequest.call(this, await tenantFor.call(this, i), { path: `/TrackingCategories/${id}`, itemIndex: i });
		return (body.TrackingCategories as IDataObject[] | undefined) ?? [];
	});
}
