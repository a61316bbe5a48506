/**
 * Screenshots of the example workflows in the n8n editor, for the README: a real n8n with this
 * package and the sandbox, and headless Chromium driven over the Chrome DevTools Protocol.
 * On demand, not in CI:
 *
 *   npm run screenshots [-- file.json ...]
 *
 * Needs Debian's `chromium` (`apt-get install -y chromium`, or CHROMIUM=/path/to/chrome) and a
 * Node with a global WebSocket (Node 22+, or Node 20 with --experimental-websocket).
 * Writes workflows/screenshots/<file name>.png.
 */
import { spawn, type ChildProcess } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';

import { sleep } from './proc';
import { startStack } from './stack';
import { loadWorkflow, workflowFiles, WORKFLOWS_DIR } from './workflows/support/files';

const WIDTH = 1680;
const HEIGHT = 960;
const OUT_DIR = join(WORKFLOWS_DIR, 'screenshots');

type Message = { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string }; sessionId?: string };

/** The least of the DevTools protocol this needs: commands, replies and one-off events. */
class DevTools {
	private nextId = 0;
	private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
	private readonly waiters: Array<{ method: string; resolve(params: unknown): void }> = [];

	private constructor(private readonly socket: WebSocket) {
		socket.addEventListener('message', (event) => {
			const message = JSON.parse(String(event.data)) as Message;
			if (message.id !== undefined) {
				const call = this.pending.get(message.id);
				this.pending.delete(message.id);
				if (message.error) call?.reject(new Error(message.error.message));
				else call?.resolve(message.result);
				return;
			}
			for (const waiter of this.waiters.filter((candidate) => candidate.method === message.method)) {
				this.waiters.splice(this.waiters.indexOf(waiter), 1);
				waiter.resolve(message.params);
			}
		});
	}

	static async connect(url: string): Promise<DevTools> {
		if (typeof WebSocket !== 'function') throw new Error('this Node has no WebSocket: use Node 22+, or Node 20 with --experimental-websocket');
		const socket = new WebSocket(url);
		await new Promise((resolve, reject) => {
			socket.addEventListener('open', resolve, { once: true });
			socket.addEventListener('error', () => reject(new Error(`cannot connect to ${url}`)), { once: true });
		});
		return new DevTools(socket);
	}

	send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<T> {
		const id = ++this.nextId;
		this.socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
		return new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: (value) => resolve(value as T), reject }));
	}

	next(method: string): Promise<unknown> {
		return new Promise((resolve) => this.waiters.push({ method, resolve }));
	}

	close() {
		this.socket.close();
	}
}

async function launchChromium(profile: string): Promise<{ process: ChildProcess; endpoint: string }> {
	const binary = process.env.CHROMIUM ?? 'chromium';
	const child = spawn(
		binary,
		[
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			`--user-data-dir=${profile}`,
			'--remote-debugging-port=0',
			`--window-size=${WIDTH},${HEIGHT}`,
			'about:blank',
		],
		{ stdio: ['ignore', 'ignore', 'pipe'] },
	);
	const endpoint = await new Promise<string>((resolve, reject) => {
		let output = '';
		const timer = setTimeout(() => reject(new Error(`${binary} did not start:\n${output}`)), 30_000);
		child.once('error', (error) => reject(new Error(`cannot run ${binary}: ${error.message} (apt-get install -y chromium)`)));
		child.stderr?.on('data', (chunk: Buffer) => {
			output += chunk;
			const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
			if (match) {
				clearTimeout(timer);
				resolve(match[1]);
			}
		});
	});
	return { process: child, endpoint };
}

async function ownerCookie(url: string, email: string, password: string): Promise<string> {
	const response = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: email, password }),
	});
	const cookie = response.headers.getSetCookie().find((value) => value.startsWith('n8n-auth='));
	if (!cookie) throw new Error(`login failed: ${response.status}`);
	return cookie.split(';')[0].slice('n8n-auth='.length);
}

/** Opens a workflow in the editor, waits until every node is drawn, fits it to the view and returns a PNG. */
async function capture(devtools: DevTools, sessionId: string, url: string, nodes: number): Promise<Buffer> {
	const loaded = devtools.next('Page.loadEventFired');
	await devtools.send('Page.navigate', { url }, sessionId);
	await loaded;
	const drawn = async () =>
		(
			await devtools.send<{ result: { value: number } }>(
				'Runtime.evaluate',
				{ expression: 'document.querySelectorAll(\'[data-test-id="canvas-node"]\').length', returnByValue: true },
				sessionId,
			)
		).result.value;
	const deadline = Date.now() + 60_000;
	while ((await drawn()) < nodes) {
		if (Date.now() > deadline) throw new Error(`${url}: ${await drawn()} of ${nodes} nodes drawn after 60 s`);
		await sleep(250);
	}
	// Close whatever opened on load, then "zoom to fit" (the editor's shortcut 1) on the canvas.
	for (const key of ['Escape', '1']) {
		await devtools.send('Runtime.evaluate', { expression: "document.querySelector('.vue-flow__pane')?.dispatchEvent(new MouseEvent('click', { bubbles: true }))" }, sessionId);
		for (const type of ['keyDown', 'keyUp']) await devtools.send('Input.dispatchKeyEvent', { type, key, code: key === '1' ? 'Digit1' : key, text: type === 'keyDown' && key === '1' ? '1' : undefined }, sessionId);
		await sleep(400);
	}
	await sleep(800);
	const { data } = await devtools.send<{ data: string }>('Page.captureScreenshot', { format: 'png' }, sessionId);
	return Buffer.from(data, 'base64');
}

async function main() {
	const wanted = process.argv.slice(2).filter((arg) => arg.endsWith('.json'));
	const files = wanted.length ? wanted.map((file) => basename(file)) : workflowFiles();
	const stack = await startStack({ sandboxSize: 5 });
	const profile = mkdtempSync(join(tmpdir(), 'xero-screenshots-'));
	let chromium: ChildProcess | undefined;
	try {
		const ids = await stack.importWorkflows(files.map((file) => join(WORKFLOWS_DIR, file)));
		const browser = await launchChromium(profile);
		chromium = browser.process;
		const devtools = await DevTools.connect(browser.endpoint);
		const { targetId } = await devtools.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
		const { sessionId } = await devtools.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
		await devtools.send('Page.enable', {}, sessionId);
		await devtools.send('Emulation.setDeviceMetricsOverride', { width: WIDTH, height: HEIGHT, deviceScaleFactor: 1, mobile: false }, sessionId);
		const cookie = await ownerCookie(stack.n8n.url, stack.n8n.owner.email, stack.n8n.owner.password);
		await devtools.send('Network.setCookie', { name: 'n8n-auth', value: cookie, url: stack.n8n.url }, sessionId);
		mkdirSync(OUT_DIR, { recursive: true });
		for (const [i, file] of files.entries()) {
			// Sticky notes are drawn differently; the other nodes are the ones to wait for.
			const nodes = loadWorkflow(file).nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote').length;
			const png = await capture(devtools, sessionId, `${stack.n8n.url}/workflow/${ids[i]}`, nodes);
			const target = join(OUT_DIR, file.replace(/\.json$/, '.png'));
			writeFileSync(target, png);
			process.stdout.write(`${target}\n`);
		}
		devtools.close();
	} finally {
		chromium?.kill('SIGKILL');
		await stack.stop();
		rmSync(profile, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
