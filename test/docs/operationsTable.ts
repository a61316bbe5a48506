import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

/** The README's table of resources, operations and the Xero scope each needs, from the node itself. */
export function operationsTable(description: INodeTypeDescription): string {
	const resources = description.properties.find((p) => p.name === 'resource')!.options as INodePropertyOptions[];
	const rows = resources.map((resource) => {
		const picker = description.properties.find(
			(p: INodeProperties) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource.value),
		)!;
		const operations = (picker.options as INodePropertyOptions[]).map((operation) => {
			const scope = /\(scope: ([^)]*)\)/.exec(operation.description ?? '')?.[1];
			return scope ? `${operation.name} (\`${scope}\`)` : operation.name;
		});
		return `| ${resource.name} | ${operations.join('<br>')} |`;
	});
	return ['| Resource | Operations (Xero scope) |', '| --- | --- |', ...rows].join('\n');
}

export const TABLE_START = '<!-- operations:start -->';
export const TABLE_END = '<!-- operations:end -->';
