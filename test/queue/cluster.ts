/**
 * n8n in queue mode, as in production: one main process, workers and a webhook process, on one
 * Postgres database and one Redis, sharing an encryption key. Every process gets its own user
 * folder with this package installed as a community package (as separate containers would).
 */
import type { ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';

import { installPackage, REPO_ROOT } from '../e2e/install';
import { DEFAULT_OWNER, type CredentialImport, type WorkflowJson } from '../e2e/n8n';
import { endGroup, freePort, run, sleep, spawnGroup, stopGroup } from '../e2e/proc';
import { n8nEnv } from '../e2e/n8nEnv';
import { OwnerSession } from '../e2e/rest';
import { fromN8n, type Toolchain } from '../e2e/toolchain';
import { scratchDir, type Postgres, type Service } from './services';

export type Role = 'main' | 'worker' | 'webhook';

function log(message: string) {
	process.stderr.write(`[queue] ${message}\n`);
}

/** One n8n process: its command, settings, folder, output; can be killed and started again. */
export class N8nProcess {
	private child?: ChildProcess;
	private output = '';
	/** Times it was started (a restart keeps the folder and the port). */
	starts = 0;

	constructor(
		readonly name: string,
		readonly role: Role,
		private readonly toolchain: Toolchain,
		readonly folder: string,
		readonly port: number,
		private readonly env: NodeJS.ProcessEnv,
	) {}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** Everything this process printed, over all its starts. */
	get log(): string {
		return this.output;
	}

	get running(): boolean {
		return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
	}

	async start(): Promise<void> {
		const command = this.role === 'main' ? 'start' : this.role;
		const logFile = createWriteStream(join(this.folder, 'n8n.log'), { flags: 'a' });
		// Each process runs its own task broker for its task runners.
		const env = { ...this.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
		const child = spawnGroup(this.toolchain.node, [this.toolchain.n8nBin, command], { env, stdio: ['ignore', 'pipe', 'pipe'] });
		this.child = child;
		this.starts++;
		const collect = (chunk: Buffer) => {
			this.output += chunk;
			logFile.write(chunk);
		};
		child.stdout?.on('data', collect);
		child.stderr?.on('data', collect);
		child.once('exit', () => logFile.end());
		const started = Date.now();
		const deadline = started + 240_000;
		for (;;) {
			if (child.exitCode !== null) throw new Error(`${this.name} exited with ${child.exitCode}:\n${this.output.slice(-5000)}`);
			// Workers answer on their health port, main and webhook on their HTTP port; all only once ready.
			const response = await fetch(`${this.url}/healthz/readiness`).catch(() => undefined);
			if (response?.ok) break;
			if (Date.now() > deadline) throw new Error(`${this.name} not ready after 240 s:\n${this.output.slice(-5000)}`);
			await sleep(250);
		}
		log(`${this.name} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	}

	/** SIGKILL to the process group: no graceful shutdown, as a crashed or evicted container. */
	async kill(): Promise<void> {
		if (!this.child) return;
		const child = this.child;
		const exited = child.exitCode !== null || child.signalCode !== null;
		const done = exited ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
		endGroup(child.pid);
		await done;
		this.child = undefined;
	}

	async stop(): Promise<void> {
		if (this.child) await stopGroup(this.child);
		this.child = undefined;
	}

	/** Executions this process picked from the queue (workers log each one). */
	executionsRun(): string[] {
		return [...this.output.matchAll(/Worker started execution (\d+)/g)].map((match) => match[1]);
	}
}

export interface ClusterOptions {
	toolchain: Toolchain;
	postgres: Postgres;
	redis: Service;
	/** CREDENTIALS_OVERWRITE_DATA, keyed by credential type. */
	credentialsOverwrite: Record<string, Record<string, string>>;
	workers?: number;
	/** Jobs each worker runs at once (n8n's default is 10). */
	workerConcurrency?: number;
}

export class QueueCluster {
	readonly owner = DEFAULT_OWNER;
	private readonly session = new OwnerSession(() => this.main.url, DEFAULT_OWNER);

	private constructor(
		readonly main: N8nProcess,
		readonly workers: N8nProcess[],
		readonly webhook: N8nProcess,
		readonly postgres: Postgres,
		/** The processes' folders (and logs); kept after the run with QUEUE_KEEP_LOGS=1. */
		readonly root: string,
		private readonly cliEnv: NodeJS.ProcessEnv,
		private readonly toolchain: Toolchain,
	) {}

	get processes(): N8nProcess[] {
		return [this.main, ...this.workers, this.webhook];
	}

	/**
	 * Imports the credentials and workflows with n8n's CLI (the first command migrates the empty
	 * database), then starts main, then workers and the webhook process side by side.
	 */
	static async create(options: ClusterOptions, setup: { credentials: CredentialImport[]; workflows: WorkflowJson[] }): Promise<QueueCluster> {
		const { toolchain, postgres } = options;
		const root = scratchDir('n8n-queue-', Boolean(process.env.QUEUE_KEEP_LOGS));
		const shared = sharedEnv(options, toolchain);
		const ports = { main: await freePort(), webhook: await freePort() };
		const webhookUrl = `http://127.0.0.1:${ports.webhook}/`;
		const make = async (name: string, role: Role): Promise<N8nProcess> => {
			const folder = join(root, name);
			mkdirSync(join(folder, '.n8n', 'nodes'), { recursive: true });
			installPackage(REPO_ROOT, join(folder, '.n8n', 'nodes'));
			const port = role === 'worker' ? await freePort() : ports[role];
			const env: NodeJS.ProcessEnv = {
				...shared,
				N8N_USER_FOLDER: folder,
				N8N_PORT: String(role === 'worker' ? ports.main : port),
				N8N_EDITOR_BASE_URL: `http://127.0.0.1:${ports.main}/`,
				N8N_WEBHOOK_URL: webhookUrl,
				...(role === 'worker'
					? {
							QUEUE_HEALTH_CHECK_ACTIVE: 'true',
							QUEUE_HEALTH_CHECK_PORT: String(port),
							N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
							N8N_CONCURRENCY_PRODUCTION_LIMIT: String(options.workerConcurrency ?? 10),
						}
					: {}),
			};
			return new N8nProcess(name, role, toolchain, folder, port, env);
		};
		const main = await make('main', 'main');
		const workers: N8nProcess[] = [];
		for (let i = 1; i <= (options.workers ?? 2); i++) workers.push(await make(`worker-${i}`, 'worker'));
		const webhook = await make('webhook', 'webhook');
		const cliFolder = join(root, 'cli');
		mkdirSync(cliFolder, { recursive: true });
		const cluster = new QueueCluster(main, workers, webhook, postgres, root, { ...shared, N8N_USER_FOLDER: cliFolder }, toolchain);
		try {
			let mark = Date.now();
			await cluster.cliOk(['import:credentials', `--input=${cluster.writeTemp('credentials.json', setup.credentials)}`]);
			log(`database migrated and credentials imported in ${((Date.now() - mark) / 1000).toFixed(1)} s`);
			mark = Date.now();
			const dir = join(root, 'cli', 'workflows');
			mkdirSync(dir, { recursive: true });
			setup.workflows.forEach((workflow, i) => writeFileSync(join(dir, `${i}.json`), JSON.stringify({ ...workflow, active: false })));
			await cluster.cliOk(['import:workflow', '--separate', `--input=${dir}`]);
			log(`workflows imported in ${((Date.now() - mark) / 1000).toFixed(1)} s`);
			await main.start();
			await Promise.all([...workers, webhook].map((process) => process.start()));
		} catch (error) {
			await cluster.stop();
			throw error;
		}
		return cluster;
	}

	private writeTemp(name: string, data: unknown): string {
		const file = join(this.root, 'cli', name);
		writeFileSync(file, JSON.stringify(data, null, '\t'));
		return file;
	}

	/** An n8n CLI command against the same database, in a separate process. */
	async cli(args: string[], timeoutMs = 180_000) {
		const env = { ...this.cliEnv, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
		return await run(this.toolchain.node, [this.toolchain.n8nBin, ...args], { env, timeoutMs });
	}

	private async cliOk(args: string[]) {
		const result = await this.cli(args);
		if (result.code !== 0) throw new Error(`n8n ${args.join(' ')} failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
		return result;
	}

	/** Kills main without warning and starts it again on the same port and database. */
	async restartMain(): Promise<void> {
		await this.main.kill();
		this.session.signOut();
		await this.main.start();
	}

	/** n8n's internal REST API on main, as the owner; returns the reply's `data`. */
	async rest<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		return await this.session.rest<T>(method, path, body);
	}

	/** Publishes a workflow: main registers its webhooks in the database and runs its pollers. */
	async activate(workflowId: string): Promise<void> {
		const workflow = await this.rest<{ versionId: string }>('GET', `/workflows/${workflowId}`);
		await this.rest('POST', `/workflows/${workflowId}/activate`, { versionId: workflow.versionId });
	}

	async deactivate(workflowId: string): Promise<void> {
		await this.rest('POST', `/workflows/${workflowId}/deactivate`, {});
	}

	/** Production URL of a trigger's webhook, served by the webhook process. */
	async webhookUrlOf(workflowId: string, nodeName: string): Promise<string> {
		const rows = await this.postgres.query<{ webhookPath: string }>(
			`SELECT "webhookPath" FROM webhook_entity WHERE "workflowId" = '${workflowId}' AND node = '${nodeName.replace(/'/g, "''")}'`,
		);
		if (rows.length !== 1) throw new Error(`no webhook registered for "${nodeName}" in ${workflowId}: is it active?`);
		return `${this.webhook.url}/webhook/${rows[0].webhookPath}`;
	}

	/** Stored executions of a workflow, oldest first, straight from Postgres. */
	async executions(workflowId: string): Promise<StoredExecution[]> {
		return await this.postgres.query<StoredExecution>(
			`SELECT id::text AS id, status, mode, finished, "startedAt", "stoppedAt" FROM execution_entity WHERE "workflowId" = '${workflowId}' ORDER BY id`,
		);
	}

	/** Waits until the workflow has `count` executions, all finished; returns them oldest first. */
	async waitForExecutions(workflowId: string, count: number, timeoutMs = 120_000): Promise<StoredExecution[]> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const executions = await this.executions(workflowId);
			const done = executions.filter((e) => !['new', 'running', 'waiting'].includes(e.status));
			if (executions.length >= count && done.length === executions.length) return executions;
			if (Date.now() > deadline) {
				throw new Error(`${done.length} of ${count} executions of ${workflowId} finished after ${timeoutMs} ms (${executions.length} stored)`);
			}
			await sleep(300);
		}
	}

	/** One execution's run data, decoded from n8n's `flatted` storage. */
	async runData(executionId: string): Promise<StoredRun> {
		const [row] = await this.postgres.query<{ data: string }>(`SELECT data FROM execution_data WHERE "executionId" = ${Number(executionId)}`);
		if (!row) throw new Error(`no data stored for execution ${executionId}`);
		return fromN8n<{ parse(text: string): StoredRun }>(this.toolchain, 'flatted').parse(row.data);
	}

	/** The worker that ran each execution, from the workers' logs. */
	workerOf(): Map<string, string> {
		const owners = new Map<string, string>();
		for (const worker of this.workers) for (const id of worker.executionsRun()) owners.set(id, worker.name);
		return owners;
	}

	async stop(): Promise<void> {
		// Workers and the webhook process first, so nothing is left waiting on main.
		await Promise.all([...this.workers, this.webhook].map((process) => process.stop().catch(() => undefined)));
		await this.main.stop().catch(() => undefined);
		if (process.env.QUEUE_KEEP_LOGS) log(`logs kept in ${this.root}`);
		else rmSync(this.root, { recursive: true, force: true });
	}
}

