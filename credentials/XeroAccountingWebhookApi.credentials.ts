import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/** The webhook key of a Xero app: the Xero Accounting Webhook Trigger verifies deliveries with it. */
export class XeroAccountingWebhookApi implements ICredentialType {
	name = 'xeroAccountingWebhookApi';

	displayName = 'Xero Accounting Webhook Signing Key API';

	documentationUrl = 'https://developer.xero.com/documentation/guides/webhooks/configuring-your-server/';

	icon: Icon = { light: 'file:../icons/xero.svg', dark: 'file:../icons/xero.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook Key',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The "Webhooks key" shown under Webhooks of your app in the Xero developer portal. Xero signs every delivery with it.',
		},
	];

}
