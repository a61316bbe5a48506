export { BASE_URL } from './additional-data';
export type { HarnessBinary } from './builtins';
export { CredentialsHelper, TestCredentials, type StoredCredential, type TokenUpdate } from './credentials';
export { CredentialTypes, HARNESS_ITEMS, loadPackage, REPO_ROOT, type LoadedPackage } from './loader';
export {
	INPUT_NODE,
	runWorkflow,
	WORKFLOW_ID,
	type NodeSpec,
	type RunOptions,
	type RunResult,
	type SimpleConnection,
} from './run';
export {
	runPoll,
	runWebhook,
	type PollOptions,
	type WebhookOptions,
	type WebhookRequest,
	type WebhookResult,
} from './triggers';
