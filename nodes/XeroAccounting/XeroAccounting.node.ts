import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { authenticationProperty, organisationProperty, xeroCredentials } from '../shared/organisation';
import { resources } from './actions/resources';
import { router } from './actions/router';
import { listSearch, loadOptions } from './methods';

export class XeroAccounting implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Xero Accounting',
		name: 'xeroAccounting',
		icon: { light: 'file:../../icons/xero.svg', dark: 'file:../../icons/xero.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read and write Xero invoices, bills, purchase orders, payments, contacts, credit notes, bank transactions and reports',
		defaults: { name: 'Xero Accounting' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: xeroCredentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: Object.entries(resources)
					.map(([value, resource]) => ({ name: resource.name, value }))
					.sort((a, b) => a.name.localeCompare(b.name)),
				default: 'contact',
			},
			organisationProperty,
			...Object.values(resources).flatMap((resource) => resource.description),
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
