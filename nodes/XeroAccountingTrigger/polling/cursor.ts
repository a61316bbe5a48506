/*
 * How the polling trigger finds what changed, without missing or repeating anything.
 *
 * Per organisation and event (document type), static data keeps a cursor: the largest
 * UpdatedDateUTC seen (Xero's clock, never n8n's), the If-Modified-Since of the next poll
 * (`since`: cursor minus a margin, floored to the second) and the `id@UpdatedDateUTC` keys of
 * the versions already handled at or after `since`. Each poll asks Xero for documents modified
 * since `since`, oldest first, and handles only versions whose key is new. So re-reading the
 * margin (Xero compares If-Modified-Since to the second, its servers' clocks differ a little,
 * a change may become visible a moment after a later one) costs nothing, and neither does a
 * poll whose new cursor n8n did not save: the next poll re-reads the same window and skips
 * what it already emitted.
 *
 * Pages are read keyset-style: after a full page the next request starts again at page 1 with
 * If-Modified-Since just before the page's last UpdatedDateUTC, so a document that changes
 * while we page (and moves to the end of Xero's order) cannot shift an unread one onto a page
 * already read. Only when more than a page of documents share the same couple of seconds do we
 * fall back to page numbers; if a document then moves during the read, the next poll starts
 * again at that dense second (nothing is lost; the keys keep repeats out).
 */
import type { IDataObject } from 'n8n-workflow';

import { MAX_PAGE_SIZE, xeroRequest, type XeroContext } from '../../shared/transport';
import { DOCUMENT_TYPES, idOf, type DocumentType } from './documentTypes';

/** How far behind the cursor each poll looks again (see above). */
export const MARGIN_MS = 10_000;
/** Keys kept per cursor; only versions inside the margin are kept, so this is a safety net. */
const SEEN_CAP = 20_000;
/** Pages one endpoint may read in one poll; a larger backlog continues on the next poll. */
export const MAX_PAGES_PER_POLL = 10;

export interface CursorState {
	/** Largest UpdatedDateUTC seen (ISO). */
	cursor?: string;
	/** If-Modified-Since of the next poll (ISO, whole second). */
	since: string;
	/** `id@epochMs` of the versions handled at or after `since`. */
	seen: string[];
}

export interface Version {
	type: DocumentType;
	id: string;
	ms: number;
	key: string;
	document: IDataObject;
}

export function floorSecond(ms: number): number {
	return Math.floor(ms / 1000) * 1000;
}

export function stampOf(document: IDataObject): number {
	const ms = Date.parse(String(document.UpdatedDateUTC ?? ''));
	return Number.isNaN(ms) ? 0 : ms;
}

export function versionOf(type: DocumentType, document: IDataObject): Version {
	const id = idOf(type, document);
	const ms = stampOf(document);
	return { type, id, ms, key: `${id}@${ms}`, document };
}

/** A fresh cursor that starts reading at `sinceMs` (the backfill window's start). */
export function newCursor(sinceMs: number): CursorState {
	return { since: new Date(floorSecond(sinceMs)).toISOString(), seen: [] };
}

/** The cursor after handling `versions` (all read in this poll, whether emitted or not). */
export function advanceCursor(state: CursorState, versions: Version[], holdAtMs?: number): CursorState {
	let cursorMs = state.cursor ? Date.parse(state.cursor) : 0;
	for (const version of versions) cursorMs = Math.max(cursorMs, version.ms);
	const previousSince = Date.parse(state.since);
	let sinceMs = cursorMs ? floorSecond(cursorMs - MARGIN_MS) : previousSince;
	if (holdAtMs !== undefined) sinceMs = Math.min(sinceMs, holdAtMs);
	// Never back before the window already handled: its keys are gone from `seen`.
	sinceMs = Math.max(previousSince, sinceMs);
	const keys = new Set<string>();
	for (const key of state.seen) if (keyMs(key) >= sinceMs) keys.add(key);
	for (const version of versions) if (version.ms >= sinceMs) keys.add(version.key);
	const seen = [...keys];
	return {
		cursor: cursorMs ? new Date(cursorMs).toISOString() : undefined,
		since: new Date(sinceMs).toISOString(),
		seen: seen.length > SEEN_CAP ? seen.slice(seen.length - SEEN_CAP) : seen,
	};
}

function keyMs(key: string): number {
	return Number(key.slice(key.lastIndexOf('@') + 1));
}

export interface ReadResult {
	versions: Version[];
	/** False when the poll budget or the page cap stopped the read; the rest comes next poll. */
	complete: boolean;
	/** Set when a document moved while pages were read by number: the next poll restarts here. */
	holdAtMs?: number;
	calls: number;
}

export interface ReadRequest {
	types: DocumentType[];
	sinceMs: number;
	/** Date.now() value after which no further page is requested. */
	deadline: number;
}

/**
 * Every version of the given types (all on one endpoint) changed since `sinceMs`, oldest first,
 * each version once.
 */
export async function readChanges(this: XeroContext, tenantId: string, request: ReadRequest): Promise<ReadResult> {
	const info = DOCUMENT_TYPES[request.types[0]];
	const qs: IDataObject = { ...info.qs, order: 'UpdatedDateUTC ASC' };
	if (request.types.length === 1 && info.where) qs.where = info.where;
	const classify = (document: IDataObject) =>
		request.types.find((type) => DOCUMENT_TYPES[type].matches?.(document) ?? true);

	const versions: Version[] = [];
	const keys = new Set<string>();
	const stampById = new Map<string, number>();
	let ims = floorSecond(request.sinceMs);
	let page = 1;
	let calls = 0;
	let numberedFrom: number | undefined;
	let moved = false;
	let complete = true;

	for (;;) {
		if (calls > 0 && (calls >= MAX_PAGES_PER_POLL || Date.now() > request.deadline)) {
			complete = false;
			break;
		}
		const body = await xeroRequest.call(this, tenantId, {
			path: info.path,
			qs: info.paged ? { ...qs, page, pageSize: MAX_PAGE_SIZE } : qs,
			ifModifiedSince: new Date(ims).toISOString(),
		});
		calls++;
		const documents = ((body[info.property] as IDataObject[] | undefined) ?? []).filter(
			(document) => typeof document === 'object' && document !== null,
		);
		let sorted = true;
		let lastMs = -Infinity;
		for (const document of documents) {
			const ms = stampOf(document);
			if (ms < lastMs) sorted = false;
			lastMs = Math.max(lastMs, ms);
		}
		const ordered = info.paged ? documents : [...documents].sort((a, b) => stampOf(a) - stampOf(b));
		for (const document of ordered) {
			const type = classify(document);
			if (!type) continue;
			const version = versionOf(type, document);
			if (keys.has(version.key)) continue;
			const earlier = stampById.get(version.id);
			if (earlier !== undefined && earlier !== version.ms && numberedFrom !== undefined) moved = true;
			stampById.set(version.id, version.ms);
			keys.add(version.key);
			versions.push(version);
		}
		if (!info.paged || documents.length < MAX_PAGE_SIZE) break;
		const next = floorSecond(lastMs) - 1000;
		if (sorted && next > ims) {
			ims = next;
			page = 1;
		} else {
			// A full page inside two seconds (or an endpoint that ignored the order): page by number.
			numberedFrom ??= ims;
			page++;
		}
	}
	versions.sort((a, b) => a.ms - b.ms);
	return { versions, complete, holdAtMs: moved ? numberedFrom : undefined, calls };
}
