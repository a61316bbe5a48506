/**
 * What the n8n editor would flag in an imported workflow, computed with n8n's own rules from the
 * node types the server offers: unknown node types or versions, missing required parameters, and
 * parameters the node does not have (left over from a renamed or removed one).
 */
import { NodeHelpers, type INodeTypeDescription } from 'n8n-workflow';

import type { N8n } from '../../n8n';
import type { WorkflowNode } from './files';

export async function nodeTypeDescriptions(n8n: N8n): Promise<INodeTypeDescription[]> {
	const login = await fetch(`${n8n.url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: n8n.owner.email, password: n8n.owner.password }),
	});
	const cookie = login.headers.getSetCookie().find((value) => value.startsWith('n8n-auth='));
	if (!cookie) throw new Error(`login failed: ${login.status}`);
	const response = await fetch(`${n8n.url}/types/nodes.json`, { headers: { cookie: cookie.split(';')[0] } });
	if (!response.ok) throw new Error(`GET /types/nodes.json: ${response.status}`);
	return (await response.json()) as INodeTypeDescription[];
}

export function descriptionOf(types: INodeTypeDescription[], node: Pick<WorkflowNode, 'type' | 'typeVersion'>) {
	return types.find(
		(type) => type.name === node.type && (Array.isArray(type.version) ? type.version.includes(node.typeVersion) : type.version === node.typeVersion),
	);
}

export function nodeProblems(types: INodeTypeDescription[], node: WorkflowNode): string[] {
	const description = descriptionOf(types, node);
	if (!description) return [`unknown node type ${node.type} v${node.typeVersion}`];
	const problems: string[] = [];
	const withDefaults = NodeHelpers.getNodeParameters(description.properties, node.parameters as never, true, false, node, description);
	const issues = NodeHelpers.getNodeParametersIssues(description.properties, { ...node, parameters: withDefaults ?? {} } as never, description);
	for (const [parameter, messages] of Object.entries(issues?.parameters ?? {})) problems.push(`${parameter}: ${messages.join('; ')}`);
	const known = new Set(description.properties.map((property) => property.name));
	for (const parameter of Object.keys(node.parameters)) if (!known.has(parameter)) problems.push(`unknown parameter "${parameter}"`);
	const credentialTypes = new Set((description.credentials ?? []).map((credential) => credential.name));
	// Nodes with generic authentication (HTTP Request) take a credential of the type chosen in a parameter.
	if (typeof node.parameters.genericAuthType === 'string') credentialTypes.add(node.parameters.genericAuthType);
	for (const type of Object.keys(node.credentials ?? {})) if (!credentialTypes.has(type)) problems.push(`credential type ${type} not used by the node`);
	return problems;
}
