import { randomUUID } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { CREDENTIAL_ID, startXero, type XeroFixture, type XeroRun } from '../helpers/xero';
import type { XeroContact } from '../sandbox';
import { Figures } from './figures';

// Xero's refresh tokens are single use: the sandbox, like Xero outside its 30-minute grace period
// for a lost answer, refuses a spent one with invalid_grant, which would cost the user a
// reconnect. So several executions finding the same expired token must refresh it once.
//
// What n8n does (n8n-core 2.41, request-helpers/oauth.js): on a 401, requestOAuth2 calls
// refreshOrFetchToken, which runs the refresh through a SingleFlightLease keyed by the credential
// ID: calls in the same process that arrive while a refresh is under way wait for that refresh
// and share its token. The refresh itself runs inside LockService.withLease(CREDENTIALS, id)
// and first re-reads the stored credential: if its access token is no longer the one that got the
// 401, another caller has refreshed already and that token is used, so a refresh token is never
// spent twice. In one process LockService is in-memory. Across processes, n8n proper (2.41.1,
// commands/base-command.js) switches it to a Redis lock (SET NX PX, 30 s lease renewed by a
// watchdog) in queue mode, multi-main or with the Redis cache; so workers serialise refreshes and
// the re-read finds the token another worker stored. Limits: waiting for the lock gives up after
// 10 s and then refreshes without coordination (n8n logs a warning), and two processes without
// Redis (e.g. two separate regular-mode instances sharing a database) are not coordinated at all;
// there, Xero's grace period for a just-spent refresh token is what saves the second refresh.

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const EXECUTIONS = 8;

let xero: XeroFixture;
let customer: XeroContact;
const figures = new Figures('token refresh');

const org = () => xero.sandbox.store.tenant(xero.tenantId);
const tokenData = () => xero.credentials.get(CREDENTIAL_ID).data.oauthTokenData as IDataObject;

beforeAll(async () => {
	xero = await startXero({ size: 2100 });
	customer = xero.sandbox.store.create(xero.tenantId, 'Contacts', { Name: 'Token Refresh Customer' }) as unknown as XeroContact;
});

beforeEach(() => {
	xero.sandbox.faults.clear();
	xero.sandbox.clearLog();
});

afterAll(async () => {
	await xero.close();
	figures.print();
	expect(xero.sandbox.specViolations).toEqual([]);
});

test(`${EXECUTIONS} executions starting at once with an expired token: one refresh, all succeed, nothing written twice`, async () => {
	const refreshes = xero.sandbox.tokens.refreshCount;
	const writes = xero.credentials.refreshes;
	const before = tokenData();
	xero.sandbox.tokens.expireAccessTokens();
	const tag = randomUUID();

	const runs: Array<Promise<XeroRun>> = [];
	for (let n = 0; n < EXECUTIONS; n++) {
		runs.push(
			n % 2 === 0
				? xero.run({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 5 })
				: xero.run({
						resource: 'salesInvoice',
						operation: 'create',
						contactId: byId(customer.ContactID),
						lineItems: { line: [{ Description: `Run ${n}`, Quantity: 1, UnitAmount: 3, AccountCode: '200' }] },
						additionalFields: { Reference: `${tag}-${n}` },
					}),
		);
	}
	const results = await Promise.all(runs);

	results.forEach((result) => {
		expect(result.error).toBeUndefined();
		expect(result.items.length).toBeGreaterThan(0);
	});
	expect(xero.sandbox.tokens.refreshCount).toBe(refreshes + 1);
	expect(xero.credentials.refreshes).toBe(writes + 1);
	const after = tokenData();
	expect(after.refresh_token).not.toBe(before.refresh_token);
	expect(after.access_token).not.toBe(before.access_token);
	for (let n = 1; n < EXECUTIONS; n += 2) expect(org().Invoices.filter((invoice) => invoice.Reference === `${tag}-${n}`)).toHaveLength(1);

	const unauthorised = xero.sandbox.log.filter((entry) => entry.status === 401).length;
	expect(unauthorised).toBeGreaterThanOrEqual(1);
	// A 401 is refused before Xero acts: each create reached the handler once.
	const created = xero.sandbox.log.filter((entry) => entry.method === 'PUT' && entry.status === 200);
	expect(created).toHaveLength(EXECUTIONS / 2);

	// The rotated token is the one stored: the next execution needs no refresh.
	const next = await xero.run({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 1 });
	expect(next.error).toBeUndefined();
	expect(xero.sandbox.tokens.refreshCount).toBe(refreshes + 1);

	figures.set('concurrent executions with an expired token', EXECUTIONS);
	figures.set('401s answered', unauthorised);
	figures.set('refreshes made', xero.sandbox.tokens.refreshCount - refreshes);
	figures.set('failed executions', results.filter((result) => result.error).length);
});

