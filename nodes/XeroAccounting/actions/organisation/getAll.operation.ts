import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listConnections } from '../../../shared/organisation';
import { runPerItem } from '../common/execution';

const properties: INodeProperties[] = [
	{
		displayName: 'Every organisation the credential is connected to is returned, with the ID to use as Organisation',
		name: 'connectionsNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['organisation'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async () => await listConnections.call(this));
}
