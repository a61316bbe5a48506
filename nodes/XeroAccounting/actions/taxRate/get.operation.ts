import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { xeroRequest } from '../../../shared/transport';
import { runPerItem, tenantFor } from '../common/execution';
import { InputCheck } from '../common/validate';

const properties: INodeProperties[] = [
	{
		displayName: 'Tax Type Name or ID',
		name: 'taxType',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTaxTypes', loadOptionsDependsOn: ['tenantId.value'] },
		required: true,
		default: '',
		description:
			'The tax rate\'s tax type, such as OUTPUT2 or TAX001. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['taxRate'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const check = new InputCheck(this.getNode(), i);
		const taxType = check.text('Tax Type', this.getNodeParameter('taxType', i), { required: true, max: 50 })!.trim();
		if (!/^[A-Za-z0-9_]+$/.test(taxType)) check.fail('Tax Type', `is not a tax type: "${taxType}"`);
		const body = await xeroRequest.call(this, await tenantFor.call(this, i), { path: `/TaxRates/${taxType}`, itemIndex: i });
		return (body.TaxRates as IDataObject[] | undefined) ?? [];
	});
}
