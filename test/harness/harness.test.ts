import { createHmac } from 'crypto';
import { existsSync, readFileSync } from 'fs';
import { createServer, type IncomingMessage, type Server } from 'http';
import type { AddressInfo } from 'net';
import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';

import {
	buildNode,
	buildWorkflow,
	createAdditionalData,
	listSearch,
	loadOptions,
	loadPackage,
	REPO_ROOT,
	runPoll,
	runWebhook,
	runWorkflow,
	TestCredentials,
} from './index';

const root = join(__dirname, 'fixture');

describe('loadPackage', () => {
	it('loads a package as n8n does: prefixed node types, injected pollTimes, credential parents', async () => {
		const pkg = await loadPackage(root);
		expect(pkg.packageName).toBe('n8n-nodes-harness-fixture');
		const poll = pkg.nodeTypes.getByNameAndVersion('n8n-nodes-harness-fixture.fixturePoll');
		expect(poll.description.properties.map((p) => p.name)).toEqual(['pollTimes', 'available']);
		expect(pkg.credentialTypes.getParentTypes('fixtureOAuth2Api')).toEqual(['oAuth2Api']);
		expect(await loadPackage(root)).toBe(pkg);
	});

	it('loads this repository once it is built', async () => {
		const { n8n } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
		const files: string[] = [...n8n.nodes, ...n8n.credentials];
		if (files.every((file) => existsSync(join(REPO_ROOT, file)))) {
			const pkg = await loadPackage();
			expect(pkg.packageName).toBe('n8n-nodes-xero-accounting');
			expect(Object.keys(pkg.loader.nodeTypes)).toHaveLength(n8n.nodes.length);
		} else {
			await expect(loadPackage()).rejects.toThrow('npm run build');
		}
	});
});

describe('credential data', () => {
	it('is the stored data over instance overwrites over type defaults, with $self expressions resolved', async () => {
		const pkg = await loadPackage(root);
		const credentials = new TestCredentials({
			oAuth2Api: { clientId: 'overwritten', clientSecret: 'from-overwrite' },
			fixtureOAuth2Api: { accessTokenUrl: 'https://sandbox.test/token' },
		});
		credentials.set('c', 'fixtureOAuth2Api', {
			clientId: 'stored',
			access: 'read',
			accessTokenUrl: 'https://stored.invalid/token',
			apiUrl: 'https://api.test',
			notAProperty: 'dropped',
		});
		const additionalData = createAdditionalData({ pkg, credentials, workflowId: 'w' });
		const { credentialsHelper } = additionalData;
		const data = await credentialsHelper.getDecrypted(
			additionalData,
			{ id: 'c', name: 'c' },
			'fixtureOAuth2Api',
			'trigger',
		);
		expect(data).toEqual({
			useDynamicClientRegistration: false,
			grantType: 'authorizationCode',
			authUrl: 'https://identity.invalid/authorize',
			// Hidden OAuth endpoints ignore stored values: only an overwrite (or the type) sets them.
			accessTokenUrl: 'https://sandbox.test/token',
			clientId: 'stored',
			clientSecret: 'from-overwrite',
			scope: 'offline_access things.read',
			authQueryParameters: '',
			authentication: 'header',
			oauthTokenData: {},
			access: 'read',
			apiUrl: 'https://api.test',
		});
		expect(credentialsHelper.getParentTypes('fixtureOAuth2Api')).toEqual(['oAuth2Api']);
		expect(credentialsHelper.getParentTypes('fixtureSigningApi')).toEqual([]);
		expect(credentialsHelper.isCredentialUsableByNode('fixtureOAuth2Api', 'n8n-nodes-harness-fixture.fixtureApi')).toBe(
			true,
		);
	});
	it('applies generic authenticate rules with $credentials', async () => {
		const pkg = await loadPackage(root);
		const credentials = new TestCredentials();
		const { credentialsHelper } = createAdditionalData({ pkg, credentials, workflowId: 'w' });
		const node = buildNode(pkg, { name: 'Hook', type: 'fixtureWebhook' });
		const workflow = buildWorkflow(pkg, [node], {}, 'manual');
		const options = await credentialsHelper.authenticate(
			{ signingKey: 'k' },
			'fixtureSigningApi',
			{ url: 'x' },
			workflow,
			node,
		);
		expect(options.headers).toEqual({ 'X-Signing-Key': 'k' });
	});
});

