import { startSandbox, type XeroSandbox } from './index';
import { apiClient, type ApiClient } from './test-helpers';

describe('Xero sandbox: rate limits, faults and the request log', () => {
	let sandbox: XeroSandbox;
	let api: ApiClient;

	beforeAll(async () => {
		sandbox = await startSandbox();
		api = apiClient(sandbox);
	});
	afterAll(() => sandbox.close());
	afterEach(() => {
		sandbox.faults.clear();
		sandbox.rateLimit.configure({ enabled: false, perMinute: 60, perDay: 5000, concurrent: 5, timeScale: 1 });
		const violations = [...sandbox.specViolations];
		sandbox.specViolations.length = 0;
		expect(violations).toEqual([]);
	});

	const contact = () => sandbox.store.tenant(api.tenantId).Contacts.find((c) => c.IsCustomer)!;
	const newInvoice = () => ({ Invoices: [{ Type: 'ACCREC', Contact: { ContactID: contact().ContactID }, LineItems: [{ Description: 'Oats', Quantity: 1, UnitAmount: 5, AccountCode: '200' }] }] });

	it('sends the remaining-limit headers on every response', async () => {
		const first = await api.get('/Organisation');
		expect(first.headers.get('x-daylimit-remaining')).toEqual(expect.stringMatching(/^\d+$/));
		expect(first.headers.get('x-appminlimit-remaining')).toEqual(expect.stringMatching(/^\d+$/));
		const minute = Number(first.headers.get('x-minlimit-remaining'));
		const second = await api.get('/Organisation');
		expect(Number(second.headers.get('x-minlimit-remaining'))).toBe(minute - 1);
		expect(Number(second.headers.get('x-daylimit-remaining'))).toBe(Number(first.headers.get('x-daylimit-remaining')) - 1);
	});

	it('refuses the 61st call in a minute with 429, Retry-After and X-Rate-Limit-Problem: minute', async () => {
		sandbox.rateLimit.configure({ enabled: true });
		for (let i = 0; i < 60; i++) expect((await api.get('/Currencies')).status).toBe(200);
		const refused = await api.get('/Currencies');
		expect(refused.status).toBe(429);
		expect(refused.headers.get('x-rate-limit-problem')).toBe('minute');
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		expect(refused.headers.get('x-minlimit-remaining')).toBe('0');
		// The other organisation has its own allowance.
		expect((await apiClient(sandbox, 1, api.token).get('/Currencies')).status).toBe(200);
		expect(sandbox.rateLimit.counters(api.tenantId).rejected.minute).toBe(1);
		expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
	});

	it('shrinks the windows with timeScale, and lets calls through again after Retry-After', async () => {
		// timeScale 60: a "minute" lasts one second.
		sandbox.rateLimit.configure({ enabled: true, perMinute: 3, timeScale: 60 });
		for (let i = 0; i < 3; i++) expect((await api.get('/Currencies')).status).toBe(200);
		const refused = await api.get('/Currencies');
		expect(refused.status).toBe(429);
		expect(refused.headers.get('retry-after')).toBe('1');
		await new Promise((r) => setTimeout(r, 1050));
		expect((await api.get('/Currencies')).status).toBe(200);
	});

	it('enforces the daily limit', async () => {
		sandbox.rateLimit.configure({ enabled: true, perDay: 3 });
		for (let i = 0; i < 3; i++) expect((await api.get('/Currencies')).status).toBe(200);
		const refused = await api.get('/Currencies');
		expect(refused.status).toBe(429);
		expect(refused.headers.get('x-rate-limit-problem')).toBe('day');
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(60);
	});

	it('refuses more than 5 concurrent calls per organisation', async () => {
		sandbox.rateLimit.configure({ enabled: true });
		sandbox.faults.add({ path: '/Currencies', times: Infinity, action: { kind: 'delay', ms: 300 } });
		const answers = await Promise.all(Array.from({ length: 7 }, () => api.get('/Currencies')));
		const statuses = answers.map((a) => a.status).sort();
		expect(statuses.filter((s) => s === 200)).toHaveLength(5);
		expect(statuses.filter((s) => s === 429)).toHaveLength(2);
		expect(answers.find((a) => a.status === 429)!.headers.get('x-rate-limit-problem')).toBe('concurrent');
		expect(sandbox.maxInFlight(api.tenantId)).toBeGreaterThanOrEqual(7);
	});

	it('logs every request with tenant, status and in-flight count', async () => {
		sandbox.clearLog();
		sandbox.faults.add({ path: '/Items', times: Infinity, action: { kind: 'delay', ms: 100 } });
		await Promise.all([api.get('/Items'), api.get('/Items'), api.get('/Items')]);
		expect(sandbox.log).toHaveLength(3);
		for (const entry of sandbox.log) {
			expect(entry).toMatchObject({ method: 'GET', path: '/api.xro/2.0/Items', tenantId: api.tenantId, status: 200, operationId: 'getItems', fault: 'delay' });
			expect(entry.ended - entry.started).toBeGreaterThanOrEqual(90);
		}
		expect(Math.max(...sandbox.log.map((e) => e.inFlight))).toBe(3);
		expect(sandbox.maxInFlight(api.tenantId)).toBe(3);
		expect(sandbox.maxInFlight(sandbox.tenants[1].tenantId)).toBe(0);
	});

	it.each([429, 500, 502, 503, 504])('answers with an injected %i, then recovers', async (status) => {
		sandbox.faults.add({ method: 'GET', path: '/api.xro/2.0/Contacts', times: 2, action: { kind: 'status', status, retryAfter: 2 } });
		const first = await api.get('/Contacts');
		expect(first.status).toBe(status);
		if (status === 429) {
			expect(first.headers.get('retry-after')).toBe('2');
			expect(first.headers.get('x-rate-limit-problem')).toBe('minute');
		}
		expect((await api.get('/Contacts')).status).toBe(status);
		expect((await api.get('/Contacts')).status).toBe(200);
	});

	it('answers an injected 401 like an expired token', async () => {
		sandbox.faults.add({ path: /\/Organisation$/, action: { kind: 'status', status: 401 } });
		const answer = await api.get('/Organisation');
		expect(answer.status).toBe(401);
		expect(answer.body).toMatchObject({ Title: 'Unauthorized', Status: 401 });
		expect(answer.headers.get('www-authenticate')).toContain('invalid_token');
	});

	it('resets the connection before acting', async () => {
		const before = sandbox.store.tenant(api.tenantId).Invoices.size;
		sandbox.faults.add({ method: 'PUT', path: '/Invoices', action: { kind: 'reset' } });
		await expect(api.put('/Invoices', newInvoice())).rejects.toThrow();
		expect(sandbox.store.tenant(api.tenantId).Invoices.size).toBe(before);
		expect((await api.put('/Invoices', newInvoice())).status).toBe(200);
		expect(sandbox.store.tenant(api.tenantId).Invoices.size).toBe(before + 1);
	});

	it('acts and then loses the answer', async () => {
		const before = sandbox.store.tenant(api.tenantId).Invoices.size;
		sandbox.faults.add({ method: 'PUT', path: '/Invoices', action: { kind: 'lose-response' } });
		await expect(api.put('/Invoices', newInvoice(), { 'Idempotency-Key': 'lost-1' })).rejects.toThrow();
		expect(sandbox.store.tenant(api.tenantId).Invoices.size).toBe(before + 1);
		// A retry with the same key gets the first answer instead of a second invoice.
		const retry = await api.put('/Invoices', newInvoice(), { 'Idempotency-Key': 'lost-1' });
		expect(retry.status).toBe(200);
		expect(sandbox.store.tenant(api.tenantId).Invoices.size).toBe(before + 1);
		expect(sandbox.log.filter((e) => e.idempotencyKey === 'lost-1').map((e) => e.fault ?? (e.replayed ? 'replayed' : 'new'))).toEqual(['lose-response', 'replayed']);
	});

	it('delays the answer', async () => {
		sandbox.faults.add({ path: '/Organisation', tenantId: api.tenantId, action: { kind: 'delay', ms: 250 } });
		const started = Date.now();
		expect((await api.get('/Organisation')).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(240);
		// Only for that tenant.
		sandbox.faults.add({ path: '/Organisation', tenantId: api.tenantId, action: { kind: 'status', status: 503 } });
		expect((await apiClient(sandbox, 1, api.token).get('/Organisation')).status).toBe(200);
		expect((await api.get('/Organisation')).status).toBe(503);
	});
});
