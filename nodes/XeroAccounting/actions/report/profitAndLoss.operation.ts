import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { dateProperty, outputProperty, periodsProperties, putDate, putPeriods, runReport } from './common';

const properties: INodeProperties[] = [
	dateProperty('From Date', 'fromDate', 'First day of the period; defaults to the start of the current month'),
	dateProperty('To Date', 'toDate', 'Last day of the period; defaults to the end of the current month'),
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
			{
				displayName: 'Tracking Category ID',
				name: 'trackingCategoryID',
				type: 'string',
				default: '',
				description: 'Split the columns by the options of this tracking category',
			},
		],
	},
	outputProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['profitAndLoss'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runReport.call(
		this,
		items,
		'/Reports/ProfitAndLoss',
		(check, i) => {
			const qs: IDataObject = {};
			putDate(qs, 'fromDate', check, 'From Date', this.getNodeParameter('fromDate', i, ''));
			putDate(qs, 'toDate', check, 'To Date', this.getNodeParameter('toDate', i, ''));
			if (qs.fromDate && qs.toDate && String(qs.fromDate) > String(qs.toDate)) check.fail('To Date', 'is before From Date');
			const options = this.getNodeParameter('options', i, {}) as IDataObject;
			putPeriods(qs, check, options);
			const tracking = check.guid('Tracking Category ID', options.trackingCategoryID);
			if (tracking) qs.trackingCategoryID = tracking;
			return qs;
		},
		{ blankHeaders: { 0: 'Account' } },
	);
}
