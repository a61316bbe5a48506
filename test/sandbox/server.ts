import { randomUUID } from 'crypto';
import type { IncomingMessage, ServerResponse } from 'http';
import type { Operation } from 'openapi-backend';
import { HANDLERS, type ApiContext, type ApiReply } from './api';
import { acceptedScopes, problem, type AuthServer } from './auth';
import { XeroNotFound, XeroValidationError, type Engine } from './engine';
import type { FaultAction, Faults } from './faults';
import { IdempotencyCache, MAX_KEY_LENGTH, type StoredResponse } from './idempotency';
import type { Query } from './listing';
import type { RateLimiter } from './rate-limit';
import type { SpecValidator, ValidationIssue } from './spec-validator';
import type { OrganisationData } from './store';
import type { Json } from './types';

// The request pipeline: faults → auth → tenant → scopes → rate limit → spec validation →
// idempotency → handler → response validation, with every step logged.

export interface RequestLogEntry {
	method: string;
	path: string;
	query: Query;
	tenantId?: string;
	operationId?: string;
	status: number;
	idempotencyKey?: string;
	ifModifiedSince?: string;
	/** Fault kind applied to this request, if any. */
	fault?: FaultAction['kind'];
	/** Answered from the idempotency cache without acting. */
	replayed?: boolean;
	started: number;
	ended: number;
	/** Requests in flight for this tenant when this one started (itself included). */
	inFlight: number;
}

export interface SpecViolation {
	method: string;
	path: string;
	operationId?: string;
	direction: 'request' | 'response';
	status?: number;
	errors: ValidationIssue[];
}

export interface ServerDeps {
	engine: Engine;
	auth: AuthServer;
	faults: Faults;
	rateLimit: RateLimiter;
	validator: SpecValidator;
	validateResponses: () => boolean;
	orgs: () => OrganisationData[];
	onlineInvoices: ApiContext['onlineInvoices'];
	control: (req: IncomingMessage, url: URL, body: Buffer) => Promise<{ status: number; body: unknown }>;
}

const API_ROOT = '/api.xro/2.0';
const NOT_FOUND = "The resource you're looking for cannot be found";

interface Reply {
	status: number;
	headers: Record<string, string>;
	body: Buffer;
}

function jsonReply(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
	return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: Buffer.from(JSON.stringify(body)) };
}

function textReply(status: number, text: string, headers: Record<string, string> = {}): Reply {
	return { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body: Buffer.from(text) };
}

function xeroError(error: XeroValidationError): unknown {
	const body: Json = { ErrorNumber: error.errorNumber, Type: error.type, Message: error.message };
	if (error.elements.length) body.Elements = error.elements;
	return body;
}

