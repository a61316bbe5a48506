/**
 * Shared fixture for node tests: the Xero Accounting node, run through n8n-core (test/harness),
 * against the local Xero sandbox (test/sandbox). The package must be built (`npm run build`).
 *
 *   const xero = await startXero(options?)   // options: startSandbox's ({ seed, size, ... })
 *   xero.sandbox        the running sandbox: store, log, clearLog(), specViolations, faults...
 *   xero.credentials    TestCredentials holding one xeroAccountingOAuth2Api credential for it
 *   xero.tenantId       the first sandbox organisation
 *   await xero.run(parameters, input?, extra?) → { items, error, run }
 *       Runs a workflow "Input → Xero" where Xero is one xeroAccounting node with `parameters`
 *       (authentication oAuth2; Organisation = xero.tenantId unless `tenantId` is given; a plain
 *       string tenantId is taken as an ID) fed by the `input` JSON items (default: one empty item).
 *       extra.binary: binary files per input item ({ data: { data: base64, mimeType, fileName } });
 *       extra.node: more node settings (e.g. { onError: 'continueRegularOutput' }).
 *       items: the node's output (empty if it failed); error: the execution error, if any;
 *       run: the harness RunResult.
 *   await xero.close()
 */
import type { ExecutionError, IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { HARNESS_ITEMS, runWorkflow, TestCredentials, type HarnessBinary, type NodeSpec, type RunResult } from '../harness';
import { startSandbox, type SandboxOptions, type XeroSandbox } from '../sandbox';

export const CREDENTIAL_ID = 'xero';
export const NODE_NAME = 'Xero';
const CREDENTIAL_TYPE = 'xeroAccountingOAuth2Api';

export interface RunExtra {
	binary?: Array<Record<string, HarnessBinary> | null>;
	node?: Partial<NodeSpec>;
}

export interface XeroRun {
	items: INodeExecutionData[];
	error?: ExecutionError;
	run: RunResult;
}

export interface XeroFixture {
	sandbox: XeroSandbox;
	credentials: TestCredentials;
	tenantId: string;
	run(parameters: IDataObject, input?: IDataObject[], extra?: RunExtra): Promise<XeroRun>;
	close(): Promise<void>;
}

export async function startXero(options: SandboxOptions = {}): Promise<XeroFixture> {
	const sandbox = await startSandbox(options);
	// Token and authorisation URLs are hidden fields: as in n8n, only an instance overwrite moves them.
	const credentials = new TestCredentials({
		[CREDENTIAL_TYPE]: { accessTokenUrl: `${sandbox.url}/connect/token`, authUrl: `${sandbox.url}/identity/connect/authorize` },
	});
	credentials.set(CREDENTIAL_ID, CREDENTIAL_TYPE, {
		clientId: sandbox.client.clientId,
		clientSecret: sandbox.client.clientSecret,
		apiUrl: sandbox.url,
		oauthTokenData: sandbox.issueTokens() as unknown as IDataObject,
	});
	const tenantId = sandbox.tenants[0].tenantId;

	async function run(parameters: IDataObject, input: IDataObject[] = [{}], extra: RunExtra = {}): Promise<XeroRun> {
		const tenant = parameters.tenantId ?? tenantId;
		const result = await runWorkflow({
			credentials,
			nodes: [
				{ name: 'Input', type: HARNESS_ITEMS, parameters: { items: input as INodeParameters[], binary: (extra.binary ?? []) as never } },
				{
					...extra.node,
					name: NODE_NAME,
					type: 'xeroAccounting',
					parameters: {
						authentication: 'oAuth2',
						...parameters,
						tenantId: typeof tenant === 'string' ? { __rl: true, mode: 'id', value: tenant } : (tenant as IDataObject),
					} as INodeParameters,
					credentials: credentials.ref(CREDENTIAL_ID),
				},
			],
			connections: [['Input', NODE_NAME]],
			startNode: 'Input',
		});
		let items: INodeExecutionData[] = [];
		try {
			items = result.output(NODE_NAME);
		} catch {
			// The node did not run.
		}
		return { items, error: result.error, run: result };
	}

	return { sandbox, credentials, tenantId, run, close: async () => await sandbox.close() };
}
