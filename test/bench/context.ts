/**
 * Both sides of the benchmark against one sandbox: this package's nodes and n8n's built-in Xero
 * node, each with its own credential, run through the harness (real n8n-core executions).
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { HARNESS_ITEMS, REPO_ROOT, runWorkflow, TestCredentials, type NodeSpec, type SimpleConnection } from '../harness';
import { startSandbox, type XeroSandbox } from '../sandbox';
import { BUILTIN_CREDENTIAL, BUILTIN_NODE, ensureBuiltinPackage } from './builtin';
import { installWire, type Wire } from './intercept';

const OUR_CREDENTIAL = 'xeroAccountingOAuth2Api';

export interface BenchContext {
	sandbox: XeroSandbox;
	tenantId: string;
	/** Package root of this package (built) and of the extracted built-in node. */
	roots: { ours: string; builtin: string };
	credentials: { ours: TestCredentials; builtin: TestCredentials };
	wire: Wire;
	log: (line: string) => void;
}

export async function startBench(options: {
	seedSize: number;
	oursRoot?: string;
	log: (line: string) => void;
}): Promise<BenchContext> {
	const builtin = ensureBuiltinPackage(undefined, options.log);
	const sandbox = await startSandbox({ size: options.seedSize, validateResponses: false });
	const tenantId = sandbox.tenants[0].tenantId;

	// As in the node tests: the token URL is a hidden field, so only an instance overwrite moves it.
	const ours = new TestCredentials({ [OUR_CREDENTIAL]: { accessTokenUrl: `${sandbox.url}/connect/token` } });
	ours.set('xero', OUR_CREDENTIAL, {
		clientId: sandbox.client.clientId,
		clientSecret: sandbox.client.clientSecret,
		apiUrl: sandbox.url,
		oauthTokenData: sandbox.issueTokens() as unknown as IDataObject,
	});
	ours.set('webhook', 'xeroAccountingWebhookApi', { signingSecret: sandbox.webhooks.signingKey });
	// The built-in credential keeps Xero's own URLs: the wire sends them to the sandbox.
	const theirs = new TestCredentials();
	theirs.set('xero', BUILTIN_CREDENTIAL, {
		clientId: sandbox.client.clientId,
		clientSecret: sandbox.client.clientSecret,
		oauthTokenData: sandbox.issueTokens() as unknown as IDataObject,
	});

	return {
		sandbox,
		tenantId,
		roots: { ours: options.oursRoot ?? REPO_ROOT, builtin },
		credentials: { ours, builtin: theirs },
		wire: installWire(sandbox.url),
		log: options.log,
	};
}

/** One node of this package's action node, for the first organisation. */
export function ourNode(ctx: BenchContext, name: string, parameters: IDataObject, extra: Partial<NodeSpec> = {}): NodeSpec {
	return {
		...extra,
		name,
		type: 'xeroAccounting',
		credentials: ctx.credentials.ours.ref('xero'),
		parameters: {
			authentication: 'oAuth2',
			tenantId: { __rl: true, mode: 'id', value: ctx.tenantId },
			...parameters,
		} as INodeParameters,
	};
}

/** One node of n8n's built-in Xero node, for the first organisation. */
export function builtinNode(ctx: BenchContext, name: string, parameters: IDataObject, extra: Partial<NodeSpec> = {}): NodeSpec {
	return {
		...extra,
		name,
		type: BUILTIN_NODE,
		credentials: ctx.credentials.builtin.ref('xero'),
		parameters: { organizationId: ctx.tenantId, ...parameters } as INodeParameters,
	};
}

export type Side = 'ours' | 'builtin';

export interface FlowResult {
	/** Output items of each node, by name (empty when the node did not run). */
	outputs: Record<string, INodeExecutionData[]>;
	/** The execution's error, when the workflow failed. */
	error?: string;
}

/**
 * Runs `Input → each node` (every node fed by the input, once), as one manual execution of the
 * side's package; `input` defaults to one empty item.
 */
export async function runFlow(ctx: BenchContext, side: Side, nodes: NodeSpec[], input: IDataObject[] = [{}]): Promise<FlowResult> {
	const connections: SimpleConnection[] = nodes.map((node) => ['Input', node.name]);
	const result = await runWorkflow({
		root: ctx.roots[side],
		credentials: ctx.credentials[side],
		nodes: [{ name: 'Input', type: HARNESS_ITEMS, parameters: { items: input as INodeParameters[] } }, ...nodes],
		connections,
		startNode: 'Input',
	});
	const outputs: Record<string, INodeExecutionData[]> = {};
	for (const node of nodes) {
		try {
			outputs[node.name] = result.output(node.name);
		} catch {
			outputs[node.name] = [];
		}
	}
	const error = result.error
		? [result.error.message, (result.error as { description?: string }).description].filter(Boolean).join(': ')
		: undefined;
	return { outputs, error };
}

/** Output items that carry an item error (Continue On Fail), and the rest. */
export function splitErrors(items: INodeExecutionData[]): { ok: INodeExecutionData[]; failed: INodeExecutionData[] } {
	const ok: INodeExecutionData[] = [];
	const failed: INodeExecutionData[] = [];
	for (const item of items) (item.json.error !== undefined ? failed : ok).push(item);
	return { ok, failed };
}
