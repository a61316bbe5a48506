import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { xeroPages, type XeroListOptions } from '../../../shared/transport';
import { tenantFor } from './execution';
import { simplifyAll } from './simplify';

export interface GetManyRequest extends Pick<XeroListOptions, 'path' | 'property' | 'qs' | 'ifModifiedSince' | 'paged'> {
	/** Whether the operation has the Simplify parameter to honour. */
	simplify?: boolean;
}

/**
 * One input item's Get Many: Xero's list read up to the item's Limit (or whole with Return All).
 * Each page is simplified as it arrives, so Xero's raw page is not held beside the light copy.
 */
export async function getMany(this: IExecuteFunctions, itemIndex: number, request: GetManyRequest): Promise<IDataObject[]> {
	const { simplify, ...list } = request;
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const light = simplify === true && (this.getNodeParameter('simplify', itemIndex, true) as boolean);
	const documents: IDataObject[] = [];
	for await (const page of xeroPages.call(this, await tenantFor.call(this, itemIndex), {
		...list,
		limit: returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number),
		itemIndex,
	})) {
		for (const document of simplifyAll(page, light)) documents.push(document);
	}
	return documents;
}
