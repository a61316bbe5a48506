import { randomBytes, randomUUID } from 'crypto';
import type { OrganisationData } from './store';

// Xero's identity service on loopback: the authorisation-code flow with rotating,
// single-use refresh tokens, client credentials for a custom connection, bearer
// tokens that expire after 30 minutes, and the /connections list.

export const ACCESS_TOKEN_SECONDS = 1800;
export const DEFAULT_SCOPE =
	'openid profile email offline_access accounting.invoices accounting.payments accounting.banktransactions ' +
	'accounting.manualjournals accounting.attachments accounting.settings accounting.contacts accounting.reports.read ' +
	'accounting.reports.aged.read accounting.reports.balancesheet.read accounting.reports.banksummary.read ' +
	'accounting.reports.profitandloss.read accounting.reports.trialbalance.read';

export interface ClientApp {
	clientId: string;
	clientSecret: string;
}

export interface AccessRecord {
	token: string;
	clientId: string;
	scopes: string[];
	tenantIds: string[];
	authEventId: string;
	expiresAt: number;
	/** Custom connection (client credentials): one organisation, no tenant header needed. */
	custom: boolean;
}

interface RefreshRecord {
	clientId: string;
	scopes: string[];
	tenantIds: string[];
	authEventId: string;
	used: boolean;
	revoked: boolean;
}

interface CodeRecord {
	clientId: string;
	redirectUri: string;
	scopes: string[];
	used: boolean;
}

export interface Connection {
	id: string;
	authEventId: string;
	tenantId: string;
	tenantType: 'ORGANISATION';
	tenantName: string;
	createdDateUtc: string;
	updatedDateUtc: string;
}

export interface TokenResponse {
	id_token?: string;
	access_token: string;
	refresh_token: string;
	expires_in: number;
	token_type: 'Bearer';
	scope: string;
}

export interface HttpReply {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}

function base64url(value: string | Buffer): string {
	return Buffer.from(value).toString('base64url');
}

