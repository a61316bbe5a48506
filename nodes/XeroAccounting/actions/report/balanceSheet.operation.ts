import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsProperty } from '../common/descriptions';
import {
	ACCOUNT_ROWS,
	cashBasisOption,
	dateProperty,
	outputProperty,
	periodsProperties,
	putDate,
	putPeriods,
	runReport,
	standardLayoutOption,
} from './common';

const properties: INodeProperties[] = [
	dateProperty('As At', 'date', 'Balances at the end of this day; defaults to the end of the current month'),
	optionsProperty([cashBasisOption, ...periodsProperties, standardLayoutOption]),
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
		ACCOUNT_ROWS,
	);
}
