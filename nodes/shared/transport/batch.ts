import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import type { XeroContext } from './context';
import { validationMessages } from './errors';
import { idempotencyKey } from './idempotency';
import { xeroRequest } from './request';

/** Xero recommends at most 50 documents per create or update call. */
export const BATCH_SIZE = 50;

export type BatchResult =
	| { ok: true; document: IDataObject }
	/** `error`: the call failed as a whole, or was not made after one that did (see `onFailedCall`). */
	| { ok: false; messages: string[]; document?: IDataObject; error?: Error };

export interface XeroBatchOptions {
	/** PUT creates; POST creates or updates. */
	method: Extract<IHttpRequestMethods, 'PUT' | 'POST'>;
	path: string;
	property: string;
	documents: IDataObject[];
	qs?: IDataObject;
	batchSize?: number;
	/**
	 * When a call fails as a whole (rate limit, lost connection, 400 for the batch): `throw` (the
	 * default) loses the results of the batches already saved; `continue` gives its documents a
	 * failed result and sends the next batches; `stop` gives the failed result to its documents and
	 * to those not sent, and returns the results so far.
	 */
	onFailedCall?: 'throw' | 'continue' | 'stop';
}

/**
 * Sends many documents in Xero's batches with summarizeErrors=false, so one invalid document
 * does not sink the others, and returns one result per input document, in input order.
 */
export async function xeroBatchWrite(
	this: XeroContext,
	tenantId: string,
	options: XeroBatchOptions,
): Promise<BatchResult[]> {
	const { method, path, property, documents } = options;
	const size = options.batchSize ?? BATCH_SIZE;
	const results: BatchResult[] = [];
	for (let start = 0; start < documents.length; start += size) {
		const batch = documents.slice(start, start + size);
		const request = xeroRequest.call(this, tenantId, {
			method,
			path,
			qs: { ...options.qs, summarizeErrors: false },
			body: { [property]: batch },
			idempotencyKey: idempotencyKey(this, method, path, start, batch),
		});
		const outcome: { body: IDataObject } | { error: Error } =
			(options.onFailedCall ?? 'throw') === 'throw'
				? { body: await request }
				: await request.then(
						(body) => ({ body }),
						(error: Error) => ({ error }),
					);
		if ('error' in outcome) {
			const failed = options.onFailedCall === 'stop' ? documents.slice(start) : batch;
			failed.forEach(() => results.push({ ok: false, messages: [outcome.error.message], error: outcome.error }));
			if (options.onFailedCall === 'stop') break;
			continue;
		}
		const answered = (outcome.body[property] as IDataObject[] | undefined) ?? [];
		batch.forEach((_, i) => results.push(resultOf(answered[i])));
	}
	return results;
}

function resultOf(element: IDataObject | undefined): BatchResult {
	if (!element) return { ok: false, messages: ['Xero returned no result for this document'] };
	const messages = validationMessages(element);
	if (element.HasErrors === true || element.StatusAttributeString === 'ERROR' || messages.length > 0) {
		return { ok: false, messages: messages.length ? messages : ['Xero rejected this document'], document: element };
	}
	return { ok: true, document: element };
}
