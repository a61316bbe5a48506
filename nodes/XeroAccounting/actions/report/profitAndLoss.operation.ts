import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsProperty } from '../common/descriptions';
import {
	ACCOUNT_ROWS,
	cashBasisOption,
	fromToDateProperties,
	outputProperty,
	periodsProperties,
	putFromToDates,
	putPeriods,
	runReport,
	standardLayoutOption,
} from './common';

const properties: INodeProperties[] = [
	...fromToDateProperties,
	optionsProperty([
		cashBasisOption,
		...periodsProperties,
		standardLayoutOption,
		{
			displayName: 'Tracking Category ID',
			name: 'trackingCategoryID',
			type: 'string',
			default: '',
			description: 'Split the columns by the options of this tracking category',
		},
	]),
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
			putFromToDates.call(this, qs, check);
			const options = this.getNodeParameter('options', i, {}) as IDataObject;
			putPeriods(qs, check, options);
			const tracking = check.guid('Tracking Category ID', options.trackingCategoryID);
			if (tracking) qs.trackingCategoryID = tracking;
			return qs;
		},
		ACCOUNT_ROWS,
	);
}
