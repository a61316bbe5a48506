import type { ExecutionLifecycleHooks } from 'n8n-core';
import { ExternalSecretsProxy } from 'n8n-core';
import type { IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

import { CredentialsHelper, type TestCredentials } from './credentials';
import type { LoadedPackage } from './loader';

export const BASE_URL = 'http://localhost:5678';

const unsupported = (what: string) => async () => {
	throw new UnexpectedError(`${what} is not supported by the test harness`);
};

/** What n8n's WorkflowExecuteAdditionalData.getBase provides, minus the database. */
export function createAdditionalData(options: {
	pkg: LoadedPackage;
	credentials: TestCredentials;
	workflowId: string;
	executionId?: string;
	hooks?: ExecutionLifecycleHooks;
}): IWorkflowExecuteAdditionalData {
	const { pkg, credentials, workflowId, executionId, hooks } = options;
	return {
		credentialsHelper: new CredentialsHelper(pkg.credentialTypes, credentials, pkg.nodeTypes),
		hooks,
		executionId,
		workflowId,
		currentNodeExecutionIndex: 0,
		variables: {},
		externalSecretsProxy: new ExternalSecretsProxy(),
		restApiUrl: `${BASE_URL}/rest`,
		instanceBaseUrl: BASE_URL,
		formBaseUrl: `${BASE_URL}/form`,
		formWaitingBaseUrl: `${BASE_URL}/form-waiting`,
		formTestBaseUrl: `${BASE_URL}/form-test`,
		webhookBaseUrl: `${BASE_URL}/webhook`,
		webhookWaitingBaseUrl: `${BASE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE_URL}/webhook-test`,
		mcpBaseUrl: `${BASE_URL}/mcp`,
		mcpTestBaseUrl: `${BASE_URL}/mcp-test`,
		logAiEvent: () => {},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		executeWorkflow: unsupported('Executing sub-workflows'),
		startRunnerTask: unsupported('Code node task runners'),
	};
}
