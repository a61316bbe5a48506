import { existsSync, readFileSync, realpathSync } from 'fs';
import { join, resolve } from 'path';
import { PackageDirectoryLoader } from 'n8n-core';
import type { ICredentialType, IDataObject, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';

import { HarnessItems, OAuth2ApiBase } from './builtins';

export const REPO_ROOT = resolve(__dirname, '../..');

export const HARNESS_ITEMS = 'harness.items';

/** The credential types n8n would know: the package's plus the `oAuth2Api` base. */
export class CredentialTypes {
	constructor(
		private readonly types: Record<string, ICredentialType>,
		private readonly supportedNodes: Record<string, string[]>,
	) {}

	get(name: string): ICredentialType {
		const type = this.types[name];
		if (!type) throw new UnexpectedError(`Unknown credential type "${name}"`);
		return type;
	}

	has(name: string): boolean {
		return name in this.types;
	}

	/** All ancestors, nearest first, as n8n's CredentialTypes.getParentTypes. */
	getParentTypes(name: string): string[] {
		const parents = [...(this.types[name]?.extends ?? [])];
		return [...parents, ...parents.flatMap((parent) => this.getParentTypes(parent))];
	}

	/** Full node type names that list this credential. */
	getSupportedNodes(name: string): string[] {
		return this.supportedNodes[name] ?? [];
	}
}

class NodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType | IVersionedNodeType>) {}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types[nodeType];
		if (!type) {
			throw new UnexpectedError(`Unknown node type "${nodeType}"; known: ${Object.keys(this.types).join(', ')}`);
		}
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return Object.fromEntries(Object.keys(this.types).map((name) => [name, {}]));
	}
}

export interface LoadedPackage {
	packageName: string;
	loader: PackageDirectoryLoader;
	nodeTypes: INodeTypes;
	credentialTypes: CredentialTypes;
	/** 'xeroAccounting' → '<package>.xeroAccounting'; names with a dot are kept. */
	fullType(type: string): string;
}

// Fail early with a hint instead of a bare "Cannot find module" from inside n8n-core.
function assertBuilt(root: string) {
	const { n8n } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
		n8n?: { nodes?: string[]; credentials?: string[] };
	};
	const missing = [...(n8n?.nodes ?? []), ...(n8n?.credentials ?? [])].filter((file) => !existsSync(join(root, file)));
	if (missing.length) {
		throw new UnexpectedError(`${missing.join(', ')} not found under ${root}: run \`npm run build\` first`);
	}
}

async function load(root: string): Promise<LoadedPackage> {
	assertBuilt(root);
	const loader = new PackageDirectoryLoader(root);
	await loader.loadAll();
	const { packageName } = loader;
	const fullType = (type: string) => (type.includes('.') ? type : `${packageName}.${type}`);

	// n8n prefixes node types with the package name (LoadNodesAndCredentials.postProcessLoaders).
	const nodeTypes: Record<string, INodeType | IVersionedNodeType> = { [HARNESS_ITEMS]: new HarnessItems() };
	for (const [name, { type }] of Object.entries(loader.nodeTypes)) nodeTypes[fullType(name)] = type;

	const credentialTypes: Record<string, ICredentialType> = { oAuth2Api: new OAuth2ApiBase() };
	const supportedNodes: Record<string, string[]> = {};
	for (const [name, { type }] of Object.entries(loader.credentialTypes)) {
		credentialTypes[name] = type;
		supportedNodes[name] = (loader.known.credentials[name]?.supportedNodes ?? []).map(fullType);
	}

	return {
		packageName,
		loader,
		nodeTypes: new NodeTypes(nodeTypes),
		credentialTypes: new CredentialTypes(credentialTypes, supportedNodes),
		fullType,
	};
}

const cache = new Map<string, Promise<LoadedPackage>>();

/** Loads the package at `root` (default: this repository, built into dist/) as n8n does; cached per root. */
export async function loadPackage(root = REPO_ROOT): Promise<LoadedPackage> {
	const key = realpathSync(root);
	let loaded = cache.get(key);
	if (!loaded) {
		loaded = load(key);
		cache.set(key, loaded);
		loaded.catch(() => cache.delete(key));
	}
	return await loaded;
}
