import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { xeroGetAll, type XeroListOptions } from '../../../shared/transport';
import { tenantFor } from './execution';
import { simplifyAll } from './simplify';

export interface GetManyRequest extends Pick<XeroListOptions, 'path' | 'property' | 'qs' | 'ifModifiedSince' | 'paged'> {
	/** Whether the operation has the Simplify parameter to honour. */
	simplify?: boolean;
}

/** One input item's Get Many: Xero's list read up to the item's Limit (or whole with Return All). */
export async function getMany(this: IExecuteFunctions, itemIndex: number, request: GetManyRequest): Promise<IDataObject[]> {
	const { simplify, ...list } = request;
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const documents = await xeroGetAll.call(this, await tenantFor.call(this, itemIndex), {
		...list,
		limit: returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number),
		itemIndex,
	});
	return simplify ? simplifyAll(documents, this.getNodeParameter('simplify', itemIndex, true) as boolean) : documents;
}
