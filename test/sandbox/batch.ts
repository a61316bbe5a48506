import { randomUUID } from 'crypto';
import { XeroValidationError, type Engine } from './engine';
import type { Json } from './types';

// Batch writes: a body holds one object or `{ "<Collection>": [ ... ] }`. With
// summarizeErrors absent/true one invalid element fails the request with 400; with
// summarizeErrors=false the valid elements are written and the invalid ones come back
// with ValidationErrors, HasErrors and StatusAttributeString ERROR.

export const EMPTY_ID = '00000000-0000-0000-0000-000000000000';

export interface Draft<T> {
	doc: T;
	/** Stores the document (stamps UpdatedDateUTC, fires webhooks). */
	commit(): void;
}

export interface Built<T> {
	draft?: Draft<T>;
	errors: string[];
	/** What Xero echoes for a failed element. */
	echo: Json;
}

export function envelope(engine: Engine, body: Json): Json {
	return { Id: randomUUID(), Status: 'OK', ProviderName: 'Xero Sandbox', DateTimeUTC: `/Date(${engine.now()})/`, ...body };
}

export function elementsOf(body: unknown, key: string): Json[] {
	if (!body || typeof body !== 'object') throw new XeroValidationError('The request body is empty', [], 17, 'PostDataInvalidException');
	const record = body as Json;
	if (key in record) {
		const list = record[key];
		if (!Array.isArray(list)) throw new XeroValidationError(`${key} must be an array`, [], 14, 'PostDataInvalidException');
		return list.map((e) => (e && typeof e === 'object' ? (e as Json) : {}));
	}
	return [record];
}

export function withErrors(echo: Json, errors: string[], flag: 'HasErrors' | 'HasValidationErrors' | 'none'): Json {
	const out: Json = { ...echo };
	if (flag !== 'none') out[flag] = true;
	out.StatusAttributeString = 'ERROR';
	out.ValidationErrors = errors.map((Message) => ({ Message }));
	return out;
}

export interface BatchOptions<T> {
	key: string;
	elements: Json[];
	summarizeErrors: boolean;
	build: (element: Json) => Built<T>;
	present: (doc: T) => Json;
	errorFlag: 'HasErrors' | 'HasValidationErrors' | 'none';
}

export function runBatch<T>(engine: Engine, options: BatchOptions<T>): Json {
	const { elements, build, present } = options;
	if (options.summarizeErrors) {
		// Check everything first: one bad element means nothing is written.
		const failed: Json[] = [];
		for (const element of elements) {
			const result = build(element);
			if (result.errors.length) failed.push(withErrors(result.echo, result.errors, options.errorFlag));
		}
		if (failed.length) throw new XeroValidationError('A validation exception occurred', failed);
	}
	const out: Json[] = [];
	for (const element of elements) {
		const result = build(element);
		if (result.errors.length || !result.draft) {
			out.push(withErrors(result.echo, result.errors, options.errorFlag));
			continue;
		}
		result.draft.commit();
		out.push({ ...present(result.draft.doc), StatusAttributeString: 'OK' });
	}
	return envelope(engine, { [options.key]: out });
}
