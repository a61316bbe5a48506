/** Child processes that never outlive the caller, and free loopback ports. */
import { spawn, type ChildProcess, type SpawnOptions } from 'child_process';
import { createServer } from 'net';

import { watchdog } from './watchdog';

function killGroup(pid: number, signal: NodeJS.Signals) {
	try {
		process.kill(-pid, signal);
	} catch {
		// already gone
	}
}

/** Stops the whole group now, and tells the watchdog it need not. */
export function endGroup(pid: number | undefined): void {
	if (!pid) return;
	killGroup(pid, 'SIGKILL');
	watchdog.forget(pid);
}

/**
 * Each child leads its own process group, so one kill reaches n8n's task runners too; the
 * watchdog stops the group if the test process ends first.
 */
export function spawnGroup(command: string, args: string[], options: SpawnOptions): ChildProcess {
	const child = spawn(command, args, { ...options, detached: true });
	watchdog.group(child.pid);
	return child;
}

/** SIGTERM to the whole group, SIGKILL after `graceMs`; resolves once the leader has exited. */
export async function stopGroup(child: ChildProcess, graceMs = 10_000): Promise<void> {
	const pid = child.pid;
	if (!pid) return;
	const exited = child.exitCode !== null || child.signalCode !== null;
	const done = exited ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
	killGroup(pid, 'SIGTERM');
	const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), graceMs);
	await done;
	clearTimeout(timer);
	// The leader may exit before its children: make sure none is left behind.
	endGroup(pid);
}

export interface RunResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	ms: number;
}

/** Runs a command to completion in its own group, killing the group on timeout. */
export async function run(command: string, args: string[], options: SpawnOptions & { timeoutMs?: number }): Promise<RunResult> {
	const started = Date.now();
	const child = spawnGroup(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
	let stdout = '';
	let stderr = '';
	child.stdout?.on('data', (chunk) => (stdout += chunk));
	child.stderr?.on('data', (chunk) => (stderr += chunk));
	const timeoutMs = options.timeoutMs ?? 120_000;
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		void stopGroup(child, 2000);
	}, timeoutMs);
	const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
		child.once('error', reject);
		child.once('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
	});
	clearTimeout(timer);
	endGroup(child.pid);
	if (timedOut) throw new Error(`${args.join(' ')} timed out after ${timeoutMs} ms\n${stdout}\n${stderr}`);
	return { code, signal, stdout, stderr, ms: Date.now() - started };
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

export async function sleep(ms: number) {
	await new Promise((resolve) => setTimeout(resolve, ms));
}
