import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { scopeFor } from './scopes';

/** What came back from Xero, whether n8n threw it (401) or returned it (other statuses). */
export interface XeroFailure {
	status?: number;
	headers: IDataObject;
	body: unknown;
	networkCode?: string;
	/** The request got no answer at all: DNS, refused, reset, timed out, TLS. */
	unanswered: boolean;
	message: string;
	/** Where the failed request went, when known: the token endpoint if a refresh failed. */
	url?: string;
}

/** Connection failures worth another attempt. */
export const RETRYABLE_NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'EAI_AGAIN', 'ERR_BAD_RESPONSE']);

export function failureFromError(error: unknown): XeroFailure {
	const cause = (error as { cause?: unknown }).cause ?? error;
	const response = (cause as { response?: { status?: number; headers?: IDataObject; data?: unknown } })
		.response;
	const networkCode = (cause as { code?: string }).code;
	const url = (cause as { config?: { url?: string } }).config?.url;
	return {
		url,
		status: response?.status,
		headers: response?.headers ?? {},
		body: response?.data,
		networkCode,
		unanswered: !response && ((cause as { isAxiosError?: boolean }).isAxiosError === true || RETRYABLE_NETWORK.has(networkCode ?? '')),
		message: (cause as Error).message ?? String(error),
	};
}

/** Xero's validation messages from a ValidationException body or from one batch element. */
export function validationMessages(body: unknown): string[] {
	if (!body || typeof body !== 'object') return [];
	const record = body as IDataObject;
	const own = ((record.ValidationErrors as IDataObject[] | undefined) ?? []).map((e) => String(e.Message));
	const nested = ((record.Elements as IDataObject[] | undefined) ?? []).flatMap(validationMessages);
	return [...own, ...nested];
}

function xeroMessage(body: unknown): string | undefined {
	if (typeof body === 'string') return body.trim() || undefined;
	if (!body || typeof body !== 'object') return undefined;
	const record = body as IDataObject;
	return (record.Detail ?? record.Message ?? record.Title ?? record.error) as string | undefined;
}

export interface FailureContext {
	method: string;
	path: string;
	/** The URL of the API call, to tell its failures from the token refresh's. */
	url: string;
	tenantId?: string;
	itemIndex?: number;
}

/** Turns a Xero failure into an n8n error that says what happened and what to do. */
export function toNodeError(node: INode, failure: XeroFailure, context: FailureContext): NodeApiError {
	const { status } = failure;
	const validation = validationMessages(failure.body);
	const where = `${context.method} ${context.path}`;
	let message: string;
	let description: string | undefined;

	if (failure.url && failure.url.split('?')[0] !== context.url && status !== undefined && status >= 500) {
		// n8n refreshes the token inside the call: the 5xx came from Xero's sign-in service.
		message = `Xero's sign-in service answered ${status} while refreshing the access token`;
		description = 'Xero identity is unavailable for now: run the workflow again later. The credential is fine; there is no need to reconnect it.';
	} else if (validation.length > 0) {
		message = `Xero rejected the request: ${validation.join('; ')}`;
	} else if (status === 401) {
		message = 'Xero refused the access token: reconnect the Xero credential';
		description =
			'The token could not be refreshed (the connection was revoked in Xero, or it was unused for 60 days). Open the credential and connect it again.';
	} else if (status === 403) {
		const scope = scopeFor(context.method, context.path);
		message = `Xero denied access to ${context.path}: the organisation is not connected to this credential, or the scope "${scope}" is missing`;
		description = `Check the Organisation selected in the node, and that the credential's scopes include ${scope} (reconnect after changing scopes).`;
	} else if (status === 404) {
		message = `Xero found nothing at ${context.path}: check the ID`;
	} else if (status === 429) {
		message = 'Xero rate limit reached';
	} else if (status === undefined) {
		message = `Could not reach Xero (${failure.networkCode ?? failure.message})`;
	} else {
		message = `Xero answered ${status} to ${where}${xeroMessage(failure.body) ? `: ${xeroMessage(failure.body)}` : ''}`;
	}

	return new NodeApiError(node, (failure.body ?? { message: failure.message }) as JsonObject, {
		message,
		description: description ?? xeroMessage(failure.body),
		httpCode: status ? String(status) : undefined,
		itemIndex: context.itemIndex,
	});
}
