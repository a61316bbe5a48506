import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { contactLocator, optionsProperty } from '../common/descriptions';
import { pickedId } from '../common/execution';
import { dateProperty, outputProperty, putDate, runReport } from './common';

export function agedProperties(side: string): INodeProperties[] {
	return [
		{ ...contactLocator, description: `The ${side} to report on; Xero's aged reports are per contact` },
		dateProperty('As At', 'date', 'Age the amounts as at this day; defaults to today'),
		optionsProperty([
			dateProperty('From Date', 'fromDate', 'Only documents dated on or after this day'),
			dateProperty('To Date', 'toDate', 'Only documents dated on or before this day'),
		]),
		outputProperty,
	];
}

export async function runAgedReport(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	path: '/Reports/AgedReceivablesByContact' | '/Reports/AgedPayablesByContact',
): Promise<INodeExecutionData[]> {
	return await runReport.call(
		this,
		items,
		path,
		(check, i) => {
			const qs = { contactId: pickedId.call(this, check, 'contactId', 'Contact') };
			putDate(qs, 'date', check, 'As At', this.getNodeParameter('date', i, ''));
			const options = this.getNodeParameter('options', i, {}) as Record<string, unknown>;
			putDate(qs, 'fromDate', check, 'From Date', options.fromDate);
			putDate(qs, 'toDate', check, 'To Date', options.toDate);
			return qs;
		},
		{ blankHeaders: { 3: 'Overdue' } },
	);
}