export interface StoredExecution {
	id: string;
	status: string;
	mode: string;
	finished: boolean;
	startedAt: string | null;
	stoppedAt: string | null;
}

export type Json = Record<string, unknown>;

/** What the tests read of a stored run (n8n's IRunExecutionData). */
export interface StoredRun {
	resultData?: {
		error?: { message: string };
		runData?: Record<string, Array<{ error?: { message: string }; data?: { main?: Array<Array<{ json: Json }> | null> } }>>;
	};
}

/** Items a node output in a stored run, over all its runs; throws if it did not run or failed. */
export function outputOf(run: StoredRun, nodeName: string): Json[] {
	const runs = run.resultData?.runData?.[nodeName];
	if (!runs?.length) throw new Error(`node "${nodeName}" did not run`);
	return runs.flatMap((entry) => {
		if (entry.error) throw new Error(`node "${nodeName}" failed: ${entry.error.message}`);
		return (entry.data?.main?.[0] ?? []).map((item) => item.json);
	});
}

/** Settings every process shares; each adds its folder, port and role-specific ones. */
function sharedEnv(options: ClusterOptions, toolchain: Toolchain): NodeJS.ProcessEnv {
	const { postgres, redis } = options;
	return {
		...n8nEnv(toolchain, DEFAULT_OWNER, options.credentialsOverwrite),
		// Queue mode: what every process must agree on.
		EXECUTIONS_MODE: 'queue',
		N8N_ENCRYPTION_KEY: randomBytes(24).toString('base64'),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	};
}
