export { BASE_URL, createAdditionalData } from './additional-data';
export type { HarnessBinary } from './builtins';
export type { WebhookRequest } from './express-fakes';
export { CredentialsHelper, TestCredentials, type StoredCredential, type TokenUpdate } from './credentials';
export { CredentialTypes, HARNESS_ITEMS, loadPackage, REPO_ROOT, type LoadedPackage } from './loader';
export { listSearch, loadOptions } from './methods';
export {
	buildNode,
	buildWorkflow,
	INPUT_NODE,
	runWorkflow,
	WORKFLOW_ID,
	type NodeSpec,
	type RunOptions,
	type RunResult,
	type SimpleConnection,
} from './run';
export { runPoll, runWebhook, type PollOptions, type WebhookOptions, type WebhookResult } from './triggers';
