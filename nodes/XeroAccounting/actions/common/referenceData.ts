import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { xeroRequest } from '../../../shared/transport';

type Collection = 'Accounts' | 'TaxRates' | 'Currencies' | 'Items';

const cache = new WeakMap<object, Map<string, Promise<IDataObject[]>>>();

/**
 * The organisation's accounts, tax rates, currencies and items, read at most once per node run and
 * organisation: used to default line items from their item and to refuse unknown codes before
 * anything is sent.
 */
export async function referenceData(
	this: IExecuteFunctions,
	tenantId: string,
	collection: Collection,
): Promise<IDataObject[]> {
	let perRun = cache.get(this);
	if (!perRun) {
		perRun = new Map();
		cache.set(this, perRun);
	}
	const key = `${tenantId}/${collection}`;
	let list = perRun.get(key);
	if (!list) {
		list = xeroRequest
			.call(this, tenantId, { path: `/${collection}` })
			.then((body) => (body[collection] as IDataObject[] | undefined) ?? []);
		perRun.set(key, list);
	}
	return await list;
}
