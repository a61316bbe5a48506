import type { IWorkflowExecuteAdditionalData } from 'n8n-workflow';

// express types are not installed; n8n-workflow's Request type resolves through this.
type Request = NonNullable<IWorkflowExecuteAdditionalData['httpRequest']>;

export interface WebhookRequest {
	method?: string;
	headers?: Record<string, string>;
	/** The bytes n8n keeps as req.rawBody; default: JSON of `body`. */
	rawBody?: Buffer;
	/** Default: rawBody parsed as n8n does for JSON, form and text content types, else {}. */
	body?: unknown;
	query?: Record<string, string>;
	params?: Record<string, string>;
}

// The body n8n's body parser would give the request.
function parseBody(rawBody: Buffer, contentType: string | undefined): unknown {
	if (!rawBody.length) return {};
	const text = rawBody.toString('utf8');
	if (contentType === 'application/json') return JSON.parse(text);
	if (contentType === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
	if (contentType === 'text/plain') return text;
	return {};
}

export function fakeRequest(request: WebhookRequest): Request {
	const headers = Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
	const rawBody = request.rawBody ?? Buffer.from(request.body === undefined ? '' : JSON.stringify(request.body));
	const contentType = headers['content-type']?.split(';')[0].trim();
	const header = (name: string) => headers[name.toLowerCase()];
	return {
		method: request.method ?? 'POST',
		headers,
		rawBody,
		contentType,
		body: request.body ?? parseBody(rawBody, contentType),
		query: request.query ?? {},
		params: request.params ?? {},
		header,
		get: header,
	} as unknown as Request;
}

/** Captures what a node writes to the express response. */
export class FakeResponse {
	statusCode = 200;
	headers: Record<string, string> = {};
	body: unknown;
	headersSent = false;

	status(code: number) {
		this.statusCode = code;
		return this;
	}

	setHeader(name: string, value: string) {
		this.headers[name.toLowerCase()] = String(value);
		return this;
	}

	header(name: string, value: string) {
		return this.setHeader(name, value);
	}

	set(name: string, value: string) {
		return this.setHeader(name, value);
	}

	getHeader(name: string) {
		return this.headers[name.toLowerCase()];
	}

	writeHead(code: number, headers: Record<string, string> = {}) {
		this.statusCode = code;
		for (const [name, value] of Object.entries(headers)) this.setHeader(name, value);
		return this;
	}

	json(body: unknown) {
		this.headers['content-type'] ??= 'application/json';
		return this.send(body);
	}

	send(body?: unknown) {
		this.body = body;
		return this.end();
	}

	sendStatus(code: number) {
		return this.status(code).end();
	}

	end(chunk?: unknown) {
		if (chunk !== undefined && this.body === undefined) this.body = chunk;
		this.headersSent = true;
		return this;
	}
}
