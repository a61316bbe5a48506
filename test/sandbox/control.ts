import type { IncomingMessage } from 'http';
import type { FaultAction } from './faults';
import type { XeroSandbox } from './index';
import type { WritableCollection } from './sandbox-store';
import { COLLECTIONS, type CollectionName } from './store';
import type { Json } from './types';

// JSON control API under /__sandbox/ so another process (a real n8n, a benchmark) can
// drive the sandbox. See README.md for the routes.

type Reply = { status: number; body: unknown };

function parse(body: Buffer): Json {
	if (!body.length) return {};
	const value = JSON.parse(body.toString('utf8')) as unknown;
	return value && typeof value === 'object' ? (value as Json) : {};
}

function state(sandbox: XeroSandbox): Json {
	return {
		url: sandbox.url,
		tenants: sandbox.tenants,
		client: sandbox.client,
		customConnection: sandbox.customConnection,
		webhookSigningKey: sandbox.webhooks.signingKey,
		webhookUrl: sandbox.webhooks.subscribedUrl ?? null,
		options: sandbox.options,
		clockOffsetMs: sandbox.clock.offsetMs,
		refreshCount: sandbox.tokens.refreshCount,
		issuedAccessTokens: sandbox.tokens.issuedAccessTokens,
		requests: sandbox.log.length,
		specViolations: sandbox.specViolations.length,
		documents: Object.fromEntries(
			sandbox.store.tenants.map((org) => [
				org.tenantId,
				Object.fromEntries((Object.keys(COLLECTIONS) as CollectionName[]).map((name) => [name, org.collection(name).size])),
			]),
		),
	};
}

function faultRule(input: Json): Parameters<XeroSandbox['faults']['add']>[0] {
	const path = typeof input.pathRegex === 'string' ? new RegExp(input.pathRegex, 'i') : String(input.path ?? '');
	return {
		method: typeof input.method === 'string' ? input.method : undefined,
		path,
		tenantId: typeof input.tenantId === 'string' ? input.tenantId : undefined,
		times: input.times === null || input.times === 'Infinity' ? Infinity : typeof input.times === 'number' ? input.times : 1,
		action: input.action as FaultAction,
	};
}

export async function handleControl(sandbox: XeroSandbox, req: IncomingMessage, url: URL, raw: Buffer): Promise<Reply> {
	const method = (req.method ?? 'GET').toUpperCase();
	const route = url.pathname.replace(/^\/__sandbox\/?/, '').replace(/\/$/, '');
	try {
		const body = parse(raw);
		const is = (m: string, r: string) => method === m && route === r;
		if (is('GET', 'state')) return { status: 200, body: state(sandbox) };
		if (is('POST', 'reset')) {
			sandbox.reset({ seed: body.seed as number | undefined, size: body.size as number | undefined });
			return { status: 200, body: state(sandbox) };
		}
		if (is('GET', 'log')) return { status: 200, body: sandbox.log };
		if (is('DELETE', 'log')) {
			sandbox.clearLog();
			return { status: 204, body: null };
		}
		if (is('GET', 'max-in-flight')) return { status: 200, body: { maxInFlight: sandbox.maxInFlight(url.searchParams.get('tenantId') ?? undefined) } };
		if (is('GET', 'spec-violations')) return { status: 200, body: sandbox.specViolations };
		if (is('POST', 'faults')) {
			const rules = Array.isArray(body.rules) ? (body.rules as Json[]) : [body];
			for (const rule of rules) sandbox.faults.add(faultRule(rule));
			return { status: 201, body: { added: rules.length } };
		}
		if (is('DELETE', 'faults')) {
			sandbox.faults.clear();
			return { status: 204, body: null };
		}
		if (is('POST', 'rate-limit')) {
			sandbox.rateLimit.configure({ enabled: body.enabled !== false, ...(body as object) });
			return { status: 200, body: { ok: true } };
		}
		if (is('GET', 'rate-limit')) {
			return { status: 200, body: sandbox.tenants.map((t) => ({ tenantId: t.tenantId, ...sandbox.rateLimit.counters(t.tenantId) })) };
		}
		if (is('POST', 'tokens/issue')) return { status: 200, body: sandbox.issueTokens({ scope: body.scope as string | undefined }) };
		if (is('POST', 'tokens/expire')) {
			sandbox.tokens.expireAccessTokens();
			return { status: 204, body: null };
		}
		if (is('POST', 'tokens/revoke')) {
			sandbox.tokens.revokeRefreshTokens();
			return { status: 204, body: null };
		}
		if (is('POST', 'clock')) {
			sandbox.clock.offsetMs = Number(body.offsetMs ?? 0);
			return { status: 200, body: { offsetMs: sandbox.clock.offsetMs } };
		}
		if (is('POST', 'webhooks/subscribe')) {
			sandbox.webhooks.subscribe(String(body.url));
			return { status: 200, body: { url: body.url, signingKey: sandbox.webhooks.signingKey } };
		}
		if (is('POST', 'webhooks/unsubscribe')) {
			sandbox.webhooks.unsubscribe();
			return { status: 204, body: null };
		}
		if (is('GET', 'webhooks/deliveries')) return { status: 200, body: sandbox.webhooks.deliveries };
		if (is('POST', 'webhooks/intent-to-receive')) return { status: 200, body: await sandbox.webhooks.intentToReceive(String(body.url)) };
		const doc = /^documents\/([^/]+)\/([A-Za-z]+)(?:\/([^/]+))?$/.exec(route);
		if (doc && method === 'POST') {
			const [, tenantId, collection, id] = doc;
			const result = id
				? sandbox.store.update(tenantId, collection as WritableCollection, id, body)
				: sandbox.store.create(tenantId, collection as WritableCollection, body);
			return { status: 200, body: result };
		}
		return { status: 404, body: { error: `No control route ${method} /__sandbox/${route}` } };
	} catch (error) {
		return { status: 400, body: { error: (error as Error).message } };
	}
}
