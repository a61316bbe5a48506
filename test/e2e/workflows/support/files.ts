/** The example workflows as shipped in workflows/, and the edits a user makes after importing one. */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import { REPO_ROOT } from '../../install';
import type { WorkflowJson } from '../../n8n';

export const WORKFLOWS_DIR = join(REPO_ROOT, 'workflows');

export interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	[key: string]: unknown;
}

export interface ExampleWorkflow extends WorkflowJson {
	nodes: WorkflowNode[];
}

export function workflowFiles(): string[] {
	return readdirSync(WORKFLOWS_DIR)
		.filter((name) => name.endsWith('.json'))
		.sort();
}

export function loadWorkflow(file: string): ExampleWorkflow {
	return JSON.parse(readFileSync(join(WORKFLOWS_DIR, file), 'utf8')) as ExampleWorkflow;
}

export function nodeOf(workflow: ExampleWorkflow, name: string): WorkflowNode {
	const node = workflow.nodes.find((candidate) => candidate.name === name);
	if (!node) throw new Error(`${workflow.name} has no node "${name}"`);
	return node;
}

/** Sets one value of a Set node, as a user filling in the Settings node does. */
export function setField(workflow: ExampleWorkflow, nodeName: string, field: string, value: string): void {
	const assignments = (nodeOf(workflow, nodeName).parameters.assignments as { assignments: Array<{ name: string; value: unknown }> })
		.assignments;
	const assignment = assignments.find((candidate) => candidate.name === field);
	if (!assignment) throw new Error(`"${nodeName}" has no field ${field}`);
	assignment.value = value;
}

/**
 * The workflow as another team would have it after importing it into its own n8n and choosing
 * its own credentials in each node; its webhook paths are prefixed so both can be active here.
 */
export function withOwnCredentials(
	workflow: ExampleWorkflow,
	credentials: Record<string, { id: string; name: string }>,
	pathPrefix: string,
): ExampleWorkflow {
	const copy = JSON.parse(JSON.stringify(workflow)) as ExampleWorkflow;
	copy.name = `${workflow.name} (${pathPrefix})`;
	for (const node of copy.nodes) {
		for (const type of Object.keys(node.credentials ?? {})) {
			if (!credentials[type]) throw new Error(`no replacement for a ${type} credential`);
			node.credentials![type] = credentials[type];
		}
		if (node.type === 'n8n-nodes-base.webhook') {
			node.parameters.path = `${pathPrefix}/${String(node.parameters.path)}`;
			node.webhookId = `${String(node.webhookId).slice(0, -4)}beef`;
		}
	}
	return copy;
}
