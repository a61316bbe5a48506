/**
 * Everything `npm run test:queue` runs against: Postgres, Redis, the Xero sandbox and n8n in
 * queue mode with the test workflows imported. `stop()` undoes it all; if the test process ends
 * first (Ctrl-C, a crash, kill -9), the watchdog does.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import { newId, type WorkflowJson } from '../e2e/n8n';
import { sandboxCredentials, sandboxOverwrites } from '../e2e/stack';
import { ensureToolchain } from '../e2e/toolchain';
import { HOOK_CREDENTIAL, HOOK_HEADER } from '../e2e/workflows/support/context';
import { loadWorkflow, workflowFiles } from '../e2e/workflows/support/files';
import { startSandbox, type XeroSandbox } from '../sandbox';
import { QueueCluster } from './cluster';
import { ensureServices, startPostgres, startRedis, type Postgres, type Service } from './services';
import { watchdog } from '../e2e/watchdog';

export type FixtureName = 'push-invoices' | 'xero-webhook' | 'poll-changes' | 'read-organisation';

export interface QueueEnv {
	sandbox: XeroSandbox;
	cluster: QueueCluster;
	/** Workflow ids by fixture name. */
	workflows: Record<FixtureName, string>;
	/** The example workflows of workflows/, as shipped: ids by file name. */
	examples: Record<string, string>;
	/** The organisation the writes, webhooks and token tests use. */
	tenantA: string;
	/** The organisation the polling test watches (nothing else touches it). */
	tenantB: string;
	/** Seconds each start-up step took. */
	timings: Record<string, number>;
	stop(): Promise<void>;
}

const FIXTURES = join(__dirname, 'fixtures');

function loadFixtures(tenants: Record<string, string>): Array<{ name: FixtureName; json: WorkflowJson }> {
	return readdirSync(FIXTURES)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			let text = readFileSync(join(FIXTURES, file), 'utf8');
			for (const [placeholder, value] of Object.entries(tenants)) text = text.split(placeholder).join(value);
			return { name: file.replace(/\.json$/, '') as FixtureName, json: { ...JSON.parse(text), id: newId() } };
		});
}

export async function startQueueEnv(): Promise<QueueEnv> {
	const timings: Record<string, number> = {};
	const time = async <T>(label: string, step: () => Promise<T> | T): Promise<T> => {
		const started = Date.now();
		const result = await step();
		timings[label] = Math.round((Date.now() - started) / 100) / 10;
		return result;
	};
	// Undone in reverse order; if the test process dies first, the watchdog does it.
	const stops: Array<() => Promise<void>> = [async () => watchdog.close()];
	const stop = async () => {
		for (const step of stops.splice(0).reverse()) await step().catch((error) => process.stderr.write(`[queue] stop: ${error}\n`));
	};

	try {
		const toolchain = await time('toolchain', () => ensureToolchain());
		const bins = await time('packages', () => ensureServices());
		const [postgres, redis] = await time('services', async () => {
			const started: [Postgres, Service] = [await startPostgres(bins.postgres), await startRedis(bins.redis)];
			return started;
		});
		stops.push(postgres.stop, redis.stop);
		const sandbox = await startSandbox({ size: 10 });
		stops.push(() => sandbox.close());
		const [tenantA, tenantB] = sandbox.tenants.map((tenant) => tenant.tenantId);
		const fixtures = loadFixtures({ __TENANT_A__: tenantA, __TENANT_B__: tenantB });
		const examples = workflowFiles().map((file) => ({ file, json: { ...loadWorkflow(file), id: newId() } }));

		const cluster = await time('n8n', () =>
			QueueCluster.create(
				{ toolchain, postgres, redis, credentialsOverwrite: sandboxOverwrites(sandbox.url) },
				{
					credentials: [
						...sandboxCredentials(sandbox),
						{ ...HOOK_CREDENTIAL, data: { name: HOOK_HEADER.name, value: HOOK_HEADER.value } },
					],
					workflows: [...fixtures.map((fixture) => fixture.json), ...examples.map((example) => example.json)],
				},
			),
		);
		stops.push(() => cluster.stop());
		const workflows = Object.fromEntries(fixtures.map((fixture) => [fixture.name, fixture.json.id])) as Record<FixtureName, string>;
		return {
			sandbox,
			cluster,
			workflows,
			examples: Object.fromEntries(examples.map((example) => [example.file, example.json.id])),
			tenantA,
			tenantB,
			timings,
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