describe('node methods', () => {
	it('runs loadOptions and listSearch in a LoadOptionsContext', async () => {
		const credentials = new TestCredentials();
		credentials.set('c', 'fixtureOAuth2Api', { clientId: 'id', clientSecret: 'secret', access: 'read' });
		const node = { name: 'API', type: 'fixtureApi', credentials: credentials.ref('c') };
		expect(await loadOptions({ root, node, credentials, method: 'getScopes' })).toEqual([
			{ name: 'offline_access', value: 'offline_access' },
			{ name: 'things.read', value: 'things.read' },
		]);
		expect(await listSearch({ root, node, method: 'searchPaths', filter: 'oth' })).toEqual({
			results: [{ name: '/other', value: '/other' }],
		});
	});
});

describe('runWorkflow', () => {
	it('runs a two-node workflow, evaluating expressions and pairing items', async () => {
		const result = await runWorkflow({
			root,
			executionId: 'execution-1',
			input: [{ name: 'Ada' }, { name: 'Grace' }],
			nodes: [{ name: 'Greeter', type: 'fixtureGreeter', parameters: { greeting: '={{ "Hello " + $json.name }}' } }],
		});
		expect(result.error).toBeUndefined();
		expect(result.run.status).toBe('success');
		expect(result.output('Greeter')).toEqual([
			{ json: { name: 'Ada', greeting: 'Hello Ada', executionId: 'execution-1' }, pairedItem: { item: 0 } },
			{ json: { name: 'Grace', greeting: 'Hello Grace', executionId: 'execution-1' }, pairedItem: { item: 1 } },
		]);
	});

	it('resolves $() references through paired items across nodes', async () => {
		const result = await runWorkflow({
			root,
			input: [{ name: 'Ada' }],
			nodes: [
				{ name: 'First', type: 'fixtureGreeter', parameters: { greeting: 'Hi' } },
				{
					name: 'Second',
					type: 'fixtureGreeter',
					parameters: { greeting: "={{ $('First').item.json.greeting + '!' }}" },
				},
			],
			connections: [['First', 'Second']],
		});
		expect(result.output('Second').map((item) => item.json.greeting)).toEqual(['Hi!']);
	});

	it('stops on a failing item, or continues with an error item when the node says so', async () => {
		const input = [{ name: 'Ada' }, { name: 'Broken', fail: true }];
		const failed = await runWorkflow({ root, input, nodes: [{ name: 'Greeter', type: 'fixtureGreeter' }] });
		expect(failed.run.status).toBe('error');
		expect(failed.error?.message).toBe('Item 1 asked to fail');

		const continued = await runWorkflow({
			root,
			input,
			nodes: [{ name: 'Greeter', type: 'fixtureGreeter', onError: 'continueRegularOutput' }],
		});
		expect(continued.error).toBeUndefined();
		expect(continued.output('Greeter')[1]).toEqual({
			json: { error: 'Item 1 asked to fail' },
			pairedItem: { item: 1 },
		});
	});

	it('gives harness.items binary data', async () => {
		const result = await runWorkflow({
			root,
			nodes: [
				{
					name: 'Files',
					type: 'harness.items',
					parameters: {
						items: [{ id: 1 }],
						binary: [
							{ data: { data: Buffer.from('hi').toString('base64'), mimeType: 'text/plain', fileName: 'hi.txt' } },
						],
					},
				},
			],
		});
		expect(result.output('Files')[0].binary?.data).toMatchObject({
			data: 'aGk=',
			mimeType: 'text/plain',
			fileName: 'hi.txt',
		});
	});
});

