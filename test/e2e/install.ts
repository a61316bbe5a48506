/** This package (or a fixture package) as n8n finds a community package, and the test database. */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'fs';
import { createRequire } from 'module';
import { join, resolve } from 'path';

import type { Toolchain } from './toolchain';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const PACKAGE_NAME: string = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).name;

/**
 * Copies what `npm pack` would ship (package.json and its `files`) rather than symlinking:
 * n8n points NODE_PATH at its own node_modules, and a symlink into this repository would
 * resolve `n8n-workflow` from the repository's (Node 20) install instead.
 */
export function installPackage(packageDir: string, nodesDir: string): string {
	const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
	const target = join(nodesDir, 'node_modules', manifest.name);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	cpSync(join(packageDir, 'package.json'), join(target, 'package.json'));
	for (const entry of manifest.files ?? ['dist']) {
		if (!existsSync(join(packageDir, entry))) throw new Error(`${join(packageDir, entry)} is missing: run npm run build`);
		cpSync(join(packageDir, entry), join(target, entry), { recursive: true });
	}
	return target;
}

/** Starts from the already migrated database, unless the folder has one. */
export function seedDatabase(toolchain: Toolchain, n8nFolder: string) {
	if (existsSync(join(n8nFolder, 'database.sqlite'))) return;
	mkdirSync(n8nFolder, { recursive: true });
	for (const file of ['database.sqlite', 'database.sqlite-wal']) {
		if (existsSync(join(toolchain.templateDir, file))) cpSync(join(toolchain.templateDir, file), join(n8nFolder, file));
	}
}

/** Node types and credential types a built package declares in its package.json `n8n` section. */
export function declaredTypes(packageDir = REPO_ROOT): { nodes: string[]; credentials: string[] } {
	const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
	const nodes = (manifest.n8n?.nodes ?? []).map((file: string) => {
		return `${manifest.name}.${loadClass(join(packageDir, file)).description?.name}`;
	});
	const credentials = (manifest.n8n?.credentials ?? []).map((file: string) => String(loadClass(join(packageDir, file)).name));
	return { nodes, credentials };
}

/** The one class a built node or credential file exports, instantiated. */
function loadClass(file: string): { name?: string; description?: { name: string } } {
	const exports = createRequire(file)(file) as Record<string, unknown>;
	const Class = Object.values(exports).find((value) => typeof value === 'function');
	if (!Class) throw new Error(`${file} exports no class`);
	return new (Class as new () => { name?: string; description?: { name: string } })();
}

