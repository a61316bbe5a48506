import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { apiUrlProperty, scopeProperties, XERO_TOKEN_URL } from './xeroCredentialShared';

/**
 * Xero custom connection: client-credentials grant for one organisation, no person present.
 * Suited to servers running schedules; Xero offers it in some regions as a paid app type.
 */
export class XeroAccountingCustomConnectionOAuth2Api implements ICredentialType {
	name = 'xeroAccountingCustomConnectionOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Xero Accounting Custom Connection OAuth2 API';

	documentationUrl = 'https://developer.xero.com/documentation/guides/oauth2/custom-connections/';

	icon: Icon = { light: 'file:../icons/xero.svg', dark: 'file:../icons/xero.dark.svg' };

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'clientCredentials' },
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'hidden', default: XERO_TOKEN_URL },
		// A custom connection has no refresh token: n8n asks for a new access token when one expires.
		...scopeProperties(''),
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'header' },
		apiUrlProperty,
	];
}
