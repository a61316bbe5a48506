import { randomUUID } from 'crypto';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionError,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IVersionedNodeType,
	IWorkflowBase,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, deepCopy, UnexpectedError, Workflow } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { TestCredentials } from './credentials';
import { HARNESS_ITEMS, loadPackage, type LoadedPackage } from './loader';

/** A node as in workflow JSON; `type` may be short ('xeroAccounting'), id/typeVersion/position are filled in. */
export type NodeSpec = Partial<INode> & { name: string; type: string; parameters?: INodeParameters };

/** [from, to, fromOutput = 0, toInput = 0] on the main connection type. */
export type SimpleConnection = [from: string, to: string, fromOutput?: number, toInput?: number];

export const WORKFLOW_ID = 'harness-workflow';

/** Name of the `harness.items` node that `input` adds in front of the first node. */
export const INPUT_NODE = 'Input';

function latestVersion(type: INodeType | IVersionedNodeType): number {
	if ('nodeVersions' in type) return type.currentVersion;
	const { version } = type.description;
	return Array.isArray(version) ? Math.max(...version) : version;
}

export function buildNode(pkg: LoadedPackage, spec: NodeSpec, index = 0): INode {
	const type = pkg.fullType(spec.type);
	const nodeType = pkg.nodeTypes.getByName(type);
	const description = pkg.nodeTypes.getByNameAndVersion(type, spec.typeVersion).description;
	return {
		id: randomUUID(),
		typeVersion: latestVersion(nodeType),
		position: [index * 220, 0],
		// n8n gives every webhook node a webhookId when it is added to the canvas.
		...(description.webhooks?.length ? { webhookId: randomUUID() } : {}),
		...spec,
		type,
		parameters: deepCopy(spec.parameters ?? {}),
	};
}

export function buildWorkflow(
	pkg: LoadedPackage,
	nodes: INode[],
	connections: IConnections,
	mode: WorkflowExecuteMode,
	staticData?: IDataObject,
): Workflow {
	return new Workflow({
		id: WORKFLOW_ID,
		name: 'Harness workflow',
		nodes,
		connections,
		active: mode !== 'manual',
		nodeTypes: pkg.nodeTypes,
		// A copy: Workflow turns static data into observable proxies in place.
		staticData: deepCopy(staticData ?? {}),
		settings: { executionOrder: 'v1' },
	});
}

export function toConnections(connections: IConnections | SimpleConnection[] = []): IConnections {
	if (!Array.isArray(connections)) return deepCopy(connections);
	const result: IConnections = {};
	for (const [from, to, fromOutput = 0, toInput = 0] of connections) {
		const main = (result[from] ??= { main: [] }).main;
		while (main.length <= fromOutput) main.push([]);
		(main[fromOutput] ??= []).push({ node: to, type: 'main', index: toInput });
	}
	return result;
}

export interface RunOptions {
	nodes: NodeSpec[];
	connections?: IConnections | SimpleConnection[];
	/** Items for an `Input` (`harness.items`) node added in front of the first node. */
	input?: IDataObject[];
	credentials?: TestCredentials;
	/** Workflow static data before the run; not modified (see RunResult.staticData). */
	staticData?: IDataObject;
	/** Default 'manual'. Use 'trigger' or 'webhook' with `triggerData` for production runs. */
	mode?: WorkflowExecuteMode;
	/** Default: a fresh UUID. Nodes read it with this.getExecutionId(). */
	executionId?: string;
	/** Default: `Input`, else the first node with no incoming connection. */
	startNode?: string;
	/** Start node input, as n8n passes a trigger's emitted data (e.g. from runPoll or runWebhook). */
	triggerData?: INodeExecutionData[][];
	/** Package root; default this repository. */
	root?: string;
}

export interface RunResult {
	run: IRun;
	executionId: string;
	/** Items on a node's output in its last run; throws if the node did not run. */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	error?: ExecutionError;
	/** Static data after the run. */
	staticData: IDataObject;
	/** Whether n8n would write it to the database: it changed, and the mode is not 'manual'. */
	staticDataSaved: boolean;
}

/** Runs a workflow with n8n-core's WorkflowExecute, as n8n's WorkflowRunner does in-process. */
export async function runWorkflow(options: RunOptions): Promise<RunResult> {
	const pkg = await loadPackage(options.root);
	const mode = options.mode ?? 'manual';
	const executionId = options.executionId ?? randomUUID();
	const specs = [...options.nodes];
	const connections = toConnections(options.connections);
	if (options.input) {
		if (specs.some((node) => node.name === INPUT_NODE)) {
			throw new UnexpectedError(`"input" adds a node named "${INPUT_NODE}"; rename yours`);
		}
		specs.unshift({ name: INPUT_NODE, type: HARNESS_ITEMS, parameters: { items: options.input as INodeParameters[] } });
		const first = options.nodes[0]?.name;
		if (first) connections[INPUT_NODE] = { main: [[{ node: first, type: 'main', index: 0 }]] };
	}
	const nodes = specs.map((spec, index) => buildNode(pkg, spec, index));
	const workflow = buildWorkflow(pkg, nodes, connections, mode, options.staticData);

	const startName = options.startNode ?? nodes.find((node) => !workflow.connectionsByDestinationNode[node.name])?.name;
	const startNode = startName ? workflow.getNode(startName) : null;
	if (!startNode) throw new UnexpectedError(`No start node "${startName ?? ''}"`);

	const workflowData: IWorkflowBase = {
		id: WORKFLOW_ID,
		name: workflow.name ?? '',
		active: workflow.active,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes,
		connections,
		settings: workflow.settings,
	};
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	let staticDataSaved = false;
	// n8n's own hook saves static data only outside manual mode, and only when it changed.
	hooks.addHandler('workflowExecuteAfter', (_run, newStaticData) => {
		staticDataSaved = mode !== 'manual' && newStaticData !== undefined;
	});
	const additionalData = createAdditionalData({
		pkg,
		credentials: options.credentials ?? new TestCredentials(),
		workflowId: WORKFLOW_ID,
		executionId,
		hooks,
	});
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: startNode, data: { main: options.triggerData ?? [[{ json: {} }]] }, source: null }],
		},
	});
	const run = await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);
	const { runData, error } = run.data.resultData;

	return {
		run,
		executionId,
		error,
		staticData: deepCopy(workflow.staticData),
		staticDataSaved,
		output(nodeName, outputIndex = 0) {
			const runs = runData[nodeName];
			if (!runs?.length) {
				throw new UnexpectedError(`Node "${nodeName}" did not run; ran: ${Object.keys(runData).join(', ') || 'none'}`);
			}
			return runs[runs.length - 1].data?.main[outputIndex] ?? [];
		},
	};
}
