import type {
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	INode,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

/** Every n8n context that may call Xero: actions, list loaders, polls, webhooks and their hooks. */
export type XeroContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions;

/** Credential type names, one per value of the nodes' Authentication parameter. */
export const XERO_APP_TYPE = 'xeroAccountingOAuth2Api';
export const XERO_CUSTOM_CONNECTION_TYPE = 'xeroAccountingCustomConnectionOAuth2Api';

/**
 * The credential type chosen by the node's Authentication parameter. Read from the node itself:
 * the parameter is a plain option, and each context type reads parameters with a different signature.
 */
export function credentialTypeOf(node: INode): string {
	return node.parameters.authentication === 'customConnection' ? XERO_CUSTOM_CONNECTION_TYPE : XERO_APP_TYPE;
}

const apiUrls = new WeakMap<object, Promise<string>>();

/** The credential's API host (Xero's, or the local sandbox's), read once per node run. */
export async function apiUrlOf(context: XeroContext): Promise<string> {
	let url = apiUrls.get(context);
	if (!url) {
		url = context
			.getCredentials(credentialTypeOf(context.getNode()))
			.then((credentials) => String(credentials.apiUrl || 'https://api.xero.com').replace(/\/+$/, ''));
		apiUrls.set(context, url);
	}
	return await url;
}
