/**
 * Postgres and Redis from Debian's packages, each on a free loopback port with a throw-away data
 * folder, in its own process group (so one kill stops every backend). Installs the packages with
 * apt-get when they are missing.
 */
import { spawnSync, type ChildProcess } from 'child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'fs';
import { connect } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

import { freePort, run, sleep, spawnGroup, stopGroup } from '../e2e/proc';
import { watchdog } from '../e2e/watchdog';

function log(message: string) {
	process.stderr.write(`[queue] ${message}\n`);
}

/** A temporary folder, deleted when the test process ends however it ends (unless kept to read logs). */
export function scratchDir(prefix: string, keep = false): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	if (!keep) watchdog.folder(dir);
	return dir;
}

/** Newest installed Postgres server binaries (`initdb`, `postgres`, `psql`). */
function postgresBin(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const versions = readdirSync(root)
		.filter((version) => existsSync(join(root, version, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? join(root, versions[0], 'bin') : undefined;
}

function redisBin(): string | undefined {
	return ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((path) => existsSync(path));
}

function apt(args: string[]): boolean {
	const asRoot = process.getuid?.() === 0;
	const [command, prefix] = asRoot ? ['apt-get', []] : ['sudo', ['-n', 'apt-get']];
	const result = spawnSync(command, [...prefix, ...args], {
		stdio: ['ignore', 'inherit', 'inherit'],
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
	});
	return result.status === 0;
}

/** Debian's `postgresql` and `redis-server`, installed on first use (about 30 s). */
export function ensureServices(): { postgres: string; redis: string } {
	if (!postgresBin() || !redisBin()) {
		const packages = ['postgresql', 'redis-server'];
		log(`installing ${packages.join(' ')} with apt-get (first run only)`);
		const started = Date.now();
		const install = ['install', '-y', '--no-install-recommends', ...packages];
		// A clean image may have no package lists yet.
		if (!apt(install) && !(apt(['update']) && apt(install))) {
			throw new Error(`apt-get install ${packages.join(' ')} failed: install them, or run as root (or with passwordless sudo)`);
		}
		log(`installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
	}
	const postgres = postgresBin();
	const redis = redisBin();
	if (!postgres || !redis) throw new Error('postgresql or redis-server still missing after apt-get install');
	return { postgres, redis };
}

export interface Service {
	host: string;
	port: number;
	stop(): Promise<void>;
}

export interface Postgres extends Service {
	user: string;
	database: string;
	/** Runs SQL with psql and returns the rows of a `SELECT` as JSON objects. */
	query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
}

/** Postgres refuses to run as root: the server then runs as the `postgres` user. */
function serverUser(): { uid?: number; gid?: number } {
	if (process.getuid?.() !== 0) return {};
	const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
	const uid = id('-u');
	const gid = id('-g');
	if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error('running as root, but there is no postgres user');
	return { uid, gid };
}

function watch(child: ChildProcess, name: string): () => string {
	let output = '';
	const collect = (chunk: Buffer) => {
		output = (output + chunk.toString()).slice(-20_000);
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	child.once('exit', (code, signal) => {
		if (code !== 0 && signal === null) log(`${name} exited with ${code}:\n${output}`);
	});
	return () => output;
}

export async function startPostgres(bin: string): Promise<Postgres> {
	const user = 'n8n';
	const database = 'n8n';
	const host = '127.0.0.1';
	const dir = scratchDir('n8n-queue-pg-');
	const data = join(dir, 'data');
	const owner = serverUser();
	if (owner.uid !== undefined) chownSync(dir, owner.uid, owner.gid!);

	const init = await run(join(bin, 'initdb'), ['-D', data, '-U', user, '-A', 'trust', '-E', 'UTF8', '--no-sync'], {
		...owner,
		cwd: dir,
		timeoutMs: 120_000,
	});
	if (init.code !== 0) throw new Error(`initdb failed:\n${init.stdout}\n${init.stderr}`);

	const port = await freePort();
	// Durability is not wanted for a throw-away database; speed is.
	const child = spawnGroup(
		join(bin, 'postgres'),
		[
			'-D', data,
			'-p', String(port),
			'-c', `listen_addresses=${host}`,
			'-c', 'unix_socket_directories=',
			'-c', 'fsync=off',
			'-c', 'synchronous_commit=off',
			'-c', 'full_page_writes=off',
			'-c', 'max_connections=200',
		],
		{ ...owner, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	const output = watch(child, 'postgres');
	const stop = async () => {
		await stopGroup(child, 10_000);
		rmSync(dir, { recursive: true, force: true });
	};

	const psql = async (db: string, sql: string) =>
		await run(join(bin, 'psql'), ['-h', host, '-p', String(port), '-U', user, '-d', db, '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
			timeoutMs: 60_000,
		});

	try {
		const deadline = Date.now() + 60_000;
		for (;;) {
			if (child.exitCode !== null) throw new Error(`postgres exited with ${child.exitCode}:\n${output()}`);
			const ready = await psql('postgres', 'SELECT 1').catch(() => undefined);
			if (ready?.code === 0) break;
			if (Date.now() > deadline) throw new Error(`postgres not ready after 60 s:\n${output()}`);
			await sleep(200);
		}
		const created = await psql('postgres', `CREATE DATABASE ${database}`);
		if (created.code !== 0) throw new Error(`CREATE DATABASE failed: ${created.stderr}`);
	} catch (error) {
		await stop();
		throw error;
	}

	return {
		host,
		port,
		user,
		database,
		stop,
		query: async <T>(sql: string) => {
			const result = await psql(database, `SELECT coalesce(json_agg(q), '[]'::json) FROM (${sql}) q`);
			if (result.code !== 0) throw new Error(`psql failed: ${result.stderr}\n${sql}`);
			return JSON.parse(result.stdout.trim()) as T[];
		},
	};
}

async function redisPing(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		let reply = '';
		socket.setTimeout(1000, () => socket.destroy());
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			reply += chunk.toString();
			if (reply.includes('\r\n')) socket.end();
		});
		socket.once('close', () => resolve(reply.startsWith('+PONG')));
		socket.once('error', () => resolve(false));
	});
}

export async function startRedis(bin: string): Promise<Service> {
	const dir = scratchDir('n8n-queue-redis-');
	const port = await freePort();
	const child = spawnGroup(
		bin,
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'],
		{ cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	const output = watch(child, 'redis');
	const stop = async () => {
		await stopGroup(child, 5_000);
		rmSync(dir, { recursive: true, force: true });
	};
	const deadline = Date.now() + 30_000;
	while (!(await redisPing(port))) {
		if (child.exitCode !== null || Date.now() > deadline) {
			await stop();
			throw new Error(`redis-server did not start:\n${output()}`);
		}
		await sleep(100);
	}
	return { host: '127.0.0.1', port, stop };
}