describe('OAuth2 credentials', () => {
	// A token endpoint that rotates refresh tokens, and an API that accepts only the latest access token.
	const state = { issued: 0, refreshToken: 'refresh-0', accessToken: '' };
	const tokenRequests: IDataObject[] = [];
	const apiAuthorization: string[] = [];
	let server: Server;
	let base = '';

	const readBody = async (req: IncomingMessage) => {
		let body = '';
		for await (const chunk of req) body += chunk;
		return body;
	};

	beforeAll(async () => {
		server = createServer(async (req, res) => {
			const reply = (status: number, body: unknown) => {
				res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
			};
			if (req.url === '/token') {
				const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
				tokenRequests.push({ ...form, authorization: req.headers.authorization });
				if (form.grant_type !== 'refresh_token' || form.refresh_token !== state.refreshToken) {
					return reply(400, { error: 'invalid_grant' });
				}
				state.issued++;
				state.accessToken = `access-${state.issued}`;
				state.refreshToken = `refresh-${state.issued}`;
				const { accessToken, refreshToken } = state;
				return reply(200, {
					access_token: accessToken,
					refresh_token: refreshToken,
					token_type: 'Bearer',
					expires_in: 1800,
				});
			}
			apiAuthorization.push(req.headers.authorization ?? '');
			if (req.headers.authorization !== `Bearer ${state.accessToken}`) return reply(401, { error: 'expired' });
			return reply(200, { ok: true });
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});

	afterAll(async () => await new Promise((resolve) => server.close(resolve)));

	it('refreshes once on 401, retries with the new token and stores the rotated refresh token', async () => {
		// The token URL is a hidden field, so only an instance overwrite can point it at the test server.
		const credentials = new TestCredentials({ fixtureOAuth2Api: { accessTokenUrl: `${base}/token` } });
		credentials.set('xero', 'fixtureOAuth2Api', {
			clientId: 'client',
			clientSecret: 'secret',
			access: 'read',
			apiUrl: base,
			accessTokenUrl: 'https://ignored.invalid/token',
			oauthTokenData: { access_token: 'stale', refresh_token: 'refresh-0', token_type: 'Bearer' },
		});
		const run = async () =>
			await runWorkflow({
				root,
				credentials,
				input: [{}],
				nodes: [{ name: 'API', type: 'fixtureApi', credentials: credentials.ref('xero') }],
			});

		const first = await run();
		expect(first.error).toBeUndefined();
		expect(first.output('API')[0].json).toEqual({ ok: true, scope: 'offline_access things.read' });
		expect(credentials.refreshes).toBe(1);
		expect(apiAuthorization).toEqual(['Bearer stale', 'Bearer access-1']);
		expect(tokenRequests).toEqual([
			{
				grant_type: 'refresh_token',
				refresh_token: 'refresh-0',
				authorization: `Basic ${Buffer.from('client:secret').toString('base64')}`,
			},
		]);
		expect(credentials.get('xero').data.oauthTokenData).toMatchObject({
			access_token: 'access-1',
			refresh_token: 'refresh-1',
			n8n_expires_at: expect.any(String),
		});

		// The next execution starts from the stored tokens: no refresh while the token works...
		await run();
		expect(credentials.refreshes).toBe(1);
		expect(apiAuthorization.slice(2)).toEqual(['Bearer access-1']);

		// ...and refreshes with the rotated refresh token once it expires.
		state.accessToken = '';
		const third = await run();
		expect(third.error).toBeUndefined();
		expect(credentials.refreshes).toBe(2);
		expect(tokenRequests[1].refresh_token).toBe('refresh-1');
		expect(apiAuthorization.slice(3)).toEqual(['Bearer access-1', 'Bearer access-2']);
		expect(credentials.tokenUpdates.map((update) => update.oauthTokenData.refresh_token)).toEqual([
			'refresh-1',
			'refresh-2',
		]);
	});
});

describe('runPoll', () => {
	const node = { name: 'Poll', type: 'fixturePoll', parameters: { available: 2 } };

	it('polls with static data kept in place between ticks', async () => {
		const staticData: IDataObject = {};
		expect(await runPoll({ root, node, staticData })).toEqual([[{ json: { id: 1 } }, { json: { id: 2 } }]]);
		expect(staticData).toEqual({ 'node:Poll': { seen: 2, polls: 1 } });

		expect(await runPoll({ root, node, staticData })).toBeNull();
		expect(staticData).toEqual({ 'node:Poll': { seen: 2, polls: 2 } });
		expect(() => structuredClone(staticData)).not.toThrow();

		const next = { ...node, parameters: { available: 3 } };
		expect(await runPoll({ root, node: next, staticData })).toEqual([[{ json: { id: 3 } }]]);
	});

	it('runs in manual mode like "Fetch test event"', async () => {
		expect(await runPoll({ root, node, mode: 'manual', staticData: {} })).toEqual([[{ json: { id: 2 } }]]);
	});

	it('rejects a poll interval under a minute, as activation does', async () => {
		const everySecond = { item: [{ mode: 'custom', cronExpression: '* * * * * *' }] };
		const fast = { ...node, parameters: { ...node.parameters, pollTimes: everySecond } };
		await expect(runPoll({ root, node: fast })).rejects.toThrow('at least a minute');
	});

	it("feeds a trigger execution with the poll's items", async () => {
		const triggerData = await runPoll({ root, node, staticData: {} });
		const result = await runWorkflow({
			root,
			mode: 'trigger',
			triggerData: triggerData!,
			nodes: [node, { name: 'Greeter', type: 'fixtureGreeter' }],
			connections: [['Poll', 'Greeter']],
		});
		expect(result.output('Greeter').map((item) => item.json.id)).toEqual([1, 2]);
	});
});

describe('runWebhook', () => {
	const credentials = new TestCredentials();
	credentials.set('signing', 'fixtureSigningApi', { signingKey: 'key' });
	const node = { name: 'Hook', type: 'fixtureWebhook', credentials: credentials.ref('signing') };
	const rawBody = Buffer.from(JSON.stringify({ events: [{ id: 'e1' }, { id: 'e2' }] }));
	const signature = createHmac('sha256', 'key').update(rawBody).digest('base64');

	it('lets the node answer 401 itself for a bad signature', async () => {
		const result = await runWebhook({
			root,
			node,
			credentials,
			request: { headers: { 'Content-Type': 'application/json', 'X-Fixture-Signature': 'forged' }, rawBody },
		});
		expect(result).toMatchObject({ status: 401, noWebhookResponse: true });
		expect(result.workflowData).toBeUndefined();
	});

	it('returns workflowData for a good signature and answers as n8n does', async () => {
		const staticData: IDataObject = {};
		const result = await runWebhook({
			root,
			node,
			credentials,
			staticData,
			request: { headers: { 'content-type': 'application/json', 'x-fixture-signature': signature }, rawBody },
		});
		// n8n 2.41 answers an onReceived webhook whose description has no responseData with this literal.
		expect(result).toMatchObject({ status: 200, body: 'firstEntryJson', responseMode: 'onReceived' });
		expect(result.workflowData).toEqual([[{ json: { id: 'e1' } }, { json: { id: 'e2' } }]]);
		expect(staticData).toEqual({ 'node:Hook': { received: 1 } });

		const run = await runWorkflow({
			root,
			mode: 'webhook',
			credentials,
			triggerData: result.workflowData,
			nodes: [node, { name: 'Greeter', type: 'fixtureGreeter' }],
			connections: [['Hook', 'Greeter']],
		});
		expect(run.output('Greeter').map((item) => item.json.id)).toEqual(['e1', 'e2']);
	});
});
