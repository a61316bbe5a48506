import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { dateProperty, outputProperty, putDate, runReport } from './common';

const properties: INodeProperties[] = [
	dateProperty('From Date', 'fromDate', 'First day of the period; defaults to the start of the current month'),
	dateProperty('To Date', 'toDate', 'Last day of the period; defaults to the end of the current month'),
	outputProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['bankSummary'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runReport.call(this, items, '/Reports/BankSummary', (check, i) => {
		const qs: IDataObject = {};
		putDate(qs, 'fromDate', check, 'From Date', this.getNodeParameter('fromDate', i, ''));
		putDate(qs, 'toDate', check, 'To Date', this.getNodeParameter('toDate', i, ''));
		if (qs.fromDate && qs.toDate && String(qs.fromDate) > String(qs.toDate)) check.fail('To Date', 'is before From Date');
		return qs;
	});
}
