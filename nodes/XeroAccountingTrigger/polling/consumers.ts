import type { IDataObject } from 'n8n-workflow';

import { advanceCursor, newCursor, type CursorState, type Version } from './cursor';
import { contactIdOf, DOCUMENT_TYPES, shortId, statusOf, type DocumentType } from './documentTypes';

/** Ids remembered per event: enough for months of documents, small enough for static data. */
const MEMORY_CAP = 10_000;

export interface Filters {
	contactIds: Set<string>;
	statuses: Set<string>;
}

export function passesFilters(type: DocumentType, document: IDataObject, filters: Filters): boolean {
	if (filters.statuses.size && DOCUMENT_TYPES[type].statusField) {
		const status = statusOf(type, document);
		if (!status || !filters.statuses.has(status)) return false;
	}
	if (filters.contactIds.size && type !== 'item' && type !== 'account') {
		const contactId = contactIdOf(type, document);
		if (!contactId || !filters.contactIds.has(contactId)) return false;
	}
	return true;
}

/** What one event keeps between polls, per organisation. */
export interface ConsumerState extends CursorState {
	/** Changes events: short ids of the documents seen, oldest first (tells created from updated). */
	known?: string[];
	/** Status events: per short document id, the statuses already emitted ("AUTHORISED,PAID"). */
	entered?: Record<string, string>;
}

export interface Emission {
	version: Version;
	change: 'created' | 'updated';
	status?: string;
}

/** One event on one document type: picks, from the versions read, those to emit. */
export interface Consumer {
	key: string;
	type: DocumentType;
	/**
	 * `prime`: record what exists without emitting (first poll without backfill). `holdAtMs`: the
	 * read saw a document move while paging by number, so the next poll starts again there.
	 */
	handle(
		state: ConsumerState,
		versions: Version[],
		prime: boolean,
		holdAtMs?: number,
	): { state: ConsumerState; emit: Emission[] };
}

function capped<T>(values: T[]): T[] {
	return values.length > MEMORY_CAP ? values.slice(values.length - MEMORY_CAP) : values;
}

/** The versions this consumer has not handled yet (others sharing the read may be further back). */
function unseen(state: ConsumerState, versions: Version[]): Version[] {
	const since = Date.parse(state.since);
	const seen = new Set(state.seen);
	return versions.filter((version) => version.ms >= since && !seen.has(version.key));
}

/** "New or updated <documents>": every new version; `change` says whether the id was known. */
export function changesConsumer(type: DocumentType, newOnly: boolean, filters: Filters): Consumer {
	return {
		key: `changes:${type}`,
		type,
		handle(state, versions, prime, holdAtMs) {
			const known = new Set(state.known ?? []);
			const order = [...(state.known ?? [])];
			const emit: Emission[] = [];
			const fresh = unseen(state, versions);
			for (const version of fresh) {
				const id = shortId(version.id);
				const change = known.has(id) ? 'updated' : 'created';
				if (change === 'created') {
					known.add(id);
					order.push(id);
				}
				if (prime || (newOnly && change === 'updated')) continue;
				if (passesFilters(type, version.document, filters)) emit.push({ version, change });
			}
			const next = advanceCursor(state, versions.filter((v) => v.type === type), holdAtMs);
			return { state: { ...next, known: capped(order) }, emit };
		},
	};
}

/** "Document entered a status": once per document and status. */
export function statusConsumer(type: DocumentType, statuses: string[], filters: Filters): Consumer {
	const wanted = new Set(statuses);
	return {
		key: `status:${type}:${[...wanted].sort().join(',')}`,
		type,
		handle(state, versions, prime, holdAtMs) {
			const entered: Record<string, string> = { ...(state.entered ?? {}) };
			const emit: Emission[] = [];
			for (const version of unseen(state, versions)) {
				const status = statusOf(type, version.document);
				if (!status || !wanted.has(status)) continue;
				const id = shortId(version.id);
				const previous = entered[id];
				const done = previous ? previous.split(',') : [];
				if (done.includes(status)) continue;
				// Re-inserted so that the least recently active documents are forgotten first.
				delete entered[id];
				entered[id] = [...done, status].join(',');
				if (!prime && passesFilters(type, version.document, { ...filters, statuses: new Set() })) {
					emit.push({ version, change: previous ? 'updated' : 'created', status });
				}
			}
			const ids = Object.keys(entered);
			for (const id of ids.slice(0, Math.max(0, ids.length - MEMORY_CAP))) delete entered[id];
			const next = advanceCursor(state, versions.filter((v) => v.type === type), holdAtMs);
			return { state: { ...next, entered }, emit };
		},
	};
}

export function freshState(sinceMs: number): ConsumerState {
	return newCursor(sinceMs);
}
