/**
 * `npm start`: the Xero sandbox and a real n8n with this package, the example workflows and
 * connected credentials imported, until Ctrl-C.
 *
 *   npm start -- --port 5678 --sandbox-port 5055 --size 25 --seed 1 [--workflows DIR] [--listen 0.0.0.0] [--verbose]
 *
 * Workflows saved with `"active": true` are activated; the first with the webhook trigger gets
 * the sandbox's webhook deliveries. Workflows reference the credentials by SANDBOX_CREDENTIALS ids.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'fs';
import { join, resolve } from 'path';

import { REPO_ROOT } from './install';
import type { WorkflowJson } from './n8n';
import { startStack, WEBHOOK_TRIGGER_TYPE, type Stack } from './stack';
import { cacheDir, ensureToolchain } from './toolchain';

// Kept after exit for its log; gitignored.
const USER_FOLDER = join(REPO_ROOT, '.n8n-local');

function option(name: string, fallback: string): string {
	const args = process.argv.slice(2);
	const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
	if (i < 0) return fallback;
	return args[i].includes('=') ? args[i].split('=')[1] : args[i + 1];
}

function say(line: string) {
	process.stdout.write(`${line}\n`);
}

function exampleWorkflows(dir: string): Array<{ file: string; json: WorkflowJson }> {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => ({ file: name, json: JSON.parse(readFileSync(join(dir, name), 'utf8')) }));
}

/** Activates the workflows saved as active; the first one with the webhook trigger gets the sandbox's deliveries. */
async function activateExamples(stack: Stack, imported: Array<{ id: string; file: string; json: WorkflowJson }>) {
	let subscribed = false;
	for (const { id, file, json } of imported) {
		if (json.active !== true) continue;
		const webhookNode = json.nodes.find((node) => node.type === WEBHOOK_TRIGGER_TYPE);
		try {
			if (webhookNode && !subscribed) {
				const url = await stack.subscribeWebhookTrigger(id, String(webhookNode.name));
				say(`  active      ${file} (sandbox webhooks → ${url})`);
				subscribed = true;
			} else {
				await stack.activate(id);
				say(`  active      ${file}`);
			}
		} catch (error) {
			say(`  NOT ACTIVE  ${file}: ${(error as Error).message}`);
		}
	}
}

async function main() {
	const started = Date.now();
	const toolchain = ensureToolchain();
	rmSync(USER_FOLDER, { recursive: true, force: true });
	const listen = option('listen', '127.0.0.1');
	const stack = await startStack({
		sandboxPort: Number(option('sandbox-port', '5055')),
		sandboxSize: Number(option('size', '25')),
		sandboxSeed: Number(option('seed', '1')),
		n8nPort: Number(option('port', '5678')),
		n8n: {
			toolchain,
			userFolder: USER_FOLDER,
			echo: process.argv.includes('--verbose'),
			env: listen === '127.0.0.1' ? {} : { N8N_LISTEN_ADDRESS: listen },
		},
	});

	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		say('\nStopping n8n and the sandbox...');
		await stack.stop();
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));

	try {
		const dir = resolve(option('workflows', join(REPO_ROOT, 'workflows')));
		const examples = exampleWorkflows(dir);
		const ids = await stack.importWorkflows(examples.map((example) => example.json));
		const imported = examples.map((example, i) => ({ ...example, id: ids[i] }));
		say('');
		say(`Workflows from ${dir}: ${imported.length === 0 ? 'none yet' : imported.length}`);
		for (const { id, file } of imported) say(`  imported    ${file}  ${stack.n8n.url}/workflow/${id}`);
		await activateExamples(stack, imported);
	} catch (error) {
		say(`Import failed: ${(error as Error).message}`);
		await stop(1);
		return;
	}

	const { n8n, sandbox, credentials } = stack;
	say('');
	say(`n8n ${n8n.url}  (ready after ${((Date.now() - started) / 1000).toFixed(0)} s)`);
	say(`  login        ${n8n.owner.email} / ${n8n.owner.password}`);
	say(`  credentials  "${credentials.oAuth2.name}" (connected), "${credentials.customConnection.name}", "${credentials.webhook.name}"`);
	say(`  log          ${join(USER_FOLDER, 'n8n.log')}`);
	say(`Xero sandbox ${sandbox.url}  (control API ${sandbox.url}/__sandbox/state)`);
	for (const tenant of sandbox.tenants) say(`  organisation ${tenant.tenantId}  ${tenant.tenantName}`);
	say(`Toolchain cache ${cacheDir()}`);
	say('\nCtrl-C to stop.');
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
