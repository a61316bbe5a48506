import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyProperty } from '../common/descriptions';
import { purchaseOrderLocator } from './locator';
import { setStatus } from './setStatus';

const properties: INodeProperties[] = [purchaseOrderLocator, simplifyProperty];

export const description = updateDisplayOptions({ show: { resource: ['purchaseOrder'], operation: ['delete'] } }, properties);

/** Xero never erases a purchase order: deleting marks it DELETED. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await setStatus.call(this, items, 'DELETED');
}
