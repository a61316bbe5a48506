import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { limitProperty, returnAllProperty } from '../common/descriptions';
import { runPerItem } from '../common/execution';
import { getMany } from '../common/getMany';

const properties: INodeProperties[] = [returnAllProperty, limitProperty];

export const description = updateDisplayOptions({ show: { resource: ['currency'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => await getMany.call(this, i, { path: '/Currencies', property: 'Currencies', paged: false }));
}
