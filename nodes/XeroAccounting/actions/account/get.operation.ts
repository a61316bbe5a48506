import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { xeroRequest } from '../../../shared/transport';
import { runPerItem, tenantFor } from '../common/execution';
import { InputCheck, isGuid } from '../common/validate';

const properties: INodeProperties[] = [
	{
		displayName: 'Account ID or Code',
		name: 'account',
		type: 'string',
		required: true,
		default: '',
		placeholder: '200',
		description: 'The account\'s Xero ID, or its code in the chart of accounts',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const check = new InputCheck(this.getNode(), i);
		const value = check.text('Account ID or Code', this.getNodeParameter('account', i), { required: true, max: 50 })!.trim();
		const tenantId = await tenantFor.call(this, i);
		const body = isGuid(value)
			? await xeroRequest.call(this, tenantId, { path: `/Accounts/${value}`, itemIndex: i })
			: await xeroRequest.call(this, tenantId, { path: '/Accounts', qs: { where: `Code==${JSON.stringify(value)}` }, itemIndex: i });
		const accounts = (body.Accounts as IDataObject[] | undefined) ?? [];
		if (!accounts.length) check.fail('Account ID or Code', `"${value}" is not an account code in this organisation`);
		return accounts;
	});
}
