/**
 * One stack (real n8n 2.41.1 with this package, and the Xero sandbox) for every example workflow,
 * with the workflows imported as a user imports them, plus the edits each test needs.
 */
import type { XeroSandbox } from '../../../sandbox';
import { PACKAGE_NAME } from '../../install';
import type { N8n, WorkflowJson } from '../../n8n';
import { sleep } from '../../proc';
import { startStack, type Stack } from '../../stack';
import { DataTables } from './dataTables';
import { waitFor } from './wait';

/** The Header Auth credential the example webhooks reference; an agency creates its own. */
export const HOOK_CREDENTIAL = { id: 'exampleHeaderKey', name: 'Webhook key for other systems', type: 'httpHeaderAuth' } as const;
export const HOOK_HEADER = { name: 'X-Api-Key', value: 'e2e-4b8f0c2d9a7e6b1f' };

/** Credentials of another team, with ids and names the example workflows do not know. */
export const AGENCY = {
	xero: { id: 'agencyXeroOAuth2', name: 'Agency Xero', type: 'xeroAccountingOAuth2Api' },
	hook: { id: 'agencyHookKey001', name: 'Agency webhook key', type: 'httpHeaderAuth' },
	header: { name: 'X-Agency-Key', value: 'agency-secret' },
} as const;

export interface Context {
	stack: Stack;
	n8n: N8n;
	sandbox: XeroSandbox;
	tables: DataTables;
	/** The sandbox organisation the example workflows are set to ("Green Fields Organic Ltd"). */
	tenantId: string;
	/** Workflow id by key, filled by `importAll`. */
	ids: Record<string, string>;
}

export async function startContext(): Promise<Context> {
	const stack = await startStack({ sandboxSize: 25 });
	try {
		const { sandbox } = stack;
		await stack.n8n.importCredentials([
			{ ...HOOK_CREDENTIAL, data: { name: HOOK_HEADER.name, value: HOOK_HEADER.value } },
			{ ...AGENCY.hook, data: { name: AGENCY.header.name, value: AGENCY.header.value } },
			{
				...AGENCY.xero,
				data: { apiUrl: sandbox.url, clientId: sandbox.client.clientId, clientSecret: sandbox.client.clientSecret, oauthTokenData: sandbox.issueTokens() },
			},
		]);
	} catch (error) {
		await stack.stop();
		throw error;
	}
	const tenantId = stack.sandbox.tenants.find((tenant) => tenant.tenantName === 'Green Fields Organic Ltd')!.tenantId;
	return { stack, n8n: stack.n8n, sandbox: stack.sandbox, tables: new DataTables(stack.n8n), tenantId, ids: {} };
}

/** Imports every workflow with one CLI run (each run boots n8n). */
export async function importAll(context: Context, workflows: Record<string, WorkflowJson>): Promise<void> {
	const keys = Object.keys(workflows);
	const ids = await context.stack.importWorkflows(keys.map((key) => workflows[key]));
	keys.forEach((key, i) => (context.ids[key] = ids[i]));
}

async function finished(n8n: N8n, workflowId: string) {
	const executions = await n8n.executions(workflowId);
	return {
		count: executions.length,
		running: executions.some((execution) => ['new', 'running', 'waiting'].includes(execution.status)),
		executions,
	};
}

/** Waits until the workflow has no running execution and no new one for `quietMs`; returns the new ones. */
export async function settle(n8n: N8n, workflowId: string, before: number, quietMs = 1500, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	let last = -1;
	let stableSince = Date.now();
	for (;;) {
		const state = await finished(n8n, workflowId);
		if (state.count !== last || state.running) {
			last = state.count;
			stableSince = Date.now();
		} else if (Date.now() - stableSince >= quietMs) {
			return state.executions.slice(0, state.count - before);
		}
		if (Date.now() > deadline) throw new Error(`executions of ${workflowId} did not settle`);
		await sleep(200);
	}
}

export async function executionCount(n8n: N8n, workflowId: string): Promise<number> {
	return (await n8n.executions(workflowId)).length;
}

async function staticDataOf(n8n: N8n, workflowId: string): Promise<string> {
	const [row] = await n8n.sql<{ staticData: string | null }>('SELECT staticData FROM workflow_entity WHERE id = ?', [workflowId]);
	return row?.staticData ?? '';
}

/**
 * Activates a polling workflow (again): n8n polls each trigger once at activation, as at its next
 * scheduled time, and starts an execution for each poll that finds something. Activation returns
 * before the polls run, so this waits for one Xero request per trigger, then for the executions
 * to finish and for n8n to save the triggers' cursors (the next poll starts from them).
 */
export async function pollNow(context: Context, workflowId: string) {
	const { n8n, sandbox } = context;
	const before = await executionCount(n8n, workflowId);
	const staticBefore = await staticDataOf(n8n, workflowId);
	const workflow = await n8n.rest<{ active: boolean; nodes: Array<{ type: string; disabled?: boolean }> }>('GET', `/workflows/${workflowId}`);
	const pollers = workflow.nodes.filter((node) => node.type === `${PACKAGE_NAME}.xeroAccountingTrigger` && !node.disabled).length;
	if (workflow.active) await n8n.deactivate(workflowId);
	const since = Date.now();
	await n8n.activate(workflowId);
	await waitFor(`${pollers} polls of ${workflowId}`, () =>
		sandbox.log.filter((entry) => entry.ifModifiedSince && entry.started >= since && entry.ended > 0).length >= pollers ? true : undefined,
	);
	const started = await settle(n8n, workflowId, before);
	for (const execution of started) {
		if (execution.status !== 'success') {
			const detail = await n8n.execution(execution.id);
			throw new Error(`execution ${execution.id} ${execution.status}: ${JSON.stringify(detail.data?.resultData?.error)}`);
		}
	}
	if (started.length) await waitFor('the triggers\' cursors to be saved', async () => ((await staticDataOf(n8n, workflowId)) !== staticBefore ? true : undefined));
	return started;
}

/** Runs a workflow from one of its triggers, as "Execute workflow" in the editor does, and checks it succeeded. */
export async function runFrom(context: Context, workflowId: string, trigger: string) {
	const result = await context.n8n.run(workflowId, trigger);
	if (!result.ok) throw new Error(`run of ${trigger} failed: ${JSON.stringify(result.run.data?.resultData?.error ?? result.run.status)}`);
	return result.run;
}

const WEBHOOK_TYPES = ['n8n-nodes-base.webhook', `${PACKAGE_NAME}.xeroAccountingWebhookTrigger`];

/** Activates a workflow and waits until n8n has registered its production webhooks (activation returns first). */
export async function activateWebhooks(context: Context, workflowId: string): Promise<void> {
	const { n8n } = context;
	const workflow = await n8n.rest<{ nodes: Array<{ type: string }> }>('GET', `/workflows/${workflowId}`);
	const hooks = workflow.nodes.filter((node) => WEBHOOK_TYPES.includes(node.type)).length;
	await n8n.activate(workflowId);
	await waitFor(`the webhooks of ${workflowId}`, async () => {
		const [row] = await n8n.sql<{ count: number }>('SELECT COUNT(*) AS count FROM webhook_entity WHERE workflowId = ?', [workflowId]);
		return row.count >= hooks ? true : undefined;
	});
}
