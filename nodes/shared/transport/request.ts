import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions, INode } from 'n8n-workflow';
import { ApplicationError, BaseError, NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { apiUrlOf, credentialTypeOf, type XeroContext } from './context';
import { normalizeDates } from './dates';
import { failureFromError, RETRYABLE_NETWORK, toNodeError, type XeroFailure } from './errors';
import { idempotencyKey } from './idempotency';
import { gateFor } from './rateLimit';

export interface XeroRequestOptions {
	method?: IHttpRequestMethods;
	/** Path under the Accounting API (`/Invoices`), or under the API host when `api` is `root` (`/connections`). */
	path: string;
	api?: 'accounting' | 'root';
	qs?: IDataObject;
	body?: IDataObject | Buffer;
	headers?: IDataObject;
	/** Only documents created or changed after this instant (ISO 8601). */
	ifModifiedSince?: string;
	/**
	 * Makes a write safe to retry: Xero answers a repeated key with the first result. Writes get
	 * one derived from the execution, node, item and content when none is given.
	 */
	idempotencyKey?: string;
	/** Ask for a file (a PDF) instead of JSON; the result is then a Buffer. */
	accept?: string;
	/** Index of the input item this call serves, for error messages. */
	itemIndex?: number;
}

export interface XeroResponse {
	/** Parsed JSON with ISO dates, or a Buffer when `accept` asked for a file. */
	body: IDataObject | IDataObject[] | Buffer;
	headers: IDataObject;
	statusCode: number;
}

const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);
const MAX_ATTEMPTS = 5;
/** Longest single Retry-After we wait for; past it the call fails with Xero's reset time. */
const MAX_RETRY_AFTER_SECONDS = 60;
/** Total time one call may spend waiting on rate limits before it gives up. */
const MAX_TOTAL_WAIT_MS = 5 * 60 * 1000;
const TIMEOUT_MS = 120 * 1000;

function header(headers: IDataObject, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	return value === undefined || value === null ? undefined : String(value);
}

function backoffMs(attempt: number): number {
	return Math.min(8000, 250 * 2 ** attempt) + Math.floor(Math.random() * 250);
}

/**
 * One call to Xero, with the tenant header, Xero's rate limits, retries and clear errors.
 * Options are built fresh for every attempt: nothing shared is mutated between calls or pages.
 */
export async function xeroRequestFull(
	this: XeroContext,
	tenantId: string | undefined,
	options: XeroRequestOptions,
): Promise<XeroResponse> {
	const node = this.getNode();
	const method = options.method ?? 'GET';
	const base = await apiUrlOf(this);
	const url = options.api === 'root' ? `${base}${options.path}` : `${base}/api.xro/2.0${options.path}`;
	const failureContext = { method, path: options.path, url, tenantId, itemIndex: options.itemIndex };
	const gate = gateFor(tenantId);
	const key =
		options.idempotencyKey ??
		(method === 'GET' || method === 'DELETE'
			? undefined
			: idempotencyKey(this, method, options.path, options.itemIndex, options.body));
	let waitedMs = 0;

	for (let attempt = 1; ; attempt++) {
		const request: IHttpRequestOptions = {
			method,
			url,
			qs: options.qs,
			body: options.body,
			headers: {
				Accept: options.accept ?? 'application/json',
				...(tenantId ? { 'xero-tenant-id': tenantId } : {}),
				...(options.ifModifiedSince ? { 'If-Modified-Since': options.ifModifiedSince } : {}),
				...(key ? { 'Idempotency-Key': key } : {}),
				...options.headers,
			},
			json: !options.accept && !Buffer.isBuffer(options.body),
			encoding: options.accept ? 'arraybuffer' : undefined,
			returnFullResponse: true,
			// 401 must still throw: that is what makes n8n refresh the OAuth2 token and retry.
			ignoreHttpStatusErrors: { ignore: true, except: [401] },
			timeout: TIMEOUT_MS,
		};

		let failure: XeroFailure;
		const ticket = await gate.acquire();
		try {
			const response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				credentialTypeOf(node),
				request,
			)) as { body: unknown; headers: IDataObject; statusCode: number };
			gate.observe(ticket, Number(header(response.headers, 'X-MinLimit-Remaining') ?? NaN), response.statusCode < 300);
			if (response.statusCode < 400) {
				const body = options.accept ? Buffer.from(response.body as ArrayBuffer) : normalizeDates(response.body);
				return { body: body as XeroResponse['body'], headers: response.headers, statusCode: response.statusCode };
			}
			failure = { status: response.statusCode, headers: response.headers, body: response.body, unanswered: false, message: '' };
		} catch (error) {
			failure = failureFromError(error);
			// Neither Xero's answer nor a failure to reach it: an error of n8n's (a refresh refused...).
			if (failure.status === undefined && !failure.unanswered) throw asNodeError(node, error as Error, options.itemIndex);
		} finally {
			gate.release();
		}

		if (failure.status === 429) {
			const retryAfter = Number(header(failure.headers, 'Retry-After') ?? 1);
			const problem = header(failure.headers, 'X-Rate-Limit-Problem');
			if (problem === 'concurrent') gate.refusedForConcurrency(ticket);
			if (problem === 'day' || retryAfter > MAX_RETRY_AFTER_SECONDS || waitedMs + retryAfter * 1000 > MAX_TOTAL_WAIT_MS) {
				throw rateLimitError(this, failure, retryAfter, problem, options.itemIndex);
			}
			waitedMs += retryAfter * 1000;
			// Spread out: every call refused in the same second would otherwise come back at once.
			await sleep(retryAfter * 1000 + Math.floor(Math.random() * 500));
			attempt--; // waiting out a rate limit is not a failed attempt
			continue;
		}
		const retryable =
			failure.status !== undefined
				? RETRYABLE_STATUS.has(failure.status)
				: RETRYABLE_NETWORK.has(failure.networkCode ?? '');
		if (retryable && attempt < MAX_ATTEMPTS) {
			await sleep(backoffMs(attempt));
			continue;
		}
		throw toNodeError(node, failure, failureContext);
	}
}

function asNodeError(node: INode, error: Error, itemIndex: number | undefined): Error {
	// n8n's own errors (a refresh refused, a cancelled execution) pass through unchanged.
	if (error instanceof BaseError || error instanceof ApplicationError) return error;
	// Others keep only their message: an HTTP client's error may hold the request it sent,
	// Authorization header included, and would carry it into error reports.
	return new NodeOperationError(node, error.message || String(error), { itemIndex });
}

function rateLimitError(
	context: XeroContext,
	failure: XeroFailure,
	retryAfterSeconds: number,
	problem: string | undefined,
	itemIndex: number | undefined,
): NodeApiError {
	const resetsAt = new Date(Date.now() + retryAfterSeconds * 1000).toISOString();
	const limit = problem === 'day' ? "Xero's daily limit of API calls for this organisation" : "Xero's rate limit";
	return new NodeApiError(context.getNode(), (failure.body ?? {}) as IDataObject as never, {
		message: `${limit} is used up; it resets in ${Math.ceil(retryAfterSeconds / 60)} minute(s), at ${resetsAt}`,
		description: 'Run the workflow again after that time, or spread the work over more runs.',
		httpCode: '429',
		itemIndex,
	});
}

/** The JSON body of a Xero call (see xeroRequestFull). */
export async function xeroRequest(
	this: XeroContext,
	tenantId: string | undefined,
	options: XeroRequestOptions,
): Promise<IDataObject> {
	return (await xeroRequestFull.call(this, tenantId, options)).body as IDataObject;
}