/** Xero's "11/23/2026 18:30:00" (US order, UTC) used in TokenExpired details. */
function usDateTime(ms: number): string {
	const d = new Date(ms);
	const p = (n: number) => String(n).padStart(2, '0');
	return `${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** .NET-style "2019-12-07T18:46:19.5165400" as Xero sends in /connections. */
function dotNetDate(ms: number): string {
	return `${new Date(ms).toISOString().slice(0, 23)}0000`;
}

export function problem(status: number, title: string, detail: string): unknown {
	return { Type: null, Title: title, Status: status, Detail: detail, Instance: randomUUID(), Extensions: {} };
}

export class AuthServer {
	readonly client: ClientApp = { clientId: randomBytes(16).toString('hex').toUpperCase(), clientSecret: base64url(randomBytes(36)) };
	readonly customConnection: ClientApp & { tenantId: string };
	readonly userId = randomUUID();
	refreshCount = 0;
	issuedAccessTokens = 0;
	private readonly access = new Map<string, AccessRecord>();
	private readonly refresh = new Map<string, RefreshRecord>();
	private readonly codes = new Map<string, CodeRecord>();
	private readonly connections = new Map<string, Connection>();

	constructor(
		private readonly orgs: OrganisationData[],
		private readonly now: () => number,
	) {
		this.customConnection = {
			clientId: randomBytes(16).toString('hex').toUpperCase(),
			clientSecret: base64url(randomBytes(36)),
			tenantId: orgs[0].tenantId,
		};
	}

	/** As if a user had completed the authorisation-code flow for every organisation. */
	issueTokens(scope = DEFAULT_SCOPE): TokenResponse {
		return this.grant(this.client.clientId, scope.split(/\s+/).filter(Boolean), this.connectAll());
	}

	expireAccessTokens(): void {
		const past = this.now() - 1000;
		for (const record of this.access.values()) record.expiresAt = Math.min(record.expiresAt, past);
	}

	revokeRefreshTokens(): void {
		for (const record of this.refresh.values()) record.revoked = true;
	}

	/** After a re-seed with other organisations: every connection is gone. */
	forgetConnections(): void {
		this.connections.clear();
	}

	private connectAll(): string {
		const authEventId = randomUUID();
		const stamp = dotNetDate(this.now());
		for (const org of this.orgs) {
			const existing = this.connections.get(org.tenantId);
			this.connections.set(org.tenantId, {
				id: existing?.id ?? randomUUID(),
				authEventId,
				tenantId: org.tenantId,
				tenantType: 'ORGANISATION',
				tenantName: org.tenantName,
				createdDateUtc: existing?.createdDateUtc ?? stamp,
				updatedDateUtc: stamp,
			});
		}
		return authEventId;
	}

	private jwt(payload: Record<string, unknown>): string {
		const header = { alg: 'RS256', kid: '1CAF8E66772D6DC028D6726FD0261581570EFC19', typ: 'JWT', x5t: 'HK-OZncttsAo1nJv0CYVgVcO_Bk' };
		return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}.${base64url(randomBytes(64))}`;
	}

	private accessToken(clientId: string, scopes: string[], tenantIds: string[], authEventId: string, custom: boolean): string {
		const issued = Math.floor(this.now() / 1000);
		const token = this.jwt({
			nbf: issued,
			exp: issued + ACCESS_TOKEN_SECONDS,
			iss: 'https://identity.xero.com',
			aud: 'https://identity.xero.com/resources',
			client_id: clientId,
			sub: custom ? undefined : this.userId.replace(/-/g, ''),
			auth_time: issued,
			xero_userid: custom ? undefined : this.userId,
			global_session_id: randomUUID().replace(/-/g, ''),
			jti: randomUUID().replace(/-/g, ''),
			authentication_event_id: authEventId,
			scope: scopes,
		});
		this.access.set(token, { token, clientId, scopes, tenantIds, authEventId, expiresAt: this.now() + ACCESS_TOKEN_SECONDS * 1000, custom });
		this.issuedAccessTokens++;
		return token;
	}

	private grant(clientId: string, scopes: string[], authEventId: string): TokenResponse {
		const tenantIds = [...this.connections.keys()];
		const response: TokenResponse = {
			access_token: this.accessToken(clientId, scopes, tenantIds, authEventId, false),
			expires_in: ACCESS_TOKEN_SECONDS,
			token_type: 'Bearer',
			refresh_token: '',
			scope: scopes.join(' '),
		};
		if (scopes.includes('openid')) {
			const issued = Math.floor(this.now() / 1000);
			response.id_token = this.jwt({ nbf: issued, exp: issued + 300, iss: 'https://identity.xero.com', aud: clientId, sub: this.userId, email: 'owner@greenfields.example' });
		}
		// Xero only hands out refresh tokens with offline_access; keep the field for callers' typing.
		const refreshToken = randomBytes(32).toString('hex');
		this.refresh.set(refreshToken, { clientId, scopes, tenantIds, authEventId, used: false, revoked: !scopes.includes('offline_access') });
		response.refresh_token = scopes.includes('offline_access') ? refreshToken : '';
		if (!response.refresh_token) delete (response as Partial<TokenResponse>).refresh_token;
		return response;
	}

	/** GET /identity/connect/authorize: consents at once and redirects back with a code. */
	authorize(query: URLSearchParams): HttpReply {
		const clientId = query.get('client_id') ?? '';
		const redirectUri = query.get('redirect_uri') ?? '';
		if (clientId !== this.client.clientId) return { status: 400, body: 'Error: unauthorized_client' };
		if (query.get('response_type') !== 'code' || !redirectUri) return { status: 400, body: 'Error: invalid_request' };
		const code = randomBytes(32).toString('hex');
		const scopes = (query.get('scope') ?? '').split(/\s+/).filter(Boolean);
		this.codes.set(code, { clientId, redirectUri, scopes, used: false });
		const target = new URL(redirectUri);
		target.searchParams.set('code', code);
		target.searchParams.set('scope', scopes.join(' '));
		const state = query.get('state');
		if (state !== null) target.searchParams.set('state', state);
		target.searchParams.set('session_state', randomBytes(16).toString('hex'));
		return { status: 302, body: '', headers: { location: target.toString() } };
	}

	/** POST /connect/token. */
	token(form: URLSearchParams, authorization: string | undefined): HttpReply {
		let clientId = form.get('client_id') ?? '';
		let clientSecret = form.get('client_secret') ?? '';
		if (authorization?.toLowerCase().startsWith('basic ')) {
			const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
			const colon = decoded.indexOf(':');
			clientId = decodeURIComponent(decoded.slice(0, colon));
			clientSecret = decodeURIComponent(decoded.slice(colon + 1));
		}
		const grantType = form.get('grant_type');
		const app = [this.client, this.customConnection].find((c) => c.clientId === clientId && c.clientSecret === clientSecret);
		if (!app) return { status: 400, body: { error: 'invalid_client' } };
		if (grantType === 'authorization_code') {
			const record = this.codes.get(form.get('code') ?? '');
			if (!record || record.used || record.clientId !== clientId || record.redirectUri !== form.get('redirect_uri')) {
				return { status: 400, body: { error: 'invalid_grant' } };
			}
			record.used = true;
			return { status: 200, body: this.grant(clientId, record.scopes, this.connectAll()) };
		}
		if (grantType === 'refresh_token') {
			const token = form.get('refresh_token') ?? '';
			const record = this.refresh.get(token);
			if (!record || record.used || record.revoked || record.clientId !== clientId) return { status: 400, body: { error: 'invalid_grant' } };
			// Refresh tokens rotate: the one just used is spent.
			record.used = true;
			this.refreshCount++;
			return { status: 200, body: this.grant(clientId, record.scopes, record.authEventId) };
		}
		if (grantType === 'client_credentials') {
			if (app !== this.customConnection) return { status: 400, body: { error: 'unauthorized_client' } };
			const requested = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
			const scopes = requested.length ? requested : DEFAULT_SCOPE.split(' ').filter((s) => s.startsWith('accounting.'));
			const token = this.accessToken(clientId, scopes, [this.customConnection.tenantId], randomUUID(), true);
			return { status: 200, body: { access_token: token, expires_in: ACCESS_TOKEN_SECONDS, token_type: 'Bearer', scope: scopes.join(' ') } };
		}
		return { status: 400, body: { error: 'unsupported_grant_type' } };
	}

	/** The bearer token of a request, or Xero's 401. */
	authenticate(authorization: string | undefined): { record: AccessRecord } | { reply: HttpReply } {
		const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
		if (!match) {
			return { reply: { status: 401, body: problem(401, 'Unauthorized', 'AuthenticationUnsuccessful'), headers: { 'www-authenticate': 'Bearer' } } };
		}
		const record = this.access.get(match[1].trim());
		if (!record) {
			return {
				reply: {
					status: 401,
					body: problem(401, 'Unauthorized', 'AuthenticationUnsuccessful'),
					headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
				},
			};
		}
		if (record.expiresAt <= this.now()) {
			const at = usDateTime(record.expiresAt);
			return {
				reply: {
					status: 401,
					body: problem(401, 'Unauthorized', `TokenExpired: token expired at ${at}`),
					headers: { 'www-authenticate': `Bearer error="invalid_token", error_description="The token expired at '${at}'"` },
				},
			};
		}
		return { record };
	}

	/** Whether the token may reach the organisation (connected and granted). */
	canReach(record: AccessRecord, tenantId: string): boolean {
		if (record.custom) return record.tenantIds.includes(tenantId);
		return record.tenantIds.includes(tenantId) && this.connections.has(tenantId);
	}

	listConnections(record: AccessRecord, authEventId?: string | null): Connection[] {
		if (record.custom) {
			const org = this.orgs.find((o) => o.tenantId === record.tenantIds[0])!;
			const stamp = dotNetDate(this.now());
			return [{ id: randomUUID(), authEventId: record.authEventId, tenantId: org.tenantId, tenantType: 'ORGANISATION', tenantName: org.tenantName, createdDateUtc: stamp, updatedDateUtc: stamp }];
		}
		return [...this.connections.values()].filter((c) => !authEventId || c.authEventId === authEventId);
	}

	/** DELETE /connections/{id}: the organisation is disconnected from the app. */
	disconnect(id: string): boolean {
		for (const [tenantId, c] of this.connections) {
			if (c.id === id) {
				this.connections.delete(tenantId);
				return true;
			}
		}
		return false;
	}
}

