import { createServer, type IncomingMessage, type Server } from 'http';
import type { AddressInfo } from 'net';
import type { XeroSandbox } from './index';

// Small HTTP helpers for the sandbox's own tests (real requests through fetch).

// Tests read response bodies loosely, as JSON.parse gives them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export interface Answer<T = Loose> {
	status: number;
	headers: Headers;
	body: T;
	text: string;
}

export interface ApiClient {
	token: string;
	tenantId: string;
	call<T = Loose>(method: string, path: string, options?: { body?: unknown; headers?: Record<string, string>; raw?: Buffer | string }): Promise<Answer<T>>;
	get<T = Loose>(path: string, headers?: Record<string, string>): Promise<Answer<T>>;
	put<T = Loose>(path: string, body: unknown, headers?: Record<string, string>): Promise<Answer<T>>;
	post<T = Loose>(path: string, body: unknown, headers?: Record<string, string>): Promise<Answer<T>>;
}

export async function request(url: string, init: RequestInit = {}): Promise<Answer> {
	const response = await fetch(url, { redirect: 'manual', ...init });
	const text = await response.text();
	let body: unknown = text;
	if ((response.headers.get('content-type') ?? '').includes('json') && text) body = JSON.parse(text);
	return { status: response.status, headers: response.headers, body, text };
}

/** A client for the Accounting API with a fresh access token, for the first organisation by default. */
export function apiClient(sandbox: XeroSandbox, tenantIndex = 0, token = sandbox.issueTokens().access_token): ApiClient {
	const tenantId = sandbox.tenants[tenantIndex].tenantId;
	const call: ApiClient['call'] = async (method, path, options = {}) => {
		const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'xero-tenant-id': tenantId, accept: 'application/json', ...(options.headers ?? {}) };
		let body: string | Buffer | undefined;
		if (options.raw !== undefined) body = options.raw;
		else if (options.body !== undefined) {
			body = JSON.stringify(options.body);
			headers['content-type'] ??= 'application/json';
		}
		return request(`${sandbox.url}/api.xro/2.0${path}`, { method, headers, body });
	};
	return {
		token,
		tenantId,
		call,
		get: (path, headers) => call('GET', path, { headers }),
		put: (path, body, headers) => call('PUT', path, { body, headers }),
		post: (path, body, headers) => call('POST', path, { body, headers }),
	};
}

export function form(values: Record<string, string>): URLSearchParams {
	return new URLSearchParams(values);
}

export interface Receiver {
	url: string;
	requests: { headers: IncomingMessage['headers']; body: string }[];
	close(): Promise<void>;
}

/** A local HTTP receiver whose answer the test decides. */
export async function startReceiver(answer: (body: string, headers: IncomingMessage['headers']) => { status: number; body?: string }): Promise<Receiver> {
	const requests: Receiver['requests'] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			requests.push({ headers: req.headers, body });
			const reply = answer(body, req.headers);
			res.writeHead(reply.status);
			res.end(reply.body ?? '');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook`,
		requests,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

export async function waitFor(check: () => boolean, timeoutMs = 3000): Promise<void> {
	const start = Date.now();
	while (!check()) {
		if (Date.now() - start > timeoutMs) throw new Error('Timed out waiting for a condition');
		await new Promise((r) => setTimeout(r, 10));
	}
}
