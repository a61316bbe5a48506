import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fromToDateProperties, outputProperty, putFromToDates, runReport } from './common';

const properties: INodeProperties[] = [...fromToDateProperties, outputProperty];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['bankSummary'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runReport.call(this, items, '/Reports/BankSummary', (check) => {
		const qs: IDataObject = {};
		putFromToDates.call(this, qs, check);
		return qs;
	});
}
