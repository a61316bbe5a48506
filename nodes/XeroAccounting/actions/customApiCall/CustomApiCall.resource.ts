import type { INodeProperties } from 'n8n-workflow';

import * as call from './call.operation';

export { call };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customApiCall'] } },
		options: [
			{
				name: 'Call',
				value: 'call',
				description:
					'Call any Accounting API endpoint the other operations do not cover, such as /Quotes or /ManualJournals (scope: the one that endpoint needs, e.g. accounting.invoices for quotes; accounting.manualjournals for manual journals, added with the Custom scope preset)',
				action: 'Make a custom API call',
			},
		],
		default: 'call',
	},
	...call.description,
];
