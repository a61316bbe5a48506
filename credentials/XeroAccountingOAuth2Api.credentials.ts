import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { apiUrlProperty, scopeProperties, XERO_AUTHORIZE_URL, XERO_TOKEN_URL } from './xeroCredentialShared';

/** Xero's standard OAuth2 app: a person consents once, n8n refreshes the 30-minute token. */
export class XeroAccountingOAuth2Api implements ICredentialType {
	name = 'xeroAccountingOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Xero Accounting OAuth2 API';

	documentationUrl = 'https://developer.xero.com/documentation/guides/oauth2/auth-flow/';

	icon: Icon = { light: 'file:../icons/xero.svg', dark: 'file:../icons/xero.dark.svg' };

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'hidden', default: XERO_AUTHORIZE_URL },
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'hidden', default: XERO_TOKEN_URL },
		// offline_access is what makes Xero issue a refresh token, so n8n can refresh without the user.
		...scopeProperties('offline_access'),
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'header' },
		apiUrlProperty,
	];
}
