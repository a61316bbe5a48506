import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import * as contact from './contact/Contact.resource';

export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

export interface Resource {
	/** Shown in the Resource picker. */
	name: string;
	/** Its operation picker followed by every operation's parameters. */
	description: INodeProperties[];
	operations: Record<string, Operation>;
}

function resource(name: string, module: { description: INodeProperties[] } & Record<string, unknown>): Resource {
	const operations: Record<string, Operation> = {};
	for (const [key, value] of Object.entries(module)) {
		if (key !== 'description' && value && typeof value === 'object' && 'execute' in value) {
			operations[key] = value as Operation;
		}
	}
	return { name, description: module.description, operations };
}

/** Every resource of the node, keyed by its parameter value. */
export const resources: Record<string, Resource> = {
	contact: resource('Contact', contact),
};
