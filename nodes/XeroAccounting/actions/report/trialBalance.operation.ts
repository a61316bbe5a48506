import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsProperty } from '../common/descriptions';
import { cashBasisOption, dateProperty, outputProperty, putDate, runReport } from './common';

const properties: INodeProperties[] = [
	dateProperty('As At', 'date', 'Balances at the end of this day; defaults to today'),
	optionsProperty([cashBasisOption]),
	outputProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['trialBalance'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runReport.call(this, items, '/Reports/TrialBalance', (check, i) => {
		const qs: IDataObject = {};
		putDate(qs, 'date', check, 'As At', this.getNodeParameter('date', i, ''));
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		if (typeof options.paymentsOnly === 'boolean') qs.paymentsOnly = options.paymentsOnly;
		return qs;
	});
}
