import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Xero has no API that checks a webhook key, so this checks its shape only: Xero's webhook keys
 * are long base64 strings. Whether it is the right key shows at Intent to Receive.
 */
export async function xeroWebhookKeyShape(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const key = String(credential.data?.signingSecret ?? '');
	const unverified =
		"Xero offers no API to check a webhook key: run Intent to Receive in Xero's developer portal to prove it.";
	if (key.trim() === '') return { status: 'Error', message: 'Paste the Webhooks key of your Xero app.' };
	if (key !== key.trim() || /\s/.test(key)) {
		return { status: 'Error', message: 'The webhook key contains spaces or line breaks: copy it again without them.' };
	}
	if (/[-_]/.test(key)) {
		return {
			status: 'Error',
			message: 'This looks like a client secret, not the webhook key: copy the key shown under Webhooks in your Xero app.',
		};
	}
	if (!BASE64.test(key) || key.length < 32) {
		return {
			status: 'Error',
			message: `This does not look like a Xero webhook key (a long base64 string). ${unverified}`,
		};
	}
	return { status: 'OK', message: `The key has the shape of a Xero webhook key. ${unverified}` };
}
