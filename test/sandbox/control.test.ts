import { spawn } from 'child_process';
import { join } from 'path';
import { startSandbox, type XeroSandbox } from './index';
import { apiClient, request, startReceiver } from './test-helpers';

describe('Xero sandbox: control API and command', () => {
	let sandbox: XeroSandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.close());

	const control = (method: string, route: string, body?: unknown) =>
		request(`${sandbox.url}/__sandbox/${route}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

	it('reports state and issues tokens for another process', async () => {
		const state = await control('GET', 'state');
		expect(state.status).toBe(200);
		expect(state.body).toMatchObject({ url: sandbox.url, tenants: sandbox.tenants, client: sandbox.client, webhookSigningKey: sandbox.webhooks.signingKey });
		expect(state.body.documents[sandbox.tenants[0].tenantId].Invoices).toBe(50);
		const tokens = await control('POST', 'tokens/issue', {});
		const api = apiClient(sandbox, 0, tokens.body.access_token);
		expect((await api.get('/Organisation')).status).toBe(200);
		expect((await control('POST', 'tokens/expire')).status).toBe(204);
		expect((await api.get('/Organisation')).status).toBe(401);
	});

	it('drives faults, rate limits, the clock and the log', async () => {
		const api = apiClient(sandbox);
		expect((await control('POST', 'faults', { method: 'GET', path: '/Currencies', times: 1, action: { kind: 'status', status: 503 } })).status).toBe(201);
		expect((await api.get('/Currencies')).status).toBe(503);
		expect((await api.get('/Currencies')).status).toBe(200);
		await control('POST', 'faults', { pathRegex: 'Currencies$', times: 'Infinity', action: { kind: 'status', status: 502 } });
		expect((await api.get('/Currencies')).status).toBe(502);
		await control('DELETE', 'faults');
		expect((await api.get('/Currencies')).status).toBe(200);

		await control('POST', 'rate-limit', { enabled: true, perMinute: 1 });
		expect((await api.get('/Currencies')).status).toBe(200);
		expect((await api.get('/Currencies')).status).toBe(429);
		const counters = await control('GET', 'rate-limit');
		expect(counters.body[0]).toMatchObject({ tenantId: sandbox.tenants[0].tenantId, minuteRemaining: 0 });
		await control('POST', 'rate-limit', { enabled: false });

		await control('POST', 'clock', { offsetMs: 31 * 60_000 });
		expect((await api.get('/Currencies')).status).toBe(401);
		await control('POST', 'clock', { offsetMs: 0 });

		const log = await control('GET', 'log');
		expect(log.body.length).toBeGreaterThan(5);
		expect(log.body.some((e: { status: number }) => e.status === 429)).toBe(true);
		await control('DELETE', 'log');
		expect((await control('GET', 'log')).body).toEqual([]);
		expect((await control('GET', 'spec-violations')).body).toEqual([]);
	});

	it('writes documents, runs webhooks and resets', async () => {
		const tenantId = sandbox.tenants[0].tenantId;
		const receiver = await startReceiver(() => ({ status: 200 }));
		try {
			await control('POST', 'webhooks/subscribe', { url: receiver.url });
			const created = await control('POST', `documents/${tenantId}/Contacts`, { Name: 'Control Contact' });
			expect(created.status).toBe(200);
			const updated = await control('POST', `documents/${tenantId}/Contacts/${created.body.ContactID}`, { EmailAddress: 'control@example.com' });
			expect(updated.body.EmailAddress).toBe('control@example.com');
			const invalid = await control('POST', `documents/${tenantId}/Contacts`, { Name: 'Control Contact' });
			expect(invalid.status).toBe(400);
			await sandbox.webhooks.settle();
			expect((await control('GET', 'webhooks/deliveries')).body.length).toBeGreaterThan(0);
			const itr = await control('POST', 'webhooks/intent-to-receive', { url: receiver.url });
			expect(itr.body.passed).toBe(false);
			await control('POST', 'webhooks/unsubscribe');
		} finally {
			await receiver.close();
		}
		const reset = await control('POST', 'reset', {});
		expect(reset.body.tenants).toEqual(sandbox.tenants);
		expect(sandbox.store.tenant(tenantId).Contacts.find((c) => c.Name === 'Control Contact')).toBeUndefined();
		const bigger = await control('POST', 'reset', { size: 30 });
		expect(bigger.body.documents[tenantId].PurchaseOrders).toBe(30);
		expect((await control('GET', 'nothing')).status).toBe(404);
	});

	it('runs as a command that prints what a client needs', async () => {
		const root = join(__dirname, '..', '..');
		const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin.js'), '--transpile-only', 'test/sandbox/cli.ts', '--port', '0', '--size', '5'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
		try {
			const output = await new Promise<string>((resolve, reject) => {
				let text = '';
				const timer = setTimeout(() => reject(new Error(`No banner: ${text}`)), 45_000);
				child.stdout.on('data', (chunk: Buffer) => {
					text += chunk.toString();
					if (text.includes('webhook key') && text.split('tenant ').length > 2) {
						clearTimeout(timer);
						resolve(text);
					}
				});
				child.on('exit', (code) => reject(new Error(`Exited ${code}: ${text}`)));
			});
			const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1];
			expect(output).toMatch(/client id\s+[0-9A-F]{32}/);
			expect(output).toContain('Green Fields Organic Ltd');
			const state = await request(`${url}/__sandbox/state`);
			expect(state.body.options).toMatchObject({ size: 5, seed: 1 });
		} finally {
			const exited = new Promise((resolve) => child.once('close', resolve));
			child.kill('SIGTERM');
			await exited;
		}
	}, 60_000);
});
