import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { xeroRequest } from '../../../shared/transport';
import { runPerItem, tenantFor } from '../common/execution';
import { InputCheck } from '../common/validate';

const properties: INodeProperties[] = [
	{
		displayName: 'Currency Code',
		name: 'code',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'EUR',
		description: 'ISO 4217 code of a currency enabled in the organisation',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['currency'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const check = new InputCheck(this.getNode(), i);
		const code = check.text('Currency Code', this.getNodeParameter('code', i), { required: true })!.trim().toUpperCase();
		if (!/^[A-Z]{3}$/.test(code)) check.fail('Currency Code', `must be a three-letter code such as EUR, got "${code}"`);
		const body = await xeroRequest.call(this, await tenantFor.call(this, i), {
			path: '/Currencies',
			qs: { where: `Code=="${code}"` },
			itemIndex: i,
		});
		const currencies = (body.Currencies as IDataObject[] | undefined) ?? [];
		if (!currencies.length) check.fail('Currency Code', `"${code}" is not enabled in this organisation (Settings > Currencies in Xero)`);
		return currencies;
	});
}
