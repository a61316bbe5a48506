import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { xeroWebhookKeyShape } from './credentialTest';
import { fetchCredentials, WEBHOOK_CREDENTIAL, webhookProperties } from './description';
import { receiveDelivery } from './receive';

/**
 * Receives Xero's webhook deliveries (contacts, invoices and bills, credit notes). Xero has no
 * API to register a webhook: it is set up by hand in the developer portal, so the lifecycle
 * methods below register nothing.
 */
export class XeroAccountingWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Xero Accounting Webhook Trigger',
		name: 'xeroAccountingWebhookTrigger',
		icon: { light: 'file:../../../icons/xero.svg', dark: 'file:../../../icons/xero.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["eventCategories"].join(", ")}}',
		description: 'Starts the workflow when Xero sends a webhook for a contact, invoice, bill or credit note',
		defaults: { name: 'Xero Accounting Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'xeroAccountingWebhookApi', required: true, testedBy: 'xeroWebhookKeyShape' },
			...fetchCredentials,
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'xero' }],
		properties: webhookProperties,
	};

	methods = { credentialTest: { xeroWebhookKeyShape } };

	webhookMethods = {
		default: {
			/** Nothing to look up at Xero; only checks that a webhook key is set. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const credentials = await this.getCredentials(WEBHOOK_CREDENTIAL);
				if (!String(credentials.signingSecret ?? '').trim()) {
					throw new NodeOperationError(this.getNode(), 'The Xero webhook credential has no Webhooks key', {
						description: 'Copy the key shown under Webhooks of your app in the Xero developer portal.',
					});
				}
				return true;
			},
			/** The webhook is created in Xero's developer portal (see the notice in the node). */
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			/** Likewise removed in the developer portal; Xero stops after 24 hours of failed deliveries. */
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery.call(this);
	}
}
