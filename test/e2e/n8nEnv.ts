/**
 * The environment every n8n process of the test suites starts with (the end-to-end n8n and the
 * queue-mode cluster): offline, the owner set up at boot, community packages on, the sandbox's
 * credential overwrites. Each suite adds its folders, ports and mode.
 */
import { fromN8n, type Toolchain } from './toolchain';

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

export function n8nEnv(
	toolchain: Toolchain,
	owner: Owner,
	credentialsOverwrite: Record<string, Record<string, string>> = {},
): NodeJS.ProcessEnv {
	// Only what is set here, so a developer's own n8n settings cannot change the outcome, and
	// not jest's NODE_ENV=test, with which n8n refuses to load nodes and logs nothing.
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(
			([key]) => !/^(N8N_|DB_|EXECUTIONS_|CREDENTIALS_|WEBHOOK_URL|QUEUE_|OFFLOAD_|NODE_OPTIONS|NODE_ENV|JEST_)/.test(key),
		),
	);
	const bcrypt = fromN8n<{ hashSync(password: string, rounds: number): string }>(toolchain, 'bcryptjs');
	return {
		...inherited,
		...toolchain.env,
		NODE_ENV: 'production',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		// The auth cookie must work over plain http.
		N8N_SECURE_COOKIE: 'false',
		// No calls home, no banners, nothing fetched from n8n's servers.
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		// It fetches a server list from n8n's site at start.
		N8N_DISABLED_MODULES: 'mcp-registry',
		// The sandbox runs on loopback.
		N8N_SSRF_PROTECTION_ENABLED: 'false',
		// Owner set up at boot, so the REST API and the editor need no sign-up.
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: owner.email,
		N8N_INSTANCE_OWNER_FIRST_NAME: owner.firstName,
		N8N_INSTANCE_OWNER_LAST_NAME: owner.lastName,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(owner.password, 10),
		CREDENTIALS_OVERWRITE_DATA: JSON.stringify(credentialsOverwrite),
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		// Workers log each execution they take at info level: the queue suite tells them apart by it.
		N8N_LOG_LEVEL: 'info',
	};
}
