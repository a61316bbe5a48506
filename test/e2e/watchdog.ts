/**
 * Cleans up after the test process however it ends. Jest gives test code its own `process`
 * object, whose signal and exit handlers never run, so Ctrl-C or a killed test run would leave
 * n8n, Postgres and Redis processes behind. Instead a small detached process holds the list
 * of process groups and folders the test started; when its stdin closes (the test process ended:
 * normally, by a signal or by kill -9) it stops those groups (SIGTERM, SIGKILL 5 s later) and
 * deletes those folders.
 */
import { spawn, type ChildProcess } from 'child_process';

const SCRIPT = `
const { rmSync } = require('fs');
const groups = new Set();
const folders = new Set();
let buffer = '';
let ending = false;
const signal = (name) => { for (const pid of groups) { try { process.kill(-pid, name); } catch {} } };
const finish = () => {
	for (const folder of folders) { try { rmSync(folder, { recursive: true, force: true }); } catch {} }
	process.exit(0);
};
const end = () => {
	if (ending) return;
	ending = true;
	if (groups.size === 0) return finish();
	signal('SIGTERM');
	setTimeout(() => { signal('SIGKILL'); finish(); }, 5000);
};
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
	buffer += chunk;
	for (let i = buffer.indexOf('\\n'); i >= 0; i = buffer.indexOf('\\n')) {
		const [command, ...rest] = buffer.slice(0, i).split(' ');
		buffer = buffer.slice(i + 1);
		const value = rest.join(' ');
		if (command === 'group') groups.add(Number(value));
		if (command === 'forget') groups.delete(Number(value));
		if (command === 'folder') folders.add(value);
	}
});
process.stdin.on('end', end);
process.stdin.on('error', end);
`;

let child: ChildProcess | undefined;

function send(line: string): void {
	if (!child) {
		child = spawn(process.execPath, ['-e', SCRIPT], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
		child.unref();
		// The pipe must not keep the test process alive: its closing is the signal.
		(child.stdin as unknown as { unref?: () => void }).unref?.();
	}
	child.stdin?.write(`${line}\n`);
}

export const watchdog = {
	/** A process group to stop if the test process ends before it is forgotten. */
	group(pid: number | undefined): void {
		if (pid) send(`group ${pid}`);
	},
	forget(pid: number | undefined): void {
		if (pid) send(`forget ${pid}`);
	},
	/** A folder to delete when the test process ends. */
	folder(path: string): void {
		send(`folder ${path}`);
	},
	/** Everything was stopped in order: the watchdog only deletes the folders left, and exits. */
	close(): void {
		child?.stdin?.end();
		child = undefined;
	},
};