// Granular scopes (Xero, 2026) next to the broad ones the spec lists.
const GRANULAR: [RegExp, string][] = [
	[/^\/(Invoices|CreditNotes|PurchaseOrders|Quotes|RepeatingInvoices|LinkedTransactions|Items)\b/i, 'accounting.invoices'],
	[/^\/(Payments|BatchPayments|Overpayments|Prepayments)\b/i, 'accounting.payments'],
	[/^\/(BankTransactions|BankTransfers)\b/i, 'accounting.banktransactions'],
	[/^\/ManualJournals\b/i, 'accounting.manualjournals'],
	[/^\/Reports\/Aged/i, 'accounting.reports.aged'],
	[/^\/Reports\/BalanceSheet/i, 'accounting.reports.balancesheet'],
	[/^\/Reports\/BankSummary/i, 'accounting.reports.banksummary'],
	[/^\/Reports\/ProfitAndLoss/i, 'accounting.reports.profitandloss'],
	[/^\/Reports\/TrialBalance/i, 'accounting.reports.trialbalance'],
];

/** Scopes any one of which lets a token call the operation. */
export function acceptedScopes(specScopes: string[], apiPath: string, method: string): string[] {
	const out = new Set(specScopes);
	const isRead = method.toUpperCase() === 'GET';
	if (/\/Attachments\b/i.test(apiPath)) {
		out.add('accounting.attachments');
		if (isRead) out.add('accounting.attachments.read');
	}
	for (const [pattern, scope] of GRANULAR) {
		if (!pattern.test(apiPath)) continue;
		if (scope.startsWith('accounting.reports.')) out.add(`${scope}.read`);
		else {
			out.add(scope);
			if (isRead) out.add(`${scope}.read`);
		}
	}
	return [...out];
}
