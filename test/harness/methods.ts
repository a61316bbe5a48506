import { LoadOptionsContext } from 'n8n-core';
import type { INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { TestCredentials } from './credentials';
import { loadPackage } from './loader';
import { buildNode, buildWorkflow, type NodeSpec, WORKFLOW_ID } from './run';

interface MethodOptions {
	node: NodeSpec;
	/** Name in the node's `methods.loadOptions` or `methods.listSearch`. */
	method: string;
	credentials?: TestCredentials;
	/** The parameter asking, e.g. 'tenantId'; the '&x' paths of getCurrentNodeParameter hang off it. */
	parameter?: string;
	root?: string;
}

// The editor's /dynamic-node-parameters endpoints: a LoadOptionsContext over a one-node workflow.
async function setUp(options: MethodOptions, kind: 'loadOptions' | 'listSearch') {
	const pkg = await loadPackage(options.root);
	const node = buildNode(pkg, options.node);
	const workflow = buildWorkflow(pkg, [node], {}, 'internal');
	const nodeType = pkg.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const method = nodeType.methods?.[kind]?.[options.method];
	if (!method) throw new UnexpectedError(`${node.type} has no ${kind} method "${options.method}"`);
	const additionalData = createAdditionalData({
		pkg,
		credentials: options.credentials ?? new TestCredentials(),
		workflowId: WORKFLOW_ID,
	});
	const current = workflow.getNode(node.name)!;
	additionalData.currentNodeParameters = current.parameters;
	const path = `parameters.${options.parameter ?? options.method}`;
	return { method, context: new LoadOptionsContext(workflow, current, additionalData, path) };
}

export async function loadOptions(options: MethodOptions): Promise<INodePropertyOptions[]> {
	const { method, context } = await setUp(options, 'loadOptions');
	return await (method as (this: LoadOptionsContext) => Promise<INodePropertyOptions[]>).call(context);
}

export async function listSearch(
	options: MethodOptions & { filter?: string; paginationToken?: string },
): Promise<INodeListSearchResult> {
	const { method, context } = await setUp(options, 'listSearch');
	type Search = (this: LoadOptionsContext, filter?: string, token?: string) => Promise<INodeListSearchResult>;
	return await (method as Search).call(context, options.filter, options.paginationToken);
}
