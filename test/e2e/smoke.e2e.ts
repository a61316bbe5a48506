/**
 * A real n8n 2.x loads this package, runs workflows from the CLI and serves them, against the
 * local Xero sandbox. The first run installs Node 24 and n8n into the cache (minutes).
 */
import { join } from 'path';

import { declaredTypes, PACKAGE_NAME, REPO_ROOT } from './install';
import { nodeOutput } from './n8n';
import { startStack, type Stack } from './stack';

const FIXTURES = join(__dirname, 'fixtures');
const FIXTURE_PACKAGE = join(FIXTURES, 'n8n-nodes-e2e-fixture');

describe('n8n with this package', () => {
	let stack: Stack;

	beforeAll(async () => {
		// The fixture package proves the loading mechanics independently of this package's build.
		stack = await startStack({ sandboxSize: 5, n8n: { packages: [REPO_ROOT, FIXTURE_PACKAGE] } });
	});

	afterAll(async () => {
		await stack?.stop();
	});

	it('loads every node and credential the package declares', async () => {
		const declared = declaredTypes();
		expect(declared.nodes.length).toBeGreaterThan(0);
		const nodeTypes = await stack.n8n.nodeTypes();
		expect(nodeTypes).toEqual(expect.arrayContaining([...declared.nodes, 'n8n-nodes-e2e-fixture.e2eFixture']));
		expect(await stack.n8n.credentialTypes()).toEqual(expect.arrayContaining(declared.credentials));
		expect(stack.n8n.log).not.toMatch(new RegExp(`Failed to load package "${PACKAGE_NAME}"`));
	});

	it('runs a workflow with an expression and a community node from the CLI', async () => {
		const id = await stack.importWorkflow(join(FIXTURES, 'fixture-workflow.json'));
		const result = await stack.executeWorkflow(id, 'cli');
		expect(result.ok).toBe(true);
		const [item] = nodeOutput(result.run, 'Fixture');
		expect(item).toMatchObject({ sum: 3, tag: 'seen-3' });
		// Community nodes get n8n's own n8n-workflow, not this repository's copy.
		expect(item.workflowPackage).toContain(join('n8n-2.41.1-node-24.21.0', 'node_modules', 'n8n-workflow'));
		expect(item.nodeVersion).toMatch(/^v24\./);

		const [execution] = await stack.n8n.executions(id);
		expect(execution).toMatchObject({ status: 'success', mode: 'cli' });
	});

	it('reaches the sandbox through the imported OAuth2 credential, in the server and from the CLI', async () => {
		const id = await stack.importWorkflow(join(FIXTURES, 'xero-organisations.json'));
		const tenants = stack.sandbox.tenants.map((t) => t.tenantId).sort();
		for (const via of ['server', 'cli'] as const) {
			stack.sandbox.clearLog();
			const result = await stack.executeWorkflow(id, via);
			if (!result.ok) throw new Error(`${via} run failed:\n${JSON.stringify(result.run?.data?.resultData?.error ?? result)}`);
			expect(nodeOutput(result.run, 'Connections').map((c) => c.tenantId).sort()).toEqual(tenants);
			expect(nodeOutput(result.run, 'Organisation')).toHaveLength(tenants.length);
			// The bearer token of the imported credential was accepted by the sandbox.
			expect(stack.sandbox.log).toEqual(expect.arrayContaining([expect.objectContaining({ path: '/connections', status: 200 })]));
		}
	});

	it('refreshes an expired token against the sandbox in the server', async () => {
		const id = await stack.importWorkflow(join(FIXTURES, 'xero-organisations.json'));
		stack.sandbox.tokens.expireAccessTokens();
		const refreshes = stack.sandbox.tokens.refreshCount;
		const result = await stack.executeWorkflow(id);
		expect(result.ok).toBe(true);
		expect(stack.sandbox.tokens.refreshCount).toBe(refreshes + 1);
	});

	it('receives signed webhook deliveries from the sandbox in an active workflow', async () => {
		const id = await stack.importWorkflow(join(FIXTURES, 'xero-webhook.json'));
		const url = await stack.subscribeWebhookTrigger(id, 'Xero Webhook');
		expect(url).toBe(stack.webhookUrl('6f1d2e3c-4b5a-4978-8a6b-5c4d3e2f1a01/xero'));

		// Xero's "Intent to Receive": n8n must hand the node the raw body to check signatures.
		const intent = await stack.sandbox.webhooks.intentToReceive(url);
		expect(intent).toEqual({ passed: true, detail: expect.any(String) });

		const [tenant] = stack.sandbox.tenants;
		const contact = stack.sandbox.store.create(tenant.tenantId, 'Contacts', { Name: 'E2E Webhook Contact' }) as {
			ContactID: string;
		};
		await stack.sandbox.webhooks.settle();
		const [execution] = await stack.n8n.waitForExecutions(id, 1);
		expect(execution).toMatchObject({ status: 'success', mode: 'webhook' });
		const events = nodeOutput(await stack.n8n.execution(execution.id), 'Xero Webhook');
		expect(events).toEqual(expect.arrayContaining([expect.objectContaining({ resourceId: contact.ContactID })]));
	});
});
