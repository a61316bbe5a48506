import { PollContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INodeExecutionData,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	TriggerTime,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { deepCopy, isSubMinuteCron, toCronExpression, UnexpectedError, UserError } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { TestCredentials } from './credentials';
import { fakeRequest, FakeResponse, type WebhookRequest } from './express-fakes';
import { loadPackage } from './loader';
import { buildNode, buildWorkflow, type NodeSpec, WORKFLOW_ID } from './run';

type Response = NonNullable<IWorkflowExecuteAdditionalData['httpResponse']>;

interface TriggerOptions {
	node: NodeSpec;
	credentials?: TestCredentials;
	/** The workflow's static data; updated in place after the call (see README). */
	staticData?: IDataObject;
	root?: string;
}

// Copy the workflow's (proxied) static data back into the caller's plain object.
function writeBack(target: IDataObject | undefined, source: IDataObject) {
	if (!target) return;
	for (const key of Object.keys(target)) delete target[key];
	Object.assign(target, deepCopy(source));
}

async function setUp(options: TriggerOptions, mode: WorkflowExecuteMode) {
	const pkg = await loadPackage(options.root);
	const node = buildNode(pkg, options.node);
	const workflow = buildWorkflow(pkg, [node], {}, mode, options.staticData);
	const nodeType = pkg.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const additionalData = createAdditionalData({
		pkg,
		credentials: options.credentials ?? new TestCredentials(),
		workflowId: WORKFLOW_ID,
	});
	// Nodes get the instance of the workflow, whose parameters carry the defaults.
	return { workflow, node: workflow.getNode(node.name)!, nodeType, additionalData };
}

export interface PollOptions extends TriggerOptions {
	/** 'trigger' (default): a tick of an active workflow; 'manual': "Fetch test event". */
	mode?: 'trigger' | 'manual';
	/** Default 'activate'; ignored in manual mode, where n8n uses 'manual'. */
	activation?: WorkflowActivateMode;
}

/** Runs the node's poll() in a real PollContext, as one tick of n8n's poll executor. */
export async function runPoll(options: PollOptions): Promise<INodeExecutionData[][] | null> {
	const mode = options.mode ?? 'trigger';
	const { workflow, node, nodeType, additionalData } = await setUp(options, mode);
	if (!nodeType.poll) throw new UnexpectedError(`${node.type} has no poll()`);
	const activation = mode === 'manual' ? 'manual' : (options.activation ?? 'activate');
	const context = new PollContext(workflow, node, additionalData, mode, activation);

	if (mode === 'trigger') {
		// The check n8n makes when activating a polling workflow.
		const pollTimes = context.getNodeParameter('pollTimes') as { item?: TriggerTime[] };
		if ((pollTimes.item ?? []).map(toCronExpression).some(isSubMinuteCron)) {
			throw new UserError('The polling interval is too short. It has to be at least a minute.');
		}
	}
	try {
		return await nodeType.poll.call(context);
	} finally {
		// The active workflow keeps changes in memory even when poll() throws.
		writeBack(options.staticData, workflow.staticData);
	}
}

export interface WebhookOptions extends TriggerOptions {
	request: WebhookRequest;
	/** 'webhook' (default, production URL; 'trigger' is an alias) or 'manual' (test URL). */
	mode?: 'webhook' | 'trigger' | 'manual';
	/** Which of the node's webhooks was called; default 'default'. */
	webhookName?: string;
}

export interface WebhookResult extends IWebhookResponseData {
	/** The reply n8n would send now; 0 if it waits for the workflow (responseMode lastNode, responseNode, …). */
	status: number;
	body: unknown;
	headers: Record<string, string>;
	responseMode: string;
}

/**
 * Calls the node's webhook() in a real WebhookContext with a fake request/response, and
 * answers the way n8n's webhook helpers do when the node does not answer itself.
 */
export async function runWebhook(options: WebhookOptions): Promise<WebhookResult> {
	const mode = options.mode === 'manual' ? 'manual' : 'webhook';
	const { workflow, node, nodeType, additionalData } = await setUp(options, mode);
	const name = options.webhookName ?? 'default';
	const description = nodeType.description.webhooks?.find((webhook) => webhook.name === name);
	if (!nodeType.webhook || !description) throw new UnexpectedError(`${node.type} has no webhook "${name}"`);

	const req = fakeRequest(options.request);
	const res = new FakeResponse();
	const webhookData: IWebhookData = {
		httpMethod: req.method as IWebhookData['httpMethod'],
		node: node.name,
		path: String(description.path),
		webhookDescription: description,
		workflowId: WORKFLOW_ID,
		webhookId: node.webhookId,
		isTest: mode === 'manual',
		workflowExecuteAdditionalData: additionalData,
	};
	const context = new WebhookContext(
		workflow,
		node,
		{ ...additionalData, httpRequest: req, httpResponse: res as unknown as Response },
		mode,
		webhookData,
		[],
		null,
	);
	const result = await nodeType.webhook.call(context);
	writeBack(options.staticData, workflow.staticData);

	const resolve = (value: unknown, fallback: unknown) =>
		value === undefined
			? fallback
			: workflow.expression.getSimpleParameterValue(node, value as string, mode, {}, undefined, fallback as string);
	const responseMode = String(resolve(description.responseMode, 'onReceived'));
	const responseCode = Number(resolve(description.responseCode, 200));
	const reply = (status: number, body: unknown) => ({ ...result, status, body, headers: res.headers, responseMode });

	if (result.noWebhookResponse) return reply(res.statusCode, res.body);
	if (result.workflowData === undefined) {
		return reply(responseCode, result.webhookResponse ?? { message: 'Webhook call received' });
	}
	if (responseMode !== 'onReceived') return reply(0, undefined);
	// n8n 2.41 falls back to the literal 'firstEntryJson' here, so a node without responseData
	// in its webhook description gets that string as the reply body.
	const responseData = resolve(description.responseData, 'firstEntryJson');
	if (responseData === 'noData') return reply(responseCode, undefined);
	return reply(responseCode, responseData || (result.webhookResponse ?? { message: 'Workflow was started' }));
}
