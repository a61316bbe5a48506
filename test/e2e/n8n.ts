/**
 * A real n8n (from the toolchain cache) in a throw-away user folder, with this package
 * installed as a community package, driven through its CLI and REST API.
 */
import type { ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { installPackage, REPO_ROOT, seedDatabase } from './install';
import { OwnerSession } from './rest';
import { freePort, run, sleep, spawnGroup, stopGroup, type RunResult } from './proc';
import { n8nEnv, type Owner } from './n8nEnv';
import { E2E_ENCRYPTION_KEY, ensureToolchain, fromN8n, type Toolchain } from './toolchain';

export type { Owner } from './n8nEnv';

export const DEFAULT_OWNER: Owner = {
	email: 'owner@example.com',
	password: 'Sandbox-0wner',
	firstName: 'Sandbox',
	lastName: 'Owner',
};

export interface N8nOptions {
	toolchain?: Toolchain;
	/** Defaults to a free port. */
	port?: number;
	/** Defaults to a fresh temporary folder, removed on stop. */
	userFolder?: string;
	/** Built package folders (package.json + dist/) to install; defaults to this repository. */
	packages?: string[];
	/** CREDENTIALS_OVERWRITE_DATA, keyed by credential type name. */
	credentialsOverwrite?: Record<string, Record<string, string>>;
	owner?: Owner;
	env?: Record<string, string>;
	/** Copy n8n's output to this process's stderr as it comes. */
	echo?: boolean;
}

export interface CredentialImport {
	id?: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface WorkflowJson {
	id?: string;
	name: string;
	nodes: Array<Record<string, unknown>>;
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

export interface TaskData {
	error?: { message: string };
	data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
}

/** What matters here of n8n's IRun, as the CLI prints it and the REST API returns an execution. */
export interface RunOutput {
	id?: string;
	status?: string;
	mode?: string;
	finished?: boolean;
	data?: { resultData?: { runData?: Record<string, TaskData[]>; error?: { message: string } } };
	[key: string]: unknown;
}

export interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
	workflowId: string;
	[key: string]: unknown;
}

export interface ExecuteResult extends RunResult {
	/** IRun as printed by `n8n execute --rawOutput`: `data.resultData.runData[node][run].data.main[output]`. */
	run: RunOutput | undefined;
	/** The workflow ran to the end without error. */
	ok: boolean;
	/** The CLI crashed in isolated-vm while exiting, after printing its result (about half the runs). */
	crashedOnExit: boolean;
}

export interface ServerRunResult {
	executionId: string;
	/** The stored execution; `run.data.resultData` as in the CLI's output. */
	run: RunOutput;
	ok: boolean;
	ms: number;
}

/** n8n's ids: 16 alphanumerics. */
export function newId(): string {
	const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
	return Array.from(randomBytes(16), (byte) => alphabet[byte % alphabet.length]).join('');
}

export class N8n {
	readonly url: string;
	private output = '';
	private readonly session: OwnerSession;
	private process?: ChildProcess;

	private constructor(
		readonly toolchain: Toolchain,
		readonly port: number,
		readonly userFolder: string,
		readonly owner: Owner,
		private readonly env: NodeJS.ProcessEnv,
		private readonly removeFolder: boolean,
	) {
		this.url = `http://127.0.0.1:${port}`;
		this.session = new OwnerSession(() => this.url, owner);
	}

	static async start(options: N8nOptions = {}): Promise<N8n> {
		const toolchain = options.toolchain ?? ensureToolchain();
		const port = options.port ?? (await freePort());
		const userFolder = options.userFolder ?? mkdtempSync(join(tmpdir(), 'n8n-e2e-'));
		const owner = options.owner ?? DEFAULT_OWNER;
		seedDatabase(toolchain, join(userFolder, '.n8n'));
		for (const dir of options.packages ?? [REPO_ROOT]) installPackage(dir, join(userFolder, '.n8n', 'nodes'));
		const env = baseEnv(toolchain, port, userFolder, owner, options);
		const n8n = new N8n(toolchain, port, userFolder, owner, env, !options.userFolder);
		try {
			await n8n.launch(options.echo ?? false);
		} catch (error) {
			await n8n.stop();
			throw error;
		}
		return n8n;
	}

	/** Everything n8n printed so far. */
	get log(): string {
		return this.output;
	}

	private async launch(echo: boolean) {
		const logFile = createWriteStream(join(this.userFolder, 'n8n.log'));
		const child = spawnGroup(this.toolchain.node, [this.toolchain.n8nBin, 'start'], {
			env: { ...this.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.process = child;
		const collect = (chunk: Buffer) => {
			this.output += chunk;
			logFile.write(chunk);
			if (echo) process.stderr.write(chunk);
		};
		child.stdout?.on('data', collect);
		child.stderr?.on('data', collect);
		child.once('exit', () => logFile.end());
		await this.waitUntilReady(child);
	}

	private async waitUntilReady(child: ChildProcess, timeoutMs = 180_000) {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (child.exitCode !== null) throw new Error(`n8n exited with ${child.exitCode}:\n${this.output.slice(-6000)}`);
			// /healthz answers as soon as the HTTP server listens; readiness waits for migrations and workflows.
			const response = await fetch(`${this.url}/healthz/readiness`).catch(() => undefined);
			if (response?.ok) return;
			await sleep(250);
		}
		throw new Error(`n8n not ready after ${timeoutMs} ms:\n${this.output.slice(-6000)}`);
	}

	async stop(): Promise<void> {
		if (this.process) await stopGroup(this.process);
		this.process = undefined;
		if (this.removeFolder) rmSync(this.userFolder, { recursive: true, force: true });
	}

	/** Runs an n8n CLI command against the same database and settings as the server. */
	async cli(args: string[], timeoutMs = 120_000): Promise<RunResult> {
		// Each CLI process that executes workflows starts its own task broker: give it its own port.
		const env = { ...this.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
		return await run(this.toolchain.node, [this.toolchain.n8nBin, ...args], { env, timeoutMs });
	}

	private async cliOk(args: string[]): Promise<RunResult> {
		const result = await this.cli(args);
		if (result.code !== 0) throw new Error(`n8n ${args.join(' ')} failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
		return result;
	}

	/** Imports credentials (plain `data`, encrypted by n8n) and returns their ids. */
	async importCredentials(credentials: CredentialImport[]): Promise<string[]> {
		const withIds = credentials.map((credential) => ({ ...credential, id: credential.id ?? newId() }));
		await this.cliOk(['import:credentials', `--input=${this.writeTemp('credentials', withIds)}`]);
		return withIds.map((credential) => credential.id);
	}

	/** Imports a workflow (object or JSON file) inactive and returns its id. */
	async importWorkflow(workflow: WorkflowJson | string): Promise<string> {
		return (await this.importWorkflows([workflow]))[0];
	}

	/** Imports several workflows with one CLI run (each run boots n8n: seconds). */
	async importWorkflows(workflows: Array<WorkflowJson | string>): Promise<string[]> {
		if (workflows.length === 0) return [];
		const dir = join(this.userFolder, 'imports', `workflows-${newId()}`);
		mkdirSync(dir, { recursive: true });
		const ids = workflows.map((workflow, index) => {
			const json: WorkflowJson = typeof workflow === 'string' ? JSON.parse(readFileSync(workflow, 'utf8')) : workflow;
			const withId = { ...json, id: json.id ?? newId(), active: false };
			writeFileSync(join(dir, `${index}.json`), JSON.stringify(withId, null, '\t'));
			return withId.id;
		});
		await this.cliOk(['import:workflow', '--separate', `--input=${dir}`]);
		return ids;
	}

	private writeTemp(kind: string, data: unknown): string {
		const dir = join(this.userFolder, 'imports');
		mkdirSync(dir, { recursive: true });
		const file = join(dir, `${kind}-${newId()}.json`);
		writeFileSync(file, JSON.stringify(data, null, '\t'));
		return file;
	}

	/**
	 * `n8n execute --id --rawOutput`: a separate process, booting n8n each time (seconds). In n8n
	 * 2.41 this command ignores CREDENTIALS_OVERWRITE_DATA (only `start` and `worker` load it).
	 */
	async execute(workflowId: string, timeoutMs = 120_000): Promise<ExecuteResult> {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], timeoutMs);
		const parsed = parseRun(result.stdout);
		const finished = parsed?.status === 'success' && !parsed.data?.resultData?.error;
		// n8n's default expression engine (isolated-vm) may segfault during process teardown.
		const crashedOnExit = result.signal === 'SIGSEGV' && parsed !== undefined;
		return { ...result, run: parsed, ok: finished && (result.code === 0 || crashedOnExit), crashedOnExit };
	}

	/**
	 * Runs a workflow in the server, as "Execute workflow" in the editor does, and waits for it.
	 * Unlike the CLI, the server applies CREDENTIALS_OVERWRITE_DATA. Starts at `triggerName`, or the
	 * first trigger node.
	 */
	async run(workflowId: string, triggerName?: string, timeoutMs = 120_000): Promise<ServerRunResult> {
		const started = Date.now();
		const workflow = await this.rest<WorkflowJson>('GET', `/workflows/${workflowId}`);
		const trigger = triggerName ?? workflow.nodes.find((node) => /trigger$/i.test(String(node.type)))?.name;
		if (!trigger) throw new Error(`workflow ${workflowId} has no trigger node to start from`);
		const reply = await this.rest<{ executionId?: string }>('POST', `/workflows/${workflowId}/run`, {
			triggerToStartFrom: { name: trigger },
		});
		if (!reply?.executionId) throw new Error(`workflow ${workflowId} did not start: ${JSON.stringify(reply)}`);
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const execution = await this.execution(reply.executionId);
			if (!['new', 'running', 'waiting'].includes(String(execution.status))) {
				const ok = execution.status === 'success' && !execution.data?.resultData?.error;
				return { executionId: reply.executionId, run: execution, ok, ms: Date.now() - started };
			}
			if (Date.now() > deadline) throw new Error(`execution ${reply.executionId} still ${execution.status} after ${timeoutMs} ms`);
			await sleep(200);
		}
	}

	/** Publishes a workflow so its triggers and production webhooks are live in the server. */
	async activate(workflowId: string): Promise<void> {
		const workflow = await this.rest<{ versionId: string }>('GET', `/workflows/${workflowId}`);
		await this.rest('POST', `/workflows/${workflowId}/activate`, { versionId: workflow.versionId });
	}

	async deactivate(workflowId: string): Promise<void> {
		await this.rest('POST', `/workflows/${workflowId}/deactivate`, {});
	}

	/**
	 * Production URL of a trigger node's webhook in an active workflow, as n8n registered it
	 * (shortly after activation returns: n8n publishes in the background).
	 */
	async webhookUrlOf(workflowId: string, nodeName: string, timeoutMs = 15_000): Promise<string> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const rows = await this.sql<{ webhookPath: string }>(
				'SELECT webhookPath FROM webhook_entity WHERE workflowId = ? AND node = ?',
				[workflowId, nodeName],
			);
			if (rows.length > 0) return this.webhookUrl(rows[0].webhookPath);
			if (Date.now() > deadline) throw new Error(`no webhook registered for "${nodeName}" in ${workflowId}: is it active?`);
			await sleep(250);
		}
	}

	/** A read-only query on n8n's SQLite database, with the sqlite3 module n8n itself uses. */
	async sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
		const script = `
			const sqlite3 = require('sqlite3');
			const db = new sqlite3.Database(process.argv[1], sqlite3.OPEN_READONLY);
			db.all(process.argv[2], JSON.parse(process.argv[3]), (error, rows) => {
				if (error) { console.error(error.message); process.exit(1); }
				process.stdout.write(JSON.stringify(rows));
				db.close();
			});`;
		const database = join(this.userFolder, '.n8n', 'database.sqlite');
		const result = await run(this.toolchain.node, ['-e', script, database, query, JSON.stringify(params)], {
			cwd: this.toolchain.n8nDir,
			env: { ...process.env, ...this.toolchain.env },
			timeoutMs: 30_000,
		});
		if (result.code !== 0) throw new Error(`sql failed: ${result.stderr}`);
		return JSON.parse(result.stdout) as T[];
	}

	webhookUrl(path: string): string {
		return `${this.url}/webhook/${path.replace(/^\//, '')}`;
	}

	async callWebhook(path: string, init: RequestInit = {}): Promise<Response> {
		return await fetch(this.webhookUrl(path), init);
	}

	/** Newest first. */
	async executions(workflowId: string): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const page = await this.rest<{ results: ExecutionSummary[] }>('GET', `/executions?filter=${filter}&limit=100`);
		return page.results;
	}

	/** One execution with its run data decoded (n8n stores it in `flatted` form). */
	async execution(id: string): Promise<RunOutput> {
		const execution = await this.rest<Omit<RunOutput, 'data'> & { data: unknown }>('GET', `/executions/${id}`);
		const flatted = fromN8n<{ parse(text: string): RunOutput['data'] }>(this.toolchain, 'flatted');
		const data = typeof execution.data === 'string' ? flatted.parse(execution.data) : (execution.data as RunOutput['data']);
		return { ...execution, data };
	}

	/** Waits until the workflow has at least `count` finished executions; returns them newest first. */
	async waitForExecutions(workflowId: string, count = 1, timeoutMs = 30_000): Promise<ExecutionSummary[]> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const done = (await this.executions(workflowId)).filter((e) => !['new', 'running', 'waiting'].includes(e.status));
			if (done.length >= count) return done;
			if (Date.now() > deadline) throw new Error(`${done.length} of ${count} executions of ${workflowId} after ${timeoutMs} ms`);
			await sleep(250);
		}
	}

	/** Node type names the server offers the editor (package-prefixed for community nodes). */
	async nodeTypes(): Promise<string[]> {
		return (await this.getJson<Array<{ name: string }>>('/types/nodes.json')).map((type) => type.name);
	}

	async credentialTypes(): Promise<string[]> {
		return (await this.getJson<Array<{ name: string }>>('/types/credentials.json')).map((type) => type.name);
	}

	private async getJson<T>(path: string): Promise<T> {
		const { ok, status, text } = await this.session.send('GET', path);
		if (!ok) throw new Error(`GET ${path}: ${status}`);
		return JSON.parse(text) as T;
	}

	/** n8n's internal REST API (/rest), as the logged-in owner; returns the `data` of the reply. */
	async rest<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		return await this.session.rest<T>(method, path, body);
	}
}

/**
 * The pretty-printed JSON block of `--rawOutput`: from a line `{` to the next line `}`. Log lines
 * (task runner, license) may come before and after it.
 */
export function parseRun(stdout: string): RunOutput | undefined {
	const lines = stdout.split('\n');
	for (let start = lines.lastIndexOf('{'); start >= 0; start = lines.lastIndexOf('{', start - 1)) {
		const end = lines.indexOf('}', start);
		if (end < 0) continue;
		try {
			return JSON.parse(lines.slice(start, end + 1).join('\n')) as RunOutput;
		} catch {
			// not the result block
		}
		if (start === 0) break;
	}
	return undefined;
}

/** Items of one node's output in an IRun, as plain JSON. */
export function nodeOutput(
	run: RunOutput | undefined,
	nodeName: string,
	output = 0,
	runIndex = 0,
): Array<Record<string, unknown>> {
	const task = run?.data?.resultData?.runData?.[nodeName]?.[runIndex];
	if (!task) throw new Error(`node "${nodeName}" did not run`);
	if (task.error) throw new Error(`node "${nodeName}" failed: ${task.error.message}`);
	return (task.data?.main?.[output] ?? []).map((item) => item.json);
}

function baseEnv(toolchain: Toolchain, port: number, userFolder: string, owner: Owner, options: N8nOptions) {
	const url = `http://127.0.0.1:${port}`;
	return {
		...n8nEnv(toolchain, owner, options.credentialsOverwrite),
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: E2E_ENCRYPTION_KEY,
		N8N_PORT: String(port),
		N8N_EDITOR_BASE_URL: `${url}/`,
		N8N_WEBHOOK_URL: `${url}/`,
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		...options.env,
	} as NodeJS.ProcessEnv;
}
