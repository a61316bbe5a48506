/**
 * The example workflows of workflows/, imported into a real n8n 2.41.1 with this package and run
 * against the Xero sandbox: one stack for all of them (starting n8n takes most of the time).
 */
import type { WorkflowJson } from '../n8n';
import { importAll, startContext, type Context } from './support/context';
import { loadWorkflow, nodeOf, workflowFiles } from './support/files';
import { startReceiver, type Receiver } from './support/receiver';
import { importSuite } from './suites/imports';
import { agentSuite } from './suites/agent';
import { clientsSuite } from './suites/clients';
import { organicSuite } from './suites/organic';
import { syncSuite } from './suites/sync';

let context: Context;
let receiver: Receiver;

function testWorkflows(): Record<string, WorkflowJson> {
	const workflows: Record<string, WorkflowJson> = {};
	for (const file of workflowFiles()) workflows[`file:${file}`] = loadWorkflow(file);

	for (const [key, file, path] of [
		['organicPurchases', '1-organic-purchases.json', '/purchases'],
		['organicSales', '1-organic-sales.json', '/sales'],
	] as const) {
		const workflow = loadWorkflow(file);
		nodeOf(workflow, 'Send to the traceability platform').parameters.url = `${receiver.url}${path}`;
		workflows[key] = workflow;
	}
	workflows.sync = loadWorkflow('2-sync-to-data-tables.json');
	workflows.matching = loadWorkflow('3-match-invoices-to-clients.json');
	workflows.monthEnd = loadWorkflow('3-month-end-draft-invoices.json');
	// A chat message pinned on the trigger lets a tool run on its own, as "Execute step" in the editor.
	workflows.agent = {
		...loadWorkflow('2-bookkeeping-agent.json'),
		pinData: { 'When chat message received': [{ json: { sessionId: 'e2e', action: 'sendMessage', chatInput: 'Hello' } }] },
	};
	return workflows;
}

beforeAll(async () => {
	const started = Date.now();
	receiver = await startReceiver();
	context = await startContext();
	await importAll(context, testWorkflows());
	process.stderr.write(`[e2e] workflows imported, ${((Date.now() - started) / 1000).toFixed(1)} s after start\n`);
});

afterAll(async () => {
	await context?.stack.stop();
	await receiver?.close();
});

describe('example workflows in n8n 2.41.1', () => {
	importSuite(() => context);
	organicSuite(
		() => context,
		() => receiver,
	);
	syncSuite(() => context);
	agentSuite(() => context);
	clientsSuite(() => context);

	describe('Xero API use', () => {
		it('every request was valid against Xero\'s OpenAPI spec', () => {
			expect(context.sandbox.specViolations).toEqual([]);
		});
	});
});
