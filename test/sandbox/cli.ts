import { startSandbox } from './index';

// `npm run sandbox -- --port 5055 --size 25 --seed 1`: a Xero sandbox for a separate
// process (a real n8n, a benchmark) to talk to; drive it through /__sandbox/.

function flag(name: string, fallback: number): number {
	const args = process.argv.slice(2);
	const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
	if (i < 0) return fallback;
	const raw = args[i].includes('=') ? args[i].split('=')[1] : args[i + 1];
	const value = Number(raw);
	if (!Number.isFinite(value)) throw new Error(`--${name} needs a number, got ${raw}`);
	return value;
}

async function main(): Promise<void> {
	const sandbox = await startSandbox({
		port: flag('port', 5055),
		size: flag('size', 25),
		seed: flag('seed', 1),
		validateResponses: !process.argv.includes('--no-validate-responses'),
	});
	const lines = [
		`Xero sandbox listening on ${sandbox.url}`,
		`  accounting API   ${sandbox.url}/api.xro/2.0`,
		`  token endpoint   ${sandbox.url}/connect/token`,
		`  authorize page   ${sandbox.url}/identity/connect/authorize`,
		`  connections      ${sandbox.url}/connections`,
		`  control API      ${sandbox.url}/__sandbox/state`,
		`client id          ${sandbox.client.clientId}`,
		`client secret      ${sandbox.client.clientSecret}`,
		`custom connection  ${sandbox.customConnection.clientId} / ${sandbox.customConnection.clientSecret} (tenant ${sandbox.customConnection.tenantId})`,
		`webhook key        ${sandbox.webhooks.signingKey}`,
		...sandbox.tenants.map((t) => `tenant             ${t.tenantId}  ${t.tenantName}`),
	];
	console.log(lines.join('\n'));
	const stop = () => {
		void sandbox.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
