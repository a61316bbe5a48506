import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { AuthServer, DEFAULT_SCOPE, type TokenResponse } from './auth';
import { handleControl } from './control';
import type { ChangeEvent, Engine } from './engine';
import { Faults, type FaultRule } from './faults';
import { RateLimiter, type RateLimitConfig, type RateLimitCounters } from './rate-limit';
import { SandboxStore } from './sandbox-store';
import { seedOrganisations } from './seed';
import { SandboxServer, type RequestLogEntry, type SpecViolation } from './server';
import { specValidator } from './spec-validator';
import type { OrganisationData } from './store';
import { Webhooks } from './webhooks';

export type { FaultAction, FaultRule } from './faults';
export type { RequestLogEntry, SpecViolation } from './server';
export type { WebhookEvent, WebhookPayload, Delivery } from './webhooks';
export type { OrganisationData } from './store';
export type { WritableCollection, UpdateOptions } from './sandbox-store';
export type { RateLimitConfig, RateLimitCounters } from './rate-limit';
export * from './types';

export interface SandboxOptions {
	/** Port on 127.0.0.1 (0, the default, picks a free one). */
	port?: number;
	/** Seed of the generated organisations (default 1). */
	seed?: number;
	/** Documents of each kind per organisation (default 25). */
	size?: number;
	/** Validate every JSON response against the spec (default true). */
	validateResponses?: boolean;
}

export interface XeroSandbox {
	url: string;
	tenants: { tenantId: string; tenantName: string }[];
	client: { clientId: string; clientSecret: string };
	customConnection: { clientId: string; clientSecret: string; tenantId: string };
	issueTokens(opts?: { scope?: string }): TokenResponse;
	tokens: {
		expireAccessTokens(): void;
		revokeRefreshTokens(): void;
		readonly refreshCount: number;
		readonly issuedAccessTokens: number;
	};
	store: SandboxStore;
	log: RequestLogEntry[];
	clearLog(): void;
	maxInFlight(tenantId?: string): number;
	specViolations: SpecViolation[];
	faults: { add(rule: FaultRule): void; clear(): void };
	rateLimit: {
		configure(cfg: Partial<RateLimitConfig> & { enabled: boolean }): void;
		counters(tenantId: string): RateLimitCounters;
	};
	clock: { offsetMs: number };
	webhooks: Webhooks;
	options: { validateResponses: boolean; seed: number; size: number };
	/** Re-seeds the organisations (same tenant ids) and clears log, faults and limits. */
	reset(options?: { seed?: number; size?: number }): void;
	close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<XeroSandbox> {
	const settings = { seed: options.seed ?? 1, size: options.size ?? 25, validateResponses: options.validateResponses ?? true };
	const clock = { offsetMs: 0 };
	const now = () => Date.now() + clock.offsetMs;
	const orgs: OrganisationData[] = seedOrganisations({ seed: settings.seed, size: settings.size, now: now() });
	const byId = new Map<string, OrganisationData>();
	const index = () => {
		byId.clear();
		for (const o of orgs) byId.set(o.tenantId.toLowerCase(), o);
	};
	index();

	let baseUrl = '';
	const webhooks = new Webhooks(() => baseUrl, settings.seed);
	const engine: Engine = {
		now,
		get baseUrl() {
			return baseUrl;
		},
		org: (tenantId) => byId.get(tenantId.toLowerCase()),
		emit: (event: Omit<ChangeEvent, 'at'>) => webhooks.onChange({ ...event, at: now() }),
	};
	const auth = new AuthServer(orgs, now);
	const faults = new Faults();
	const rateLimit = new RateLimiter();
	const onlineInvoices = new Map<string, { tenantId: string; invoiceId: string }>();
	const validator = specValidator();

	// eslint-disable-next-line prefer-const
	let sandbox: XeroSandbox;
	const server = new SandboxServer({
		engine,
		auth,
		faults,
		rateLimit,
		validator,
		validateResponses: () => settings.validateResponses,
		orgs: () => orgs,
		onlineInvoices,
		control: (req, url, body) => handleControl(sandbox, req, url, body),
	});

	const http: Server = createServer((req, res) => {
		server.handle(req, res).catch(() => res.destroy());
	});
	http.keepAliveTimeout = 5_000;
	await new Promise<void>((resolve, reject) => {
		http.once('error', reject);
		http.listen(options.port ?? 0, '127.0.0.1', () => resolve());
	});
	const port = (http.address() as AddressInfo).port;
	baseUrl = `http://127.0.0.1:${port}`;

	sandbox = {
		url: baseUrl,
		tenants: orgs.map((o) => ({ tenantId: o.tenantId, tenantName: o.tenantName })),
		client: auth.client,
		customConnection: auth.customConnection,
		issueTokens: (opts) => auth.issueTokens(opts?.scope ?? DEFAULT_SCOPE),
		tokens: {
			expireAccessTokens: () => auth.expireAccessTokens(),
			revokeRefreshTokens: () => auth.revokeRefreshTokens(),
			get refreshCount() {
				return auth.refreshCount;
			},
			get issuedAccessTokens() {
				return auth.issuedAccessTokens;
			},
		},
		store: new SandboxStore(engine, () => orgs),
		log: server.log,
		clearLog: () => server.clearLog(),
		maxInFlight: (tenantId) => server.maxInFlight(tenantId),
		specViolations: server.specViolations,
		faults,
		rateLimit: {
			configure: (cfg) => rateLimit.configure(cfg),
			counters: (tenantId) => rateLimit.counters(tenantId),
		},
		clock,
		webhooks,
		options: settings,
		reset: (opts = {}) => {
			settings.seed = opts.seed ?? settings.seed;
			settings.size = opts.size ?? settings.size;
			const fresh = seedOrganisations({ seed: settings.seed, size: settings.size, now: now() });
			const changedTenants = fresh[0].tenantId !== orgs[0].tenantId;
			orgs.splice(0, orgs.length, ...fresh);
			index();
			if (changedTenants) {
				sandbox.tenants.splice(0, sandbox.tenants.length, ...orgs.map((o) => ({ tenantId: o.tenantId, tenantName: o.tenantName })));
				auth.customConnection.tenantId = orgs[0].tenantId;
				auth.forgetConnections();
			}
			server.clearLog();
			server.specViolations.length = 0;
			server.idempotency.clear();
			faults.clear();
			rateLimit.reset();
			onlineInvoices.clear();
		},
		close: async () => {
			webhooks.unsubscribe();
			await webhooks.settle();
			await new Promise<void>((resolve) => {
				http.close(() => resolve());
				http.closeAllConnections();
			});
		},
	};
	return sandbox;
}
