import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiUrlOf, xeroRequest } from '../../../shared/transport';
import type { InputCheck } from './validate';

type Collection = 'Accounts' | 'TaxRates' | 'Currencies' | 'Items';

/**
 * Accounts, tax rates and currencies change rarely, so one read serves later runs for a while:
 * a single invoice then costs one call, not four. A code missing from a shared list is read
 * again before it is refused, so an account added in Xero a minute ago is never rejected.
 * Items carry prices, so they are read afresh in every run.
 */
const SHARED_FOR_MS = 10 * 60 * 1000;
const shared = new Map<string, { loadedAt: number; list: Promise<IDataObject[]> }>();
const perRun = new WeakMap<object, Map<string, Promise<IDataObject[]>>>();

function runCache(context: object): Map<string, Promise<IDataObject[]>> {
	let cache = perRun.get(context);
	if (!cache) {
		cache = new Map();
		perRun.set(context, cache);
	}
	return cache;
}

function load(context: IExecuteFunctions, tenantId: string, collection: Collection, key: string) {
	const list = xeroRequest
		.call(context, tenantId, { path: `/${collection}` })
		.then((body) => (body[collection] as IDataObject[] | undefined) ?? []);
	runCache(context).set(key, list);
	if (collection !== 'Items') {
		shared.set(key, { loadedAt: Date.now(), list });
		list.catch(() => shared.delete(key));
	}
	return list;
}

async function keyOf(context: IExecuteFunctions, tenantId: string, collection: Collection): Promise<string> {
	return `${await apiUrlOf(context)}|${tenantId}|${collection}`;
}

/** The organisation's accounts, tax rates, currencies or items, read as rarely as is safe. */
export async function referenceData(
	this: IExecuteFunctions,
	tenantId: string,
	collection: Collection,
): Promise<IDataObject[]> {
	const key = await keyOf(this, tenantId, collection);
	const ofThisRun = runCache(this).get(key);
	if (ofThisRun) return await ofThisRun;
	const recent = shared.get(key);
	if (recent && Date.now() - recent.loadedAt < SHARED_FOR_MS) return await recent.list;
	return await load(this, tenantId, collection, key);
}

/** The first entry that matches; a list shared from an earlier run is read again before giving up. */
export async function findReference(
	this: IExecuteFunctions,
	tenantId: string,
	collection: Collection,
	matches: (entry: IDataObject) => boolean,
): Promise<IDataObject | undefined> {
	const found = (await referenceData.call(this, tenantId, collection)).find(matches);
	const key = await keyOf(this, tenantId, collection);
	if (found || runCache(this).has(key)) return found;
	return (await load(this, tenantId, collection, key)).find(matches);
}

/** The account with this code, or an error naming the field. */
export async function requireAccount(
	this: IExecuteFunctions,
	check: InputCheck,
	tenantId: string,
	label: string,
	code: string,
): Promise<IDataObject> {
	const wanted = code.toUpperCase();
	const account = await findReference.call(this, tenantId, 'Accounts', (a) => String(a.Code ?? '').toUpperCase() === wanted);
	return account ?? check.fail(label, `"${code}" is not an account code in this organisation`);
}

/** Refuses a tax type the organisation does not have, naming the field. */
export async function requireTaxType(
	this: IExecuteFunctions,
	check: InputCheck,
	tenantId: string,
	label: string,
	type: string,
): Promise<void> {
	const rate = await findReference.call(this, tenantId, 'TaxRates', (r) => String(r.TaxType) === type);
	if (!rate) check.fail(label, `"${type}" is not a tax type in this organisation`);
}
