import { XeroValidationError } from './engine';
import { compileOrder, compileWhere, defaultGetter, type FieldGetter } from './where';
import { fromMsDate, parseHttpOrIsoDate } from './xero-format';

export type Query = Record<string, string | string[]>;

export interface Pagination {
	page: number;
	pageSize: number;
	pageCount: number;
	itemCount: number;
}

export interface ListOptions<T extends object> {
	query: Query;
	ifModifiedSince?: string;
	/** Extra filters of the endpoint (IDs, Statuses, DateFrom, searchTerm, ...), all ANDed. */
	filters?: ((doc: T) => boolean)[];
	/** Paged endpoints: whether a request without `page` is paged anyway (Purchase orders). */
	paging: 'none' | 'optional' | 'always';
	getter?: FieldGetter;
}

export interface ListResult<T> {
	items: T[];
	pagination?: Pagination;
	/** True when an optionally paged endpoint returned everything (Xero then omits line details). */
	unpaged: boolean;
}

export function queryValue(query: Query, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [k, v] of Object.entries(query)) {
		if (k.toLowerCase() === wanted) return Array.isArray(v) ? v[v.length - 1] : v;
	}
	return undefined;
}

/** A comma-separated list parameter ("IDs=a,b" or repeated), trimmed and unquoted. */
export function queryList(query: Query, name: string): string[] | undefined {
	const wanted = name.toLowerCase();
	const out: string[] = [];
	let seen = false;
	for (const [k, v] of Object.entries(query)) {
		if (k.toLowerCase() !== wanted) continue;
		seen = true;
		for (const part of (Array.isArray(v) ? v : [v]).join(',').split(',')) {
			const clean = part.trim().replace(/^"(.*)"$/, '$1');
			if (clean) out.push(clean);
		}
	}
	return seen ? out : undefined;
}

export function queryBool(query: Query, name: string): boolean | undefined {
	const v = queryValue(query, name);
	return v === undefined ? undefined : v.toLowerCase() === 'true';
}

/** Filters, orders and pages documents the way Xero's list endpoints do. */
export function runList<T extends object>(source: Iterable<T>, options: ListOptions<T>): ListResult<T> {
	const { query } = options;
	const get = options.getter ?? defaultGetter;
	const predicates: ((doc: T) => boolean)[] = [];
	if (options.ifModifiedSince) {
		const since = parseHttpOrIsoDate(options.ifModifiedSince);
		if (Number.isNaN(since)) throw new XeroValidationError(`If-Modified-Since '${options.ifModifiedSince}' is not a valid date`);
		predicates.push((doc) => fromMsDate((doc as { UpdatedDateUTC?: string }).UpdatedDateUTC) > since);
	}
	predicates.push(...(options.filters ?? []));
	const where = queryValue(query, 'where');
	if (where && where.trim()) predicates.push(compileWhere(where, get) as (doc: T) => boolean);
	let items: T[] = [];
	for (const doc of source) {
		let keep = true;
		for (const p of predicates) {
			if (!p(doc)) {
				keep = false;
				break;
			}
		}
		if (keep) items.push(doc);
	}
	const order = queryValue(query, 'order');
	const comparator = order ? compileOrder(order, get) : undefined;
	if (comparator) items.sort(comparator);

	const pageParam = queryValue(query, 'page');
	const paged = options.paging === 'always' || (options.paging === 'optional' && pageParam !== undefined);
	if (!paged || options.paging === 'none') return { items, unpaged: options.paging === 'optional' };
	const page = Math.max(1, parseInt(pageParam ?? '1', 10) || 1);
	const requestedSize = parseInt(queryValue(query, 'pageSize') ?? '100', 10);
	// Xero adjusts out-of-range page sizes instead of rejecting them.
	const pageSize = Math.min(1000, Math.max(1, Number.isNaN(requestedSize) ? 100 : requestedSize));
	const itemCount = items.length;
	items = items.slice((page - 1) * pageSize, page * pageSize);
	return { items, unpaged: false, pagination: { page, pageSize, pageCount: Math.ceil(itemCount / pageSize), itemCount } };
}
