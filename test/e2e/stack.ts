/**
 * The local Xero sandbox plus a real n8n with this package, wired together: credential
 * overwrites point n8n at the sandbox, and connected credentials are imported up front.
 */
import { XeroAccountingWebhookApi } from '../../credentials/XeroAccountingWebhookApi.credentials';
import { startSandbox, type XeroSandbox } from '../sandbox';
import { PACKAGE_NAME } from './install';
import { N8n, type CredentialImport, type N8nOptions, type RunOutput, type WorkflowJson } from './n8n';
import { ensureToolchain } from './toolchain';

/** Fixed ids and names, so workflow JSON files can reference these credentials. */
export const SANDBOX_CREDENTIALS = {
	oAuth2: { id: 'xeroSandboxOAuth', name: 'Xero (local sandbox)', type: 'xeroAccountingOAuth2Api' },
	customConnection: {
		id: 'xeroSandboxCustm',
		name: 'Xero custom connection (local sandbox)',
		type: 'xeroAccountingCustomConnectionOAuth2Api',
	},
	webhook: { id: 'xeroSandboxWebhk', name: 'Xero webhook key (local sandbox)', type: 'xeroAccountingWebhookApi' },
} as const;

/** CREDENTIALS_OVERWRITE_DATA: the credentials' hidden URLs, pointed at the sandbox. */
export function sandboxOverwrites(sandboxUrl: string): Record<string, Record<string, string>> {
	const tokenUrl = `${sandboxUrl}/connect/token`;
	return {
		xeroAccountingOAuth2Api: {
			apiUrl: sandboxUrl,
			authUrl: `${sandboxUrl}/identity/connect/authorize`,
			accessTokenUrl: tokenUrl,
		},
		xeroAccountingCustomConnectionOAuth2Api: { apiUrl: sandboxUrl, accessTokenUrl: tokenUrl },
	};
}

export interface StackOptions {
	/** Documents of each kind per sandbox organisation (default 25). */
	sandboxSize?: number;
	sandboxSeed?: number;
	/** Defaults: free ports. */
	sandboxPort?: number;
	n8nPort?: number;
	/** Passed on to n8n (user folder, extra packages, env, echo). */
	n8n?: Omit<N8nOptions, 'port' | 'credentialsOverwrite'>;
}

export interface Stack {
	n8n: N8n;
	sandbox: XeroSandbox;
	credentials: typeof SANDBOX_CREDENTIALS;
	importWorkflow(workflow: WorkflowJson | string): Promise<string>;
	importWorkflows(workflows: Array<WorkflowJson | string>): Promise<string[]>;
	/**
	 * Runs a workflow and waits for it. `server` (default): a manual run in the n8n server, which
	 * applies the credential overwrites, so token refreshes reach the sandbox too. `cli`:
	 * `n8n execute`, a fresh process without overwrites; API calls still reach the sandbox
	 * because the imported credentials carry its URL, but a token refresh would not.
	 */
	executeWorkflow(workflowId: string, via?: 'server' | 'cli'): Promise<{ ok: boolean; run: RunOutput | undefined }>;
	activate(workflowId: string): Promise<void>;
	webhookUrl(path: string): string;
	/** Activates the workflow and makes the sandbox deliver its webhook events to the given trigger node. */
	subscribeWebhookTrigger(workflowId: string, nodeName: string): Promise<string>;
	/** Milliseconds each start-up step took. */
	timings: Record<'n8nStart' | 'credentialImport', number>;
	stop(): Promise<void>;
}

/** The credential's one required field, whatever it is named. */
function webhookKeyField(): string {
	const field = new XeroAccountingWebhookApi().properties.find((property) => property.required);
	if (!field) throw new Error('xeroAccountingWebhookApi has no required field for the key');
	return field.name;
}

/** The three credentials, connected to the sandbox (the OAuth2 one as if the owner had clicked "Connect"). */
export function sandboxCredentials(sandbox: XeroSandbox): CredentialImport[] {
	return [
		{
			...SANDBOX_CREDENTIALS.oAuth2,
			data: {
				// Also stored, not only overwritten: `n8n execute` ignores overwrites.
				apiUrl: sandbox.url,
				clientId: sandbox.client.clientId,
				clientSecret: sandbox.client.clientSecret,
				oauthTokenData: sandbox.issueTokens(),
			},
		},
		{
			...SANDBOX_CREDENTIALS.customConnection,
			data: {
				apiUrl: sandbox.url,
				clientId: sandbox.customConnection.clientId,
				clientSecret: sandbox.customConnection.clientSecret,
			},
		},
		{ ...SANDBOX_CREDENTIALS.webhook, data: { [webhookKeyField()]: sandbox.webhooks.signingKey } },
	];
}

export const WEBHOOK_TRIGGER_TYPE = `${PACKAGE_NAME}.xeroAccountingWebhookTrigger`;

export async function startStack(options: StackOptions = {}): Promise<Stack> {
	const toolchain = options.n8n?.toolchain ?? ensureToolchain();
	const sandbox = await startSandbox({ port: options.sandboxPort, size: options.sandboxSize, seed: options.sandboxSeed });
	let n8n: N8n;
	const timings = { n8nStart: 0, credentialImport: 0 };
	let mark = Date.now();
	try {
		n8n = await N8n.start({
			...options.n8n,
			toolchain,
			port: options.n8nPort,
			credentialsOverwrite: sandboxOverwrites(sandbox.url),
		});
	} catch (error) {
		await sandbox.close();
		throw error;
	}

	timings.n8nStart = Date.now() - mark;
	mark = Date.now();

	const stop = async () => {
		try {
			await n8n.stop();
		} finally {
			await sandbox.close();
		}
	};

	try {
		await n8n.importCredentials(sandboxCredentials(sandbox));
	} catch (error) {
		await stop();
		throw error;
	}
	timings.credentialImport = Date.now() - mark;
	process.stderr.write(
		`[e2e] n8n ${n8n.url} ready in ${(timings.n8nStart / 1000).toFixed(1)} s, credentials imported in ${(timings.credentialImport / 1000).toFixed(1)} s\n`,
	);

	return {
		n8n,
		sandbox,
		credentials: SANDBOX_CREDENTIALS,
		importWorkflow: (workflow) => n8n.importWorkflow(workflow),
		importWorkflows: (workflows) => n8n.importWorkflows(workflows),
		executeWorkflow: async (id, via = 'server') => (via === 'cli' ? await n8n.execute(id) : await n8n.run(id)),
		activate: (id) => n8n.activate(id),
		webhookUrl: (path) => n8n.webhookUrl(path),
		subscribeWebhookTrigger: async (workflowId, nodeName) => {
			await n8n.activate(workflowId);
			const url = await n8n.webhookUrlOf(workflowId, nodeName);
			// Xero has one delivery URL per app; so does the sandbox.
			sandbox.webhooks.subscribe(url);
			return url;
		},
		timings,
		stop,
	};
}