function parseQuery(url: URL): Query {
	const query: Query = {};
	for (const [k, v] of url.searchParams) {
		const prev = query[k];
		query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
	}
	return query;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

export class SandboxServer {
	readonly log: RequestLogEntry[] = [];
	readonly specViolations: SpecViolation[] = [];
	readonly idempotency = new IdempotencyCache();
	private readonly inFlight = new Map<string, number>();
	private readonly peak = new Map<string, number>();

	constructor(private readonly deps: ServerDeps) {}

	clearLog(): void {
		this.log.length = 0;
		this.peak.clear();
	}

	/** Highest number of concurrent requests seen for a tenant (or any tenant). */
	maxInFlight(tenantId?: string): number {
		if (tenantId !== undefined) return this.peak.get(tenantId) ?? 0;
		return Math.max(0, ...this.peak.values());
	}

	async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://sandbox');
		const body = await readBody(req);
		if (url.pathname.startsWith('/__sandbox/')) {
			const result = await this.deps.control(req, url, body);
			this.send(res, result.status === 204 ? { status: 204, headers: {}, body: Buffer.alloc(0) } : jsonReply(result.status, result.body));
			return;
		}
		const method = (req.method ?? 'GET').toUpperCase();
		const tenantHeader = header(req, 'xero-tenant-id');
		const key = tenantHeader ?? '';
		const current = (this.inFlight.get(key) ?? 0) + 1;
		this.inFlight.set(key, current);
		this.peak.set(key, Math.max(this.peak.get(key) ?? 0, current));
		const entry: RequestLogEntry = {
			method,
			path: url.pathname,
			query: parseQuery(url),
			tenantId: tenantHeader,
			status: 0,
			idempotencyKey: header(req, 'idempotency-key'),
			ifModifiedSince: header(req, 'if-modified-since'),
			started: Date.now(),
			ended: 0,
			inFlight: current,
		};
		this.log.push(entry);
		let finished = false;
		const finish = (status: number) => {
			if (finished) return;
			finished = true;
			entry.status = status;
			entry.ended = Date.now();
			this.inFlight.set(key, (this.inFlight.get(key) ?? 1) - 1);
		};
		res.on('close', () => finish(entry.status || 0));
		try {
			const fault = this.deps.faults.take(method, url.pathname, tenantHeader);
			if (fault) entry.fault = fault.kind;
			if (fault?.kind === 'reset') {
				finish(0);
				req.socket.destroy();
				return;
			}
			if (fault?.kind === 'status') {
				const reply = faultReply(fault);
				finish(reply.status);
				this.send(res, reply);
				return;
			}
			const outcome = await this.route(req, url, method, body, entry);
			if (fault?.kind === 'lose-response') {
				// The work is done; the client never hears about it.
				finish(0);
				outcome.release?.();
				req.socket.destroy();
				return;
			}
			if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
			finish(outcome.reply.status);
			this.send(res, outcome.reply);
			outcome.release?.();
		} catch (error) {
			finish(500);
			this.send(res, jsonReply(500, { Title: 'An error occurred', Detail: (error as Error).message, Status: 500 }));
		}
	}

	private send(res: ServerResponse, reply: Reply): void {
		if (res.destroyed) return;
		res.writeHead(reply.status, { 'xero-correlation-id': randomUUID(), ...reply.headers, 'content-length': String(reply.body.length) });
		res.end(reply.body);
	}

	private async route(req: IncomingMessage, url: URL, method: string, body: Buffer, entry: RequestLogEntry): Promise<{ reply: Reply; release?: () => void }> {
		const path = url.pathname;
		const lower = path.toLowerCase();
		const { auth } = this.deps;
		if (lower === '/connect/token' && method === 'POST') {
			const result = auth.token(new URLSearchParams(body.toString('utf8')), header(req, 'authorization'));
			return { reply: jsonReply(result.status, result.body, { 'cache-control': 'no-store', pragma: 'no-cache' }) };
		}
		if (lower === '/identity/connect/authorize' && method === 'GET') {
			const result = auth.authorize(url.searchParams);
			return { reply: textReply(result.status, String(result.body), result.headers) };
		}
		if (lower === '/connections' || lower.startsWith('/connections/')) return { reply: this.connections(req, url, method) };
		if (lower.startsWith('/in/')) return { reply: this.onlineInvoicePage(path.slice(4)) };
		if (path.startsWith(`${API_ROOT}/`)) return this.api(req, url, method, body, entry);
		return { reply: textReply(404, NOT_FOUND) };
	}

	private connections(req: IncomingMessage, url: URL, method: string): Reply {
		const authResult = this.deps.auth.authenticate(header(req, 'authorization'));
		if ('reply' in authResult) return jsonReply(authResult.reply.status, authResult.reply.body, authResult.reply.headers);
		const id = url.pathname.split('/')[2];
		if (method === 'DELETE' && id) {
			return this.deps.auth.disconnect(id) ? { status: 204, headers: {}, body: Buffer.alloc(0) } : textReply(404, NOT_FOUND);
		}
		if (method !== 'GET' || id) return textReply(404, NOT_FOUND);
		return jsonReply(200, this.deps.auth.listConnections(authResult.record, url.searchParams.get('authEventId')));
	}

	private onlineInvoicePage(code: string): Reply {
		const link = this.deps.onlineInvoices.get(code);
		const org = link && this.deps.orgs().find((o) => o.tenantId === link.tenantId);
		const invoice = link && org?.Invoices.get(link.invoiceId);
		if (!invoice || !org) return textReply(404, NOT_FOUND);
		const html = `<!doctype html><title>${invoice.InvoiceNumber}</title><h1>${org.tenantName}</h1><p>Invoice ${invoice.InvoiceNumber}: ${invoice.CurrencyCode} ${invoice.AmountDue.toFixed(2)} due</p>`;
		return textReply(200, html);
	}

	private async api(req: IncomingMessage, url: URL, method: string, raw: Buffer, entry: RequestLogEntry): Promise<{ reply: Reply; release?: () => void }> {
		const { auth, validator, rateLimit, engine } = this.deps;
		const authResult = auth.authenticate(header(req, 'authorization'));
		if ('reply' in authResult) return { reply: jsonReply(authResult.reply.status, authResult.reply.body, authResult.reply.headers) };
		const token = authResult.record;
		const path = url.pathname;
		const query = entry.query;

		const op = this.matchOperation(method, path);
		let tenantId = entry.tenantId;
		if (!tenantId && token.custom) tenantId = token.tenantIds[0];
		if (!tenantId) {
			this.violation({ method, path, operationId: op?.operationId, direction: 'request', errors: [{ path: '/header/xero-tenant-id', message: "must have required property 'xero-tenant-id'" }] });
			return { reply: jsonReply(403, problem(403, 'Forbidden', 'AuthenticationUnsuccessful')) };
		}
		const org = engine.org(tenantId);
		if (!org || !auth.canReach(token, org.tenantId)) return { reply: jsonReply(403, problem(403, 'Forbidden', 'AuthenticationUnsuccessful')) };
		entry.tenantId = org.tenantId;
		if (!op?.operationId) return { reply: textReply(404, NOT_FOUND) };
		entry.operationId = op.operationId;

		const specScopes = (op.security ?? []).flatMap((s) => (s as Record<string, string[]>).OAuth2 ?? []);
		const accepted = acceptedScopes(specScopes, path.slice(API_ROOT.length), method);
		if (accepted.length && !accepted.some((s) => token.scopes.includes(s))) {
			return { reply: jsonReply(401, problem(401, 'Unauthorized', 'AuthorizationUnsuccessful')) };
		}

		const admission = rateLimit.admit(org.tenantId);
		if (!admission.ok) {
			const headers: Record<string, string> = { ...admission.headers, 'x-rate-limit-problem': admission.problem };
			if (admission.retryAfter !== undefined) headers['retry-after'] = String(admission.retryAfter);
			return { reply: textReply(429, '', headers) };
		}
		const limitHeaders = admission.headers;
		const withLimits = (reply: Reply): { reply: Reply; release: () => void } => ({ reply: { ...reply, headers: { ...limitHeaders, ...reply.headers } }, release: admission.release });

		// Request validation against the spec.
		const contentType = (header(req, 'content-type') ?? '').toLowerCase();
		let body: unknown;
		if (raw.length && (contentType.includes('json') || (!contentType && method !== 'GET' && raw[0] === 0x7b))) {
			try {
				body = JSON.parse(raw.toString('utf8'));
			} catch {
				this.violation({ method, path, operationId: op.operationId, direction: 'request', errors: [{ path: '/requestBody', message: 'invalid JSON' }] });
				return withLimits(jsonReply(400, { ErrorNumber: 14, Type: 'PostDataInvalidException', Message: 'Invalid Json data' }));
			}
		}
		const headersForSpec: Record<string, string | string[] | undefined> = { ...req.headers, 'xero-tenant-id': org.tenantId };
		const requestIssues = validator.validateRequest({ method, path, headers: headersForSpec, query, body }, op);
		if (requestIssues.length) {
			this.violation({ method, path, operationId: op.operationId, direction: 'request', errors: requestIssues });
			return withLimits(jsonReply(400, requestError(requestIssues)));
		}

		// Idempotency: the first answer is replayed for the same key and request.
		const key = entry.idempotencyKey;
		let store: ((r: StoredResponse) => void) | undefined;
		let abandon: (() => void) | undefined;
		if (key && method !== 'GET') {
			if (key.length > MAX_KEY_LENGTH) return withLimits(jsonReply(400, { ErrorNumber: 10, Type: 'ValidationException', Message: 'Idempotency-Key must be 128 characters or fewer' }));
			const found = this.idempotency.lookup(org.tenantId, key, method, `${path}?${url.searchParams}`, raw, Date.now());
			if (found.kind === 'replay') {
				entry.replayed = true;
				return withLimits({ status: found.response.status, headers: found.response.headers, body: found.response.body });
			}
			if (found.kind === 'conflict') {
				return withLimits(jsonReply(400, { ErrorNumber: 10, Type: 'ValidationException', Message: `Idempotency Key ${key} is used with a different request` }));
			}
			if (found.kind === 'in-progress') {
				return withLimits(jsonReply(409, { ErrorNumber: 10, Type: 'ValidationException', Message: `A request with Idempotency Key ${key} is still being processed` }));
			}
			store = found.store;
			abandon = found.abandon;
		}

		let reply: Reply;
		try {
			reply = this.invoke(op, { req, path, query, body, raw, org });
		} catch (error) {
			abandon?.();
			throw error;
		}
		if (reply.status < 500) store?.({ status: reply.status, headers: reply.headers, body: reply.body });
		else abandon?.();
		return withLimits(reply);
	}

	private matchOperation(method: string, path: string): Operation | undefined {
		const op = this.deps.validator.match(method, path);
		const id = op?.operationId ?? '';
		// Some spec paths share a shape (/Contacts/{ContactID} and /{ContactNumber}, purchase
		// orders likewise, attachments by id or file name); pick by whether it is a GUID.
		const pairs: [string, string][] = [
			['getContact', 'getContactByContactNumber'],
			['getPurchaseOrder', 'getPurchaseOrderByNumber'],
		];
		const attachment = /^get(\w+)Attachment(ById|ByFileName)$/.exec(id);
		if (attachment) pairs.push([`get${attachment[1]}AttachmentById`, `get${attachment[1]}AttachmentByFileName`]);
		const pair = pairs.find((p) => p.includes(id));
		if (!pair) return op;
		const last = decodeURIComponent(path.split('/').pop() ?? '');
		const isGuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(last);
		return this.deps.validator.operation(isGuid ? pair[0] : pair[1]) ?? op;
	}

	private invoke(op: Operation, input: { req: IncomingMessage; path: string; query: Query; body: unknown; raw: Buffer; org: OrganisationData }): Reply {
		const handler = HANDLERS[op.operationId!];
		if (!handler) return textReply(404, NOT_FOUND);
		const headers: Record<string, string | undefined> = {};
		for (const [k, v] of Object.entries(input.req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
		const ctx: ApiContext = {
			engine: this.deps.engine,
			org: input.org,
			params: decodeParams(this.deps.validator.pathParams(op, input.path)),
			query: input.query,
			headers,
			body: input.body,
			raw: input.raw,
			onlineInvoices: this.deps.onlineInvoices,
		};
		let result: ApiReply;
		try {
			result = handler(ctx);
		} catch (error) {
			if (error instanceof XeroValidationError) {
				const body = xeroError(error);
				this.checkResponse(op, input.path, 400, body);
				return jsonReply(400, body);
			}
			if (error instanceof XeroNotFound) return textReply(404, NOT_FOUND);
			throw error;
		}
		if (result.body === undefined) return { status: result.status, headers: result.headers ?? {}, body: Buffer.alloc(0) };
		if (Buffer.isBuffer(result.body) || typeof result.body === 'string') {
			return { status: result.status, headers: { 'content-type': result.contentType ?? 'application/octet-stream', ...(result.headers ?? {}) }, body: Buffer.from(result.body) };
		}
		this.checkResponse(op, input.path, result.status, result.body);
		return jsonReply(result.status, result.body, result.headers);
	}

	private checkResponse(op: Operation, path: string, status: number, body: unknown): void {
		if (!this.deps.validateResponses()) return;
		// Validate what goes on the wire (Dates are strings, undefined members vanish).
		const wire = JSON.parse(JSON.stringify(body));
		const issues = this.deps.validator.validateResponse(op, status, wire);
		if (issues.length) this.violation({ method: op.method.toUpperCase(), path, operationId: op.operationId, direction: 'response', status, errors: issues });
	}

	private violation(v: SpecViolation): void {
		this.specViolations.push(v);
	}
}

function header(req: IncomingMessage, name: string): string | undefined {
	const v = req.headers[name];
	return Array.isArray(v) ? v[0] : v;
}

function decodeParams(params: Record<string, string>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(params ?? {})) {
		try {
			out[k] = decodeURIComponent(v);
		} catch {
			out[k] = v;
		}
	}
	return out;
}

/** Xero's 400 for a request the spec refuses: bad body data or bad parameters. */
function requestError(issues: ValidationIssue[]): unknown {
	const bodyIssues = issues.filter((i) => i.path.startsWith('/requestBody'));
	if (bodyIssues.length) {
		const detail = bodyIssues.map((i) => `${i.path.replace('/requestBody', '') || '/'} ${i.message}`).join('; ');
		return { ErrorNumber: 14, Type: 'PostDataInvalidException', Message: `JSON for post data was invalid, ${detail}` };
	}
	return {
		ErrorNumber: 10,
		Type: 'ValidationException',
		Message: 'A validation exception occurred',
		Elements: [{ ValidationErrors: issues.map((i) => ({ Message: `${i.path} ${i.message}` })) }],
	};
}

function faultReply(fault: Extract<FaultAction, { kind: 'status' }>): Reply {
	const headers: Record<string, string> = { ...(fault.headers ?? {}) };
	if (fault.status === 429) {
		headers['retry-after'] ??= String(fault.retryAfter ?? 1);
		headers['x-rate-limit-problem'] ??= 'minute';
	} else if (fault.retryAfter !== undefined) {
		headers['retry-after'] = String(fault.retryAfter);
	}
	if (fault.body !== undefined) return jsonReply(fault.status, fault.body, headers);
	if (fault.status === 401) return jsonReply(401, problem(401, 'Unauthorized', 'AuthenticationUnsuccessful'), { 'www-authenticate': 'Bearer error="invalid_token"', ...headers });
	if (fault.status === 429) return textReply(429, '', headers);
	if (fault.status === 400) return jsonReply(400, { ErrorNumber: 10, Type: 'ValidationException', Message: 'A validation exception occurred' }, headers);
	const titles: Record<number, string> = { 500: 'An error occurred', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };
	return jsonReply(fault.status, { Title: titles[fault.status] ?? 'Error', Status: fault.status, Detail: 'Fault injected by the sandbox' }, headers);
}