test('a token that expires in the middle of a paged read: refreshed once, every document read exactly once', async () => {
	const expected = org()
		.Invoices.filter((invoice) => invoice.Type === 'ACCREC')
		.map((invoice) => invoice.InvoiceID);
	expect(expected.length).toBeGreaterThan(2000);
	const refreshes = xero.sandbox.tokens.refreshCount;
	// Page 1 is held back; while it is on its way, 31 minutes pass on Xero's clock.
	xero.sandbox.faults.add({ method: 'GET', path: '/Invoices', action: { kind: 'delay', ms: 300 } });
	const reading = xero.run({ resource: 'salesInvoice', operation: 'getAll', returnAll: true, simplify: false });
	const pageOne = await until(() => xero.sandbox.log.find((entry) => entry.path.endsWith('/Invoices') && entry.query.page === '1'));
	const offset = xero.sandbox.clock.offsetMs;
	xero.sandbox.clock.offsetMs += 31 * 60 * 1000;
	const { items, error } = await reading;
	xero.sandbox.clock.offsetMs = offset;
	expect(pageOne.status).toBe(200);

	expect(error).toBeUndefined();
	const ids = items.map((item) => String(item.json.InvoiceID));
	expect(ids).toHaveLength(expected.length);
	expect(new Set(ids).size).toBe(ids.length);
	expect([...ids].sort()).toEqual([...expected].sort());
	expect(xero.sandbox.tokens.refreshCount).toBe(refreshes + 1);

	const pages = xero.sandbox.log.filter((entry) => entry.path.endsWith('/Invoices'));
	expect(pages.map((entry) => [entry.query.page, entry.status])).toEqual([
		['1', 200],
		['2', 401],
		['2', 200],
		['3', 200],
	]);
	figures.set('invoices read across an expiry', ids.length);
	figures.set('pages read (one refused with 401 and retried)', pages.length);
});

test('the token endpoint failing once (503) while refreshing: retried, one refresh, nothing lost', async () => {
	const refreshes = xero.sandbox.tokens.refreshCount;
	xero.sandbox.tokens.expireAccessTokens();
	xero.sandbox.faults.add({ method: 'POST', path: '/connect/token', action: { kind: 'status', status: 503 } });
	const { items, error } = await xero.run({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 3 });
	expect(error).toBeUndefined();
	expect(items).toHaveLength(3);
	expect(xero.sandbox.tokens.refreshCount).toBe(refreshes + 1);
	expect(xero.sandbox.log.map((entry) => `${entry.method} ${entry.path.replace('/api.xro/2.0', '')} ${entry.status}`)).toEqual([
		'GET /Contacts 401',
		'POST /connect/token 503',
		'GET /Contacts 401',
		'POST /connect/token 200',
		'GET /Contacts 200',
	]);
});

async function until<T>(find: () => T | undefined, timeoutMs = 5000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = find();
		if (found) return found;
		if (Date.now() > deadline) throw new Error('Timed out waiting for the sandbox');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

test('the token endpoint down while refreshing: retried, then an error that blames it and does not ask to reconnect', async () => {
	const refreshes = xero.sandbox.tokens.refreshCount;
	xero.sandbox.tokens.expireAccessTokens();
	xero.sandbox.faults.add({ method: 'POST', path: '/connect/token', times: Infinity, action: { kind: 'status', status: 503 } });
	try {
		const { error } = await xero.run({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 3 });
		expect(error?.message).toBe("Xero's sign-in service answered 503 while refreshing the access token");
		expect(error?.description).toMatch(/no need to reconnect/);
		const tokenCalls = xero.sandbox.log.filter((entry) => entry.path === '/connect/token');
		expect(tokenCalls.map((entry) => entry.status)).toEqual([503, 503, 503, 503, 503]);
		expect(xero.sandbox.tokens.refreshCount).toBe(refreshes);
	} finally {
		xero.sandbox.faults.clear();
	}
	// Once the service is back, the same credential works.
	const { items, error } = await xero.run({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 3 });
	expect(error).toBeUndefined();
	expect(items).toHaveLength(3);
	expect(xero.sandbox.tokens.refreshCount).toBe(refreshes + 1);
});
