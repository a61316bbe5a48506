import { randomUUID } from 'crypto';

import { listSearch } from '../harness';
import { startXero, type XeroFixture } from '../helpers/xero';

// The shared transport, exercised through the Contact operations of the built node, run by
// n8n-core against the local sandbox: every assertion reads the sandbox's own log and state.
describe('transport', () => {
	let xero: XeroFixture;

	beforeAll(async () => {
		xero = await startXero({ size: 2100 });
	});
	afterAll(async () => {
		expect(xero.sandbox.specViolations).toEqual([]);
		await xero.close();
	});
	beforeEach(() => {
		xero.sandbox.faults.clear();
		xero.sandbox.rateLimit.configure({ enabled: false });
		xero.sandbox.clearLog();
	});

	const contactCalls = () => xero.sandbox.log.filter((entry) => /\/Contacts/.test(entry.path));
	const org = () => xero.sandbox.store.tenant(xero.tenantId);

	test('reads every page at the largest page size, with the tenant on every page and ISO dates', async () => {
		const { items, error } = await xero.run({ resource: 'contact', operation: 'getAll', returnAll: true, simplify: false });
		expect(error).toBeUndefined();
		const expected = org().Contacts.filter((c) => (c as { ContactStatus?: string }).ContactStatus !== 'ARCHIVED').length;
		expect(items).toHaveLength(expected);
		const calls = contactCalls();
		expect(calls).toHaveLength(Math.ceil(expected / 1000));
		expect(calls.every((call) => call.tenantId === xero.tenantId && call.query.pageSize === '1000')).toBe(true);
		expect(String(items[0].json.UpdatedDateUTC)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
		expect(new Set(items.map((item) => item.json.ContactID)).size).toBe(items.length);
	});

	test('a limit asks for no more than it needs, in one call', async () => {
		const { items } = await xero.run({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 7 });
		expect(items).toHaveLength(7);
		expect(contactCalls()).toHaveLength(1);
		expect(contactCalls()[0].query.pageSize).toBe('7');
	});

	test('creates many documents in batches of 50, each output paired with its input', async () => {
		const names = Array.from({ length: 120 }, (_, i) => `Batch Customer ${i} ${randomUUID()}`);
		const { items, error } = await xero.run(
			{ resource: 'contact', operation: 'create', name: '={{ $json.name }}' },
			names.map((name) => ({ name })),
		);
		expect(error).toBeUndefined();
		const puts = contactCalls().filter((call) => call.method === 'PUT');
		expect(puts).toHaveLength(3);
		expect(puts.every((call) => call.query.summarizeErrors === 'false' && call.idempotencyKey)).toBe(true);
		expect(items.map((item) => item.json.Name)).toEqual(names);
		expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual(names.map((_, i) => i));
		for (const name of names) expect(org().Contacts.filter((c) => c.Name === name)).toHaveLength(1);
	});

	test('waits out 429 Retry-After and goes on', async () => {
		xero.sandbox.faults.add({ method: 'GET', path: '/Contacts', times: 2, action: { kind: 'status', status: 429, retryAfter: 1 } });
		const { items, error } = await xero.run({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 3 });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(contactCalls().map((call) => call.status)).toEqual([429, 429, 200]);
	});

	test("fails fast with the reset time when Xero's daily limit is used up", async () => {
		xero.sandbox.faults.add({
			path: '/Contacts',
			times: 5,
			action: { kind: 'status', status: 429, retryAfter: 7200, headers: { 'x-rate-limit-problem': 'day' } },
		});
		const { error } = await xero.run({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 3 });
		expect(error?.message).toMatch(/daily limit.*resets in 120 minute\(s\), at \d{4}-/);
		expect(contactCalls()).toHaveLength(1);
	});

	test.each([500, 502, 503, 504])('retries %s with backoff', async (status) => {
		xero.sandbox.faults.add({ path: '/Contacts', times: 2, action: { kind: 'status', status } });
		const { items, error } = await xero.run({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 2 });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(contactCalls().map((call) => call.status)).toEqual([status, status, 200]);
	});

	test('a write whose answer was lost is retried with the same Idempotency-Key and exists once', async () => {
		const name = `Lost Answer ${randomUUID()}`;
		xero.sandbox.faults.add({ method: 'PUT', path: '/Contacts', action: { kind: 'lose-response' } });
		const { items, error } = await xero.run({ resource: 'contact', operation: 'create', name });
		expect(error).toBeUndefined();
		expect(items[0].json.Name).toBe(name);
		const puts = contactCalls().filter((call) => call.method === 'PUT');
		expect(puts).toHaveLength(2);
		expect(puts[0].idempotencyKey).toBe(puts[1].idempotencyKey);
		expect(org().Contacts.filter((c) => c.Name === name)).toHaveLength(1);
	});

	test('a connection reset before Xero acted is retried and the document exists once', async () => {
		const name = `Reset ${randomUUID()}`;
		xero.sandbox.faults.add({ method: 'PUT', path: '/Contacts', action: { kind: 'reset' } });
		const { error } = await xero.run({ resource: 'contact', operation: 'create', name });
		expect(error).toBeUndefined();
		expect(org().Contacts.filter((c) => c.Name === name)).toHaveLength(1);
	});

	test('an expired access token is refreshed once, and the rotated refresh token is kept', async () => {
		const refreshesBefore = xero.sandbox.tokens.refreshCount;
		xero.sandbox.tokens.expireAccessTokens();
		const first = await xero.run({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 1 });
		expect(first.error).toBeUndefined();
		expect(xero.sandbox.tokens.refreshCount).toBe(refreshesBefore + 1);
		const second = await xero.run({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 1 });
		expect(second.error).toBeUndefined();
		expect(xero.sandbox.tokens.refreshCount).toBe(refreshesBefore + 1);
	});

	test('a revoked connection asks the user to reconnect and returns no partial output', async () => {
		const fixture = await startXero();
		try {
			fixture.sandbox.tokens.expireAccessTokens();
			fixture.sandbox.tokens.revokeRefreshTokens();
			const { items, error } = await fixture.run({ resource: 'contact', operation: 'getAll', returnAll: true });
			expect(items).toEqual([]);
			expect(error?.message).toMatch(/reconnect/i);
			const secret = String(fixture.credentials.get('xero').data.clientSecret);
			expect(JSON.stringify(error)).not.toContain(secret);
		} finally {
			await fixture.close();
		}
	});

	test('an organisation the credential cannot reach gets a message naming the organisation and the scope', async () => {
		const { error } = await xero.run({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 1, tenantId: randomUUID() });
		expect(error?.message).toMatch(/organisation is not connected to this credential, or the scope "accounting\.contacts\.read"/);
	});

	test('never more than 5 calls in flight per organisation from one process', async () => {
		xero.sandbox.faults.add({ path: '/Contacts', times: Infinity, action: { kind: 'delay', ms: 150 } });
		await Promise.all(
			Array.from({ length: 12 }, async () => await xero.run({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 1 })),
		);
		expect(contactCalls()).toHaveLength(12);
		expect(xero.sandbox.maxInFlight(xero.tenantId)).toBeLessThanOrEqual(5);
		expect(xero.sandbox.maxInFlight(xero.tenantId)).toBeGreaterThan(1);
	});

	test('the Organisation list comes from the connections endpoint', async () => {
		const result = await listSearch({
			node: {
				name: 'Xero',
				type: 'xeroAccounting',
				parameters: { authentication: 'oAuth2' },
				credentials: xero.credentials.ref('xero'),
			},
			method: 'searchOrganisations',
			parameter: 'tenantId',
			credentials: xero.credentials,
		});
		expect(result.results.map((r) => r.value).sort()).toEqual(xero.sandbox.tenants.map((t) => t.tenantId).sort());
		expect(xero.sandbox.log.find((entry) => entry.path === '/connections')?.tenantId).toBeUndefined();
	});
});
