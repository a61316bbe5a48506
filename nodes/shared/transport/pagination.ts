import type { IDataObject } from 'n8n-workflow';

import type { XeroContext } from './context';
import { xeroRequest } from './request';

/** Xero's largest page: the fewest calls for a full read. */
export const MAX_PAGE_SIZE = 1000;

export interface XeroListOptions {
	path: string;
	/** The array in Xero's answer: `Invoices`, `Contacts`, ... */
	property: string;
	qs?: IDataObject;
	ifModifiedSince?: string;
	/** False for endpoints Xero does not page (Items, Accounts, TaxRates...): one call returns all. */
	paged?: boolean;
	/** Stop after this many documents; undefined reads everything. */
	limit?: number;
	itemIndex?: number;
}

/** Yields Xero's documents page by page, so callers can stream large reads. */
export async function* xeroPages(
	this: XeroContext,
	tenantId: string,
	options: XeroListOptions,
): AsyncGenerator<IDataObject[]> {
	const { path, property, qs, ifModifiedSince, itemIndex, limit } = options;
	if (options.paged === false) {
		const body = await xeroRequest.call(this, tenantId, { path, qs, ifModifiedSince, itemIndex });
		const all = (body[property] as IDataObject[] | undefined) ?? [];
		yield limit === undefined ? all : all.slice(0, limit);
		return;
	}
	const pageSize = Math.min(MAX_PAGE_SIZE, limit ?? MAX_PAGE_SIZE);
	let remaining = limit ?? Infinity;
	for (let page = 1; remaining > 0; page++) {
		const body = await xeroRequest.call(this, tenantId, {
			path,
			qs: { ...qs, page, pageSize },
			ifModifiedSince,
			itemIndex,
		});
		const documents = (body[property] as IDataObject[] | undefined) ?? [];
		const kept = documents.length > remaining ? documents.slice(0, remaining) : documents;
		remaining -= kept.length;
		if (kept.length > 0) yield kept;
		// A short page is the last one; Xero's pagination block saves the extra empty call too.
		const pagination = body.pagination as IDataObject | undefined;
		if (documents.length < pageSize) return;
		if (pagination && page >= Number(pagination.pageCount)) return;
	}
}

/** Every document of a list endpoint (or the first `limit`), following Xero's pages. */
export async function xeroGetAll(
	this: XeroContext,
	tenantId: string,
	options: XeroListOptions,
): Promise<IDataObject[]> {
	const all: IDataObject[] = [];
	for await (const page of xeroPages.call(this, tenantId, options)) all.push(...page);
	return all;
}
