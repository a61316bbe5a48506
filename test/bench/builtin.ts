/**
 * n8n's built-in Xero node (n8n-nodes-base), fetched from the npm registry at run time and loaded
 * into the harness as a second package. Only its Xero node and credentials are extracted, into a
 * cache folder outside the repository: that code is never part of this project.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'fs';
import { homedir } from 'os';
import { dirname, join, relative } from 'path';

import { REPO_ROOT } from '../harness';

/** The n8n-nodes-base that n8n 2.41.1 depends on (`npm view n8n@2.41.1 dependencies`). */
export const BUILTIN_VERSION = '2.41.1';
export const BUILTIN_NODE = 'n8n-nodes-base.xero';
export const BUILTIN_CREDENTIAL = 'xeroOAuth2Api';

const WANTED = [
	'package/dist/nodes/Xero',
	'package/dist/credentials/XeroOAuth2Api.credentials.js',
	// The real parent of XeroOAuth2Api; the harness only has a stand-in for it.
	'package/dist/credentials/OAuth2Api.credentials.js',
];
/** Modules the extracted files may load besides their own relative files. */
const ALLOWED_REQUIRES = new Set(['n8n-workflow']);

export function cacheRoot(): string {
	return process.env.XERO_BENCH_CACHE ?? join(homedir(), '.cache', 'n8n-nodes-xero-accounting');
}

function jsFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return jsFiles(path);
		return name.endsWith('.js') ? [path] : [];
	});
}

/** Refuses extracted code that loads anything but n8n-workflow and its own files. */
function checkRequires(root: string): void {
	for (const file of jsFiles(join(root, 'dist'))) {
		for (const [, id] of readFileSync(file, 'utf8').matchAll(/require\(["']([^"']+)["']\)/g)) {
			if (!id.startsWith('.') && !ALLOWED_REQUIRES.has(id)) {
				throw new Error(`${relative(root, file)} requires "${id}", which the benchmark does not provide`);
			}
		}
	}
}

/**
 * Returns the root of a package holding only the built-in Xero node, ready for `loadPackage(root)`:
 * `npm pack` once into the cache, extract the Xero files, check what they require, and point their
 * `n8n-workflow` at this repository's copy (the harness must share one instance with them).
 */
export function ensureBuiltinPackage(version = BUILTIN_VERSION, log: (line: string) => void = () => undefined): string {
	const root = join(cacheRoot(), `n8n-nodes-base-${version}-xero`);
	const manifest = join(root, 'package.json');
	if (!existsSync(manifest)) {
		rmSync(root, { recursive: true, force: true });
		mkdirSync(root, { recursive: true });
		const tarball = join(cacheRoot(), `n8n-nodes-base-${version}.tgz`);
		if (!existsSync(tarball)) {
			log(`fetching n8n-nodes-base@${version} from the npm registry`);
			const name = execFileSync('npm', ['pack', `n8n-nodes-base@${version}`, '--pack-destination', cacheRoot(), '--silent'], {
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'inherit'],
			}).trim();
			if (join(cacheRoot(), name) !== tarball) throw new Error(`npm pack wrote ${name}, expected ${tarball}`);
		}
		execFileSync('tar', ['-xzf', tarball, '-C', root, '--strip-components=1', ...WANTED]);
		checkRequires(root);
		const modules = join(root, 'node_modules');
		mkdirSync(modules, { recursive: true });
		symlinkSync(dirname(require.resolve('n8n-workflow/package.json', { paths: [REPO_ROOT] })), join(modules, 'n8n-workflow'));
		writeFileSync(
			manifest,
			JSON.stringify(
				{
					name: 'n8n-nodes-base',
					version,
					description: 'The Xero node of n8n-nodes-base, extracted for the benchmark',
					n8n: {
						nodes: ['dist/nodes/Xero/Xero.node.js'],
						credentials: ['dist/credentials/OAuth2Api.credentials.js', 'dist/credentials/XeroOAuth2Api.credentials.js'],
					},
				},
				null,
				2,
			),
		);
	}
	checkRequires(root);
	return root;
}
