/**
 * The example workflows of workflows/, imported into a real n8n 2.41.1 with this package and run
 * against the Xero sandbox: one stack for all of them (starting n8n takes most of the time).
 */
import type { WorkflowJson } from '../n8n';
import { AGENCY, importAll, startContext, type Context } from './support/context';
import { loadWorkflow, nodeOf, setField, withOwnCredentials, workflowFiles, type ExampleWorkflow } from './support/files';
import { startReceiver, type Receiver } from './support/receiver';
import { importSuite } from './suites/imports';
import { agentSuite } from './suites/agent';
import { clientsSuite } from './suites/clients';
import { ordersSuite } from './suites/orders';
import { organicSuite } from './suites/organic';
import { salesSuite } from './suites/sales';
import { syncSuite } from './suites/sync';

const FOREIGN_CREDENTIAL = { id: 'notOnThisServer1', name: 'A credential of another n8n' };

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
	workflows.sales = loadWorkflow('4-sales-from-other-system.json');
	workflows.salesRetry = loadWorkflow('4-retry-failed-sales.json');
	workflows.salesAgency = withOwnCredentials(
		workflows.sales as ExampleWorkflow,
		{ xeroAccountingOAuth2Api: AGENCY.xero, httpHeaderAuth: AGENCY.hook },
		'agency',
	);
	// As found by an n8n that has none of the credentials the file names.
	workflows.foreign = withOwnCredentials(
		loadWorkflow('5-dispatched-orders.json'),
		{ xeroAccountingOAuth2Api: FOREIGN_CREDENTIAL, httpHeaderAuth: FOREIGN_CREDENTIAL },
		'foreign',
	);
	workflows.orders = loadWorkflow('5-dispatched-orders.json');
	const tracked = loadWorkflow('5-dispatched-orders.json');
	setField(tracked, 'Settings', 'processMethod', 'tracked');
	const hook = nodeOf(tracked, 'Order dispatched');
	hook.parameters.path = 'orders/dispatched-tracked';
	hook.webhookId = '5d8f2a6b-1c3e-4f7a-9b2d-6e4c8a0f1d72';
	workflows.ordersTracked = { ...tracked, name: `${tracked.name} (tracked)` };
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
	salesSuite(() => context);
	ordersSuite(() => context);

	describe('Xero API use', () => {
		it('every request was valid against Xero\'s OpenAPI spec', () => {
			expect(context.sandbox.specViolations).toEqual([]);
		});
	});
});
