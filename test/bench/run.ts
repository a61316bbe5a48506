/**
 * `npm run bench`: this package's nodes side by side with n8n's built-in Xero node, against the
 * local Xero sandbox, at Xero's page size (1,000) and batch size (50). Prints one table and writes
 * it as JSON to bench/results/<timestamp>.json. Not part of `npm test`.
 *
 *   npm run bench                       full size (5 to 10 minutes on two cores)
 *   npm run bench -- --quick            small N, a smoke run
 *   npm run bench -- --read 20000 --only readAll,memory
 *
 * Flags (defaults in DEFAULTS): --read, --changed-total, --changed, --create, --invalid-share,
 * --pay, --poll-changes, --webhooks, --rate-create, --time-scale, --memory, --organic-lines,
 * --seed-size, --only <ids>, --no-builtin-memory, --package <root> (a built copy of this package
 * to load instead of the repository's dist/).
 */
import '../setup-env';

import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { cpus, loadavg, totalmem } from 'os';
import { join } from 'path';

import { REPO_ROOT } from '../harness';
import { BUILTIN_VERSION } from './builtin';
import { builtinNode, ourNode, runFlow, type BenchContext, startBench } from './context';
import { renderTable } from './report';
import type { Row } from './results';
import { memoryScenario } from './scenarios/memory';
import { organicScenario } from './scenarios/organic';
import { rateLimitScenario } from './scenarios/rateLimit';
import { changedSince, readAll, readFirstPage, type PagingMemory } from './scenarios/reads';
import { pollScenarios, webhookScenario } from './scenarios/triggers';
import { createInvoices, createScenario, invoiceInput, markPaidScenario, singleDocumentRows } from './scenarios/writes';

const DEFAULTS = {
	read: 10_000,
	changedTotal: 50_000,
	changed: 500,
	create: 1_000,
	invalidShare: 0.05,
	pay: 500,
	pollChanges: 100,
	webhooks: 10_000,
	rateCreate: 5_000,
	// Xero's minute lasts 15 s: long enough for this package's batches to reach 60 calls in one.
	timeScale: 4,
	memory: 100_000,
	organicLines: 1_000_000,
	seedSize: 500,
};
type Options = typeof DEFAULTS;

const QUICK: Options = {
	read: 500,
	changedTotal: 2_000,
	changed: 40,
	create: 100,
	invalidShare: 0.05,
	pay: 50,
	pollChanges: 10,
	webhooks: 300,
	rateCreate: 400,
	timeScale: 30,
	memory: 5_000,
	organicLines: 100_000,
	seedSize: 100,
};

const SCENARIOS = ['readAll', 'changedSince', 'create', 'single', 'markPaid', 'poll', 'webhook', 'rateLimit', 'memory', 'organic'] as const;

function argument(name: string): string | undefined {
	const args = process.argv.slice(2);
	const index = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
	if (index < 0) return undefined;
	return args[index].includes('=') ? args[index].slice(args[index].indexOf('=') + 1) : args[index + 1];
}

function parseOptions(): { options: Options; only: Set<string>; builtinMemory: boolean; packageRoot?: string } {
	const options = { ...(process.argv.includes('--quick') ? QUICK : DEFAULTS) };
	for (const key of Object.keys(options) as Array<keyof Options>) {
		const flag = key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
		const value = argument(flag);
		if (value === undefined) continue;
		const number = Number(value.replace(/_/g, ''));
		if (!Number.isFinite(number) || number < 0) throw new Error(`--${flag} needs a number, got "${value}"`);
		options[key] = number;
	}
	const only = new Set((argument('only') ?? SCENARIOS.join(',')).split(',').map((id) => id.trim()));
	for (const id of only) if (!(SCENARIOS as readonly string[]).includes(id)) throw new Error(`Unknown scenario "${id}"; known: ${SCENARIOS.join(', ')}`);
	return { options, only, builtinMemory: !process.argv.includes('--no-builtin-memory'), packageRoot: argument('package') };
}

