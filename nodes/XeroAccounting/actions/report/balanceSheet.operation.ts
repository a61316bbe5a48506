import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { dateProperty, outputProperty, periodsProperties, putDate, putPeriods, runReport } from './common';

const properties: INodeProperties[] = [
	dateProperty('As At', 'date', 'Balances at the end of this day; defaults to the end of the current month'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'Cash Basis', name: 'paymentsOnly', type: 'boolean', default: false, description: 'Whether to count only paid amounts (cash basis) instead of invoiced ones' },
			...periodsProperties,
			{ displayName: 'Standard Layout', name: 'standardLayout', type: 'boolean', default: false, description: 'Whether to ignore the organisation\'s custom report layout' },
		],
	},
	outputProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['balanceSheet'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runReport.call(
		this,
		items,
		'/Reports/BalanceSheet',
		(check, i) => {
			const qs: IDataObject = {};
			putDate(qs, 'date', check, 'As At', this.getNodeParameter('date', i, ''));
			putPeriods(qs, check, this.getNodeParameter('options', i, {}) as IDataObject);
			return qs;
		},
		{ blankHeaders: { 0: 'Account' } },
	);
}
