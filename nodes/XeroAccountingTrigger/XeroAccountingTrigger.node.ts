import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchOrganisations, xeroCredentials } from '../shared/organisation';
import { pollingProperties } from './polling/description';
import { pollChanges } from './polling/poll';

/**
 * Polls Xero for new and changed documents. Separate from the webhook trigger: n8n treats a node
 * with `poll()` as a poller everywhere (it would poll on a schedule in webhook mode too, and a
 * manual run would call `poll()` instead of passing on the webhook's data).
 */
export class XeroAccountingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Xero Accounting Trigger',
		name: 'xeroAccountingTrigger',
		icon: { light: 'file:../../icons/xero.svg', dark: 'file:../../icons/xero.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when Xero invoices, bills, purchase orders, contacts, payments, credit notes, bank transactions, items or accounts change (polling every 15 minutes is recommended)',
		defaults: { name: 'Xero Accounting Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: xeroCredentials,
		properties: pollingProperties,
	};

	methods = { listSearch: { searchOrganisations } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollChanges.call(this);
	}
}
