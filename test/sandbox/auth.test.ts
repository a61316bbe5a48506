import { startSandbox, type XeroSandbox } from './index';
import { apiClient, form, request } from './test-helpers';

describe('Xero sandbox: OAuth and tenants', () => {
	let sandbox: XeroSandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.close());
	afterEach(() => {
		const violations = sandbox.specViolations.filter((v) => v.direction === 'response');
		sandbox.specViolations.length = 0;
		expect(violations).toEqual([]);
	});

	const basic = () => `Basic ${Buffer.from(`${sandbox.client.clientId}:${sandbox.client.clientSecret}`).toString('base64')}`;
	const token = (body: URLSearchParams, authorization = basic()) =>
		request(`${sandbox.url}/connect/token`, { method: 'POST', headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' }, body });

	it('runs the authorisation-code flow: authorize redirects with code and state, the code buys tokens once', async () => {
		const redirect = 'http://127.0.0.1:9/callback';
		const authorize = new URL(`${sandbox.url}/identity/connect/authorize`);
		authorize.search = form({
			response_type: 'code',
			client_id: sandbox.client.clientId,
			redirect_uri: redirect,
			scope: 'openid offline_access accounting.invoices accounting.contacts',
			state: 'xyz-123',
		}).toString();
		const consent = await request(authorize.toString());
		expect(consent.status).toBe(302);
		const location = new URL(consent.headers.get('location')!);
		expect(location.origin + location.pathname).toBe(redirect);
		expect(location.searchParams.get('state')).toBe('xyz-123');
		const code = location.searchParams.get('code')!;

		const exchange = await token(form({ grant_type: 'authorization_code', code, redirect_uri: redirect }));
		expect(exchange.status).toBe(200);
		expect(exchange.body).toMatchObject({ token_type: 'Bearer', expires_in: 1800, scope: 'openid offline_access accounting.invoices accounting.contacts' });
		expect(exchange.body.access_token.split('.')).toHaveLength(3);
		expect(exchange.body.refresh_token).toEqual(expect.any(String));
		expect(exchange.body.id_token).toEqual(expect.any(String));

		const again = await token(form({ grant_type: 'authorization_code', code, redirect_uri: redirect }));
		expect(again.status).toBe(400);
		expect(again.body).toEqual({ error: 'invalid_grant' });
	});

	it('rotates refresh tokens: each is single-use, a reused one gets invalid_grant', async () => {
		const first = sandbox.issueTokens();
		const before = sandbox.tokens.refreshCount;
		// Client authentication in the form body instead of HTTP Basic.
		const refreshed = await token(
			form({ grant_type: 'refresh_token', refresh_token: first.refresh_token, client_id: sandbox.client.clientId, client_secret: sandbox.client.clientSecret }),
			'',
		);
		expect(refreshed.status).toBe(200);
		expect(refreshed.body.refresh_token).not.toBe(first.refresh_token);
		expect(refreshed.body.access_token).not.toBe(first.access_token);
		expect(sandbox.tokens.refreshCount).toBe(before + 1);

		const reused = await token(form({ grant_type: 'refresh_token', refresh_token: first.refresh_token }));
		expect(reused.status).toBe(400);
		expect(reused.body).toEqual({ error: 'invalid_grant' });

		const next = await token(form({ grant_type: 'refresh_token', refresh_token: refreshed.body.refresh_token }));
		expect(next.status).toBe(200);
		expect(sandbox.tokens.refreshCount).toBe(before + 2);
	});

	it('refuses revoked refresh tokens and wrong client credentials', async () => {
		const tokens = sandbox.issueTokens();
		const wrong = await token(form({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }), `Basic ${Buffer.from('nope:nope').toString('base64')}`);
		expect(wrong.status).toBe(400);
		expect(wrong.body).toEqual({ error: 'invalid_client' });
		sandbox.tokens.revokeRefreshTokens();
		const revoked = await token(form({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }));
		expect(revoked.status).toBe(400);
		expect(revoked.body).toEqual({ error: 'invalid_grant' });
	});

	it('answers an expired access token with 401, WWW-Authenticate and TokenExpired', async () => {
		const api = apiClient(sandbox);
		expect((await api.get('/Organisation')).status).toBe(200);
		sandbox.tokens.expireAccessTokens();
		const expired = await api.get('/Organisation');
		expect(expired.status).toBe(401);
		expect(expired.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token", error_description="The token expired at/);
		expect(expired.body).toMatchObject({ Title: 'Unauthorized', Status: 401, Detail: expect.stringMatching(/^TokenExpired: token expired at \d\d\/\d\d\/\d{4}/) });
		const missing = await request(`${sandbox.url}/api.xro/2.0/Organisation`, { headers: { 'xero-tenant-id': api.tenantId } });
		expect(missing.status).toBe(401);
		expect(missing.body.Detail).toBe('AuthenticationUnsuccessful');
	});

	it('expires tokens by the sandbox clock (clock skew)', async () => {
		const api = apiClient(sandbox);
		sandbox.clock.offsetMs = 31 * 60_000;
		try {
			expect((await api.get('/Organisation')).status).toBe(401);
		} finally {
			sandbox.clock.offsetMs = 0;
		}
		expect((await api.get('/Organisation')).status).toBe(200);
	});

	it('lists connections in Xero shape', async () => {
		const tokens = sandbox.issueTokens();
		const connections = await request(`${sandbox.url}/connections`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
		expect(connections.status).toBe(200);
		expect(connections.body).toHaveLength(2);
		for (const c of connections.body) {
			expect(Object.keys(c).sort()).toEqual(['authEventId', 'createdDateUtc', 'id', 'tenantId', 'tenantName', 'tenantType', 'updatedDateUtc']);
			expect(c.tenantType).toBe('ORGANISATION');
		}
		expect(connections.body.map((c: { tenantName: string }) => c.tenantName)).toEqual(sandbox.tenants.map((t) => t.tenantName));
	});

	it('needs xero-tenant-id, and refuses organisations the token cannot reach with 403', async () => {
		const api = apiClient(sandbox);
		const before = sandbox.specViolations.length;
		const noTenant = await request(`${sandbox.url}/api.xro/2.0/Invoices`, { headers: { authorization: `Bearer ${api.token}` } });
		expect(noTenant.status).toBe(403);
		expect(noTenant.body).toMatchObject({ Title: 'Forbidden', Status: 403, Detail: 'AuthenticationUnsuccessful' });
		expect(sandbox.specViolations.slice(before)).toEqual([expect.objectContaining({ direction: 'request', path: '/api.xro/2.0/Invoices' })]);
		sandbox.specViolations.length = before;

		const stranger = await api.get('/Invoices', { 'xero-tenant-id': '9d6f6a8e-1111-4222-8333-444455556666' });
		expect(stranger.status).toBe(403);
		const custom = await custom_token();
		const other = await request(`${sandbox.url}/api.xro/2.0/Organisation`, { headers: { authorization: `Bearer ${custom}`, 'xero-tenant-id': sandbox.tenants[1].tenantId } });
		expect(other.status).toBe(403);
	});

	async function custom_token(): Promise<string> {
		const auth = `Basic ${Buffer.from(`${sandbox.customConnection.clientId}:${sandbox.customConnection.clientSecret}`).toString('base64')}`;
		const answer = await token(form({ grant_type: 'client_credentials', scope: 'accounting.invoices accounting.settings' }), auth);
		expect(answer.status).toBe(200);
		expect(answer.body.refresh_token).toBeUndefined();
		return answer.body.access_token;
	}

	it('issues client-credentials tokens for the custom connection, bound to its organisation', async () => {
		const access = await custom_token();
		const org = await request(`${sandbox.url}/api.xro/2.0/Organisation`, { headers: { authorization: `Bearer ${access}`, accept: 'application/json' } });
		expect(org.status).toBe(200);
		expect(org.body.Organisations[0].OrganisationID).toBe(sandbox.customConnection.tenantId);
		const connections = await request(`${sandbox.url}/connections`, { headers: { authorization: `Bearer ${access}` } });
		expect(connections.body.map((c: { tenantId: string }) => c.tenantId)).toEqual([sandbox.customConnection.tenantId]);
		// The OAuth app may not use client credentials.
		const refused = await token(form({ grant_type: 'client_credentials' }));
		expect(refused.body).toEqual({ error: 'unauthorized_client' });
	});

	it('checks scopes: a token without invoice scopes may not read invoices', async () => {
		const narrow = sandbox.issueTokens({ scope: 'offline_access accounting.contacts' });
		const api = apiClient(sandbox, 0, narrow.access_token);
		expect((await api.get('/Contacts?page=1')).status).toBe(200);
		const refused = await api.get('/Invoices?page=1');
		expect(refused.status).toBe(401);
		expect(refused.body.Detail).toBe('AuthorizationUnsuccessful');
		const readOnly = apiClient(sandbox, 0, sandbox.issueTokens({ scope: 'accounting.invoices.read' }).access_token);
		expect((await readOnly.get('/Invoices?page=1')).status).toBe(200);
		expect((await readOnly.put('/Invoices', { Invoices: [] })).status).toBe(401);
	});
});
