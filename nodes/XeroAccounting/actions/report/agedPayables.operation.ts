import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { agedProperties, runAgedReport } from './aged';

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['agedPayables'] } }, agedProperties('supplier'));

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runAgedReport.call(this, items, '/Reports/AgedPayablesByContact');
}