const started = Date.now();
function log(line: string): void {
	process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}\n`);
}

/** Loads both packages and compiles the sandbox's validators, so the measured runs do not pay for it. */
async function warmUp(ctx: BenchContext): Promise<void> {
	log('warming up');
	await runFlow(ctx, 'ours', [ourNode(ctx, 'Read', { resource: 'salesInvoice', operation: 'getAll', returnAll: false, limit: 5 })]);
	await runFlow(ctx, 'ours', [ourNode(ctx, 'Bills', { resource: 'bill', operation: 'getAll', returnAll: false, limit: 5 })]);
	await runFlow(ctx, 'ours', [ourNode(ctx, 'Orders', { resource: 'purchaseOrder', operation: 'getAll', returnAll: false, limit: 5 })]);
	await runFlow(ctx, 'builtin', [builtinNode(ctx, 'Read', { resource: 'invoice', operation: 'getAll', returnAll: false, limit: 5 })]);
	for (const side of ['ours', 'builtin'] as const) {
		await createInvoices(ctx, side, `WARMUP-${side}`, invoiceInput(ctx, `WARMUP-${side}`, 2));
	}
}

function packageVersion(name: string): string {
	const file = require.resolve(`${name}/package.json`, { paths: [REPO_ROOT] });
	return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

async function main(): Promise<void> {
	const { options, only, builtinMemory, packageRoot } = parseOptions();
	const rows: Row[] = [];
	const extra: Record<string, unknown> = {};
	log(`options: ${JSON.stringify(options)}`);
	const ctx = await startBench({ seedSize: options.seedSize, oursRoot: packageRoot, log });
	log(`sandbox seeded (${options.seedSize} documents of each kind per organisation) at ${ctx.sandbox.url}`);
	const record = (row: Row) => {
		rows.push(row);
		const flag = (side: Row['ours']) => (side.na ? 'n/a' : `${side.calls ?? '?'} calls${side.ok === false ? ' ✗' : ''}`);
		log(`→ ${row.scenario}: ours ${flag(row.ours)}, built-in ${flag(row.builtin)}`);
	};
	try {
		await warmUp(ctx);
		let small: PagingMemory | undefined;
		if (only.has('readAll') || only.has('memory')) {
			const result = await readAll(ctx, options.read);
			small = result.memory;
			if (only.has('readAll')) {
				record(result.row);
				record(await readFirstPage(ctx));
			}
		}
		if (only.has('changedSince') || only.has('poll')) {
			const row = await changedSince(ctx, options.changedTotal, options.changed);
			if (only.has('changedSince')) record(row);
		}
		if (only.has('create') || only.has('markPaid')) {
			record(await createScenario(ctx, options.create, 0));
			if (options.invalidShare > 0) record(await createScenario(ctx, options.create, options.invalidShare));
		}
		if (only.has('single')) for (const row of await singleDocumentRows(ctx)) record(row);
		if (only.has('markPaid')) {
			record(await markPaidScenario(ctx, options.pay, false));
			record(await markPaidScenario(ctx, options.pay, true));
		}
		if (only.has('poll')) for (const row of await pollScenarios(ctx, options.pollChanges)) record(row);
		if (only.has('webhook')) record(await webhookScenario(ctx, options.webhooks));
		if (only.has('rateLimit')) record(await rateLimitScenario(ctx, { n: options.rateCreate, timeScale: options.timeScale }));
		if (only.has('memory') && small) record(await memoryScenario(ctx, options.memory, small, builtinMemory));
		if (only.has('organic')) {
			const { row, result } = organicScenario(ctx, options.organicLines);
			extra.organic = result;
			record(row);
		}
	} finally {
		ctx.wire.remove();
		await ctx.sandbox.close();
	}

	const table = renderTable(rows);
	process.stdout.write(`\n${table}\n`);
	const folder = join(REPO_ROOT, 'bench', 'results');
	mkdirSync(folder, { recursive: true });
	const stamp = new Date(started).toISOString().replace(/[:.]/g, '-');
	const file = join(folder, `${stamp}.json`);
	const report = {
		startedAt: new Date(started).toISOString(),
		seconds: Math.round((Date.now() - started) / 1000),
		options,
		environment: {
			node: process.version,
			cpus: cpus().length,
			memoryGb: Math.round(totalmem() / 1024 ** 3),
			loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
			n8nCore: packageVersion('n8n-core'),
			n8nWorkflow: packageVersion('n8n-workflow'),
			builtinNode: `n8n-nodes-base@${BUILTIN_VERSION}`,
		},
		rows,
		table,
		...extra,
	};
	writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
	log(`written ${file}`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
