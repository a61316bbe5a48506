import { Credentials, getAdditionalKeys } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialsExpressionResolveValues,
	IDataObject,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentials,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	INodeTypes,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { deepCopy, ICredentialsHelper, isExpression, NodeHelpers, UnexpectedError, Workflow } from 'n8n-workflow';

import type { CredentialTypes } from './loader';
import { HARNESS_ITEMS } from './loader';

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

export interface TokenUpdate {
	id: string;
	type: string;
	oauthTokenData: IDataObject;
}

/**
 * In-memory stand-in for n8n's credentials table (data round-trips through JSON like the DB),
 * plus the instance's credential overwrites (n8n's CREDENTIALS_OVERWRITE_DATA).
 */
export class TestCredentials {
	private readonly rows = new Map<string, { name: string; type: string; json: string }>();

	/** Every OAuth token write by n8n (a refresh, or a client-credentials token fetch), in order. */
	readonly tokenUpdates: TokenUpdate[] = [];

	constructor(readonly overwrites: Record<string, ICredentialDataDecryptedObject> = {}) {}

	set(id: string, type: string, data: ICredentialDataDecryptedObject, name = id): void {
		this.rows.set(id, { name, type, json: JSON.stringify(data) });
	}

	get(id: string): StoredCredential {
		const row = this.rows.get(id);
		if (!row) throw new UnexpectedError(`No credential with id "${id}"`);
		return { id, name: row.name, type: row.type, data: JSON.parse(row.json) };
	}

	/** `node.credentials` entry for a stored credential. */
	ref(id: string): INodeCredentials {
		const { type, name } = this.get(id);
		return { [type]: { id, name } };
	}

	get refreshes(): number {
		return this.tokenUpdates.length;
	}

	/** Overwrites for a type and its parents, parents first (n8n's CredentialsOverwrites.get). */
	overwritesFor(type: string, parentTypes: string[]): ICredentialDataDecryptedObject {
		return Object.assign({}, ...[...parentTypes].reverse().map((t) => this.overwrites[t]), this.overwrites[type]);
	}
}

// Hidden OAuth fields that n8n 2.41 always takes from the credential type, ignoring stored values.
const OAUTH_PINNED_FIELDS = [
	'useDynamicClientRegistration',
	'authUrl',
	'accessTokenUrl',
	'grantType',
	'authentication',
	'usePkce',
];

/** n8n's CredentialsHelper (packages/cli) reduced to what runs without a database. */
export class CredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly types: CredentialTypes,
		private readonly store: TestCredentials,
		private readonly nodeTypes: INodeTypes,
	) {
		super();
	}

	getParentTypes(name: string): string[] {
		return this.types.getParentTypes(name);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		if (!this.types.has(credentialType)) return true;
		if (!this.types.get(credentialType).restrictToSupportedNodes) return true;
		return this.types.getSupportedNodes(credentialType).includes(nodeType);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.types.get(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate?.type === 'generic') {
			if (!workflow || !node) throw new UnexpectedError('Generic authentication needs a workflow and node');
			const resolve = (value: unknown) =>
				isExpression(value) ? String(this.resolve(workflow, node, value, credentials) || '') : (value as string);
			const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
			for (const [outerKey, entries] of Object.entries(authenticate.properties)) {
				target[outerKey] ??= {};
				for (const [key, value] of Object.entries(entries as IDataObject)) {
					target[outerKey][resolve(key)] = resolve(value);
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.types.get(typeName);
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;

		const output = (await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
		if (output[expirable.name] === undefined) return undefined;
		const ref = node.credentials?.[typeName];
		if (ref?.id) this.store.set(ref.id, typeName, { ...this.store.get(ref.id).data, ...output }, ref.name);
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const { preAuthentication } = this.types.get(typeName);
		if (typeof preAuthentication !== 'function') return undefined;
		return ((await preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject) ?? undefined;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		const row = this.row(nodeCredentials, type);
		const credentials = new Credentials({ id: row.id, name: row.name }, type);
		await credentials.setData(row.data);
		return credentials;
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.row(nodeCredentials, type).data;
		if (raw === true) return stored;

		const properties = this.getCredentialsProperties(type);
		const data = { ...stored };
		for (const field of OAUTH_PINNED_FIELDS) {
			if (properties.some((p) => p.name === field && p.type === 'hidden')) delete data[field];
		}
		// Overwrites only fill empty fields; then the type's defaults fill the rest.
		const overwrites = this.store.overwritesFor(type, this.getParentTypes(type));
		for (const [key, value] of Object.entries(overwrites)) {
			if (value !== '' && (data[key] === undefined || data[key] === null || data[key] === '')) data[key] = value;
		}
		let decrypted = NodeHelpers.getNodeParameters(
			properties,
			data as INodeParameters,
			true,
			false,
			null,
			null,
		) as IDataObject;
		if (stored.oauthTokenData !== undefined) decrypted.oauthTokenData = stored.oauthTokenData;

		// Expressions such as `={{ $self.x }}` resolve with $self bound to the credential data.
		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });
		if (expressionResolveValues) {
			const { workflow, runExecutionData, runIndex, itemIndex, node, connectionInputData } = expressionResolveValues;
			decrypted = workflow.expression.getParameterValue(
				decrypted as INodeParameters,
				runExecutionData,
				runIndex,
				itemIndex,
				node.name,
				connectionInputData,
				mode,
				additionalKeys,
				executeData,
				false,
				decrypted,
			) as IDataObject;
		} else {
			const mockNode: INode = {
				id: 'credential',
				name: '',
				type: HARNESS_ITEMS,
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			};
			const workflow = new Workflow({ nodes: [mockNode], connections: {}, active: false, nodeTypes: this.nodeTypes });
			decrypted = await workflow.expression.withIsolate(
				async () =>
					workflow.expression.getComplexParameterValue(
						mockNode,
						decrypted as INodeParameters,
						mode,
						additionalKeys,
						undefined,
						undefined,
						decrypted,
					) as IDataObject,
			);
		}
		return decrypted as ICredentialDataDecryptedObject;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const row = this.row(nodeCredentials, type);
		this.store.set(row.id, type, data, row.name);
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const row = this.row(nodeCredentials, type);
		const oauthTokenData = deepCopy(data.oauthTokenData as IDataObject);
		this.store.set(row.id, type, { ...row.data, oauthTokenData }, row.name);
		this.store.tokenUpdates.push({ id: row.id, type, oauthTokenData });
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const { properties, extends: parents } = this.types.get(type);
		if (!parents) {
			const tokenData: INodeProperties = {
				displayName: 'oauthTokenData',
				name: 'oauthTokenData',
				type: 'json',
				default: {},
			};
			return ['oAuth1Api', 'oAuth2Api'].includes(type) ? [...properties, tokenData] : properties;
		}
		const merged: INodeProperties[] = [];
		for (const parent of parents) NodeHelpers.mergeNodeProperties(merged, this.getCredentialsProperties(parent));
		// The type's own properties win over its parents'.
		NodeHelpers.mergeNodeProperties(merged, properties);
		return merged;
	}

	private resolve(workflow: Workflow, node: INode, value: string, credentials: ICredentialDataDecryptedObject) {
		return workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		);
	}

	// n8n looks credentials up by id and type; a mismatch is "not found".
	private row({ id, name }: INodeCredentialsDetails, type: string): StoredCredential {
		if (!id) throw new UnexpectedError(`Credential "${name}" has no id`);
		const row = this.store.get(id);
		if (row.type !== type) throw new UnexpectedError(`Credential "${id}" is a ${row.type}, not a ${type}`);
		return row;
	}
}
