import { createHash } from 'crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'fs';
import { createRequire } from 'module';
import { dirname, join } from 'path';
import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import type { OpenAPIBackend, Operation } from 'openapi-backend';

// Loaded with Node's own require: jest's module registry cannot load openapi-backend's
// ESM-only dependency (Node 20 can).
// (`process.getBuiltinModule` reaches Node's real `module` even inside jest.)
const realModule = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule?.('module') as typeof import('module') | undefined;
const nodeRequire = (realModule?.createRequire ?? createRequire)(__filename);
const { OpenAPIBackend: Backend } = nodeRequire('openapi-backend') as typeof import('openapi-backend');
const addFormats = nodeRequire('ajv-formats') as typeof import('ajv-formats').default;
const standaloneCode = (nodeRequire('ajv/dist/standalone') as typeof import('ajv/dist/standalone')).default;
const { parse: parseYaml } = nodeRequire('yaml') as typeof import('yaml');

export const SPEC_DIR = join(__dirname, 'spec');
const ACCOUNTING_SPEC = join(SPEC_DIR, 'xero_accounting.yaml');

// Parsed specs and compiled validators are kept on disk between processes: parsing the
// 900 KB YAML takes ~0.8 s and compiling one operation's dereferenced schema ~0.6 s, while
// loading either from the cache takes a few milliseconds. Every jest file is a new module
// registry, so without this each test file would pay the full price again.
const CACHE_DIR = join(dirname(require.resolve('openapi-backend/package.json')), '..', '.cache', 'xero-sandbox');
const cacheRequire = createRequire(join(CACHE_DIR, 'validator.js'));

function writeAtomically(file: string, content: string): void {
	try {
		mkdirSync(CACHE_DIR, { recursive: true });
		const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
		writeFileSync(tmp, content);
		renameSync(tmp, file);
	} catch {
		// A read-only node_modules only costs speed.
	}
}

function loadYamlCached(file: string): Record<string, unknown> {
	const stat = statSync(file);
	const key = createHash('sha1').update(`${file}:${stat.size}:${stat.mtimeMs}`).digest('hex');
	const cached = join(CACHE_DIR, `spec-${key}.json`);
	if (existsSync(cached)) {
		try {
			return JSON.parse(readFileSync(cached, 'utf8'));
		} catch {
			// Fall through and re-parse a truncated cache file.
		}
	}
	const parsed = parseYaml(readFileSync(file, 'utf8')) as Record<string, unknown>;
	writeAtomically(cached, JSON.stringify(parsed));
	return parsed;
}

let accountingDefinition: Record<string, unknown> | undefined;

/** The Accounting API spec as a plain object (parsed once per process). */
export function accountingSpec(): Record<string, unknown> {
	accountingDefinition ??= loadYamlCached(ACCOUNTING_SPEC);
	return accountingDefinition;
}

/** Ajv compile wrapped with a disk cache of standalone validator code. */
function cachingAjv(ajv: Ajv): Ajv {
	addFormats(ajv);
	const compile = ajv.compile.bind(ajv);
	const version = (cacheRequire('ajv/package.json') as { version: string }).version;
	ajv.compile = ((schema: object) => {
		const text = JSON.stringify(schema);
		const key = createHash('sha1')
			.update(version)
			.update(JSON.stringify({ coerceTypes: ajv.opts.coerceTypes ?? false }))
			.update(text)
			.digest('hex');
		const file = join(CACHE_DIR, `validator-${key}.js`);
		if (existsSync(file)) {
			try {
				const mod = { exports: {} as { default?: ValidateFunction } };
				new Function('require', 'module', 'exports', readFileSync(file, 'utf8'))(cacheRequire, mod, mod.exports);
				const fn = (mod.exports.default ?? mod.exports) as ValidateFunction;
				if (typeof fn === 'function') return fn;
			} catch {
				// Recompile below.
			}
		}
		const validate = compile(schema);
		writeAtomically(file, standaloneCode(ajv, validate));
		return validate;
	}) as Ajv['compile'];
	return ajv;
}

export interface ValidationIssue {
	path: string;
	message: string;
}

export interface SpecRequest {
	method: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	query: Record<string, string | string[]>;
	body?: unknown;
}

export class SpecValidator {
	constructor(private readonly api: OpenAPIBackend) {}

	match(method: string, path: string): Operation | undefined {
		return this.api.matchOperation({ method, path, headers: {} }) as Operation | undefined;
	}

	operation(operationId: string): Operation | undefined {
		return this.api.getOperation(operationId) as Operation | undefined;
	}

	pathParams(op: Operation, path: string): Record<string, string> {
		const parsed = this.api.router.parseRequest({ method: op.method, path, headers: {} }, op);
		return parsed.params as Record<string, string>;
	}

	validateRequest(req: SpecRequest, op: Operation): ValidationIssue[] {
		const result = this.api.validateRequest(
			{ method: req.method, path: req.path, headers: req.headers as Record<string, string>, query: { ...req.query }, body: req.body },
			op,
		);
		return toIssues(result.errors);
	}

	validateResponse(op: Operation, status: number, body: unknown): ValidationIssue[] {
		const result = this.api.validateResponse(body, op, status);
		return toIssues(result.errors);
	}
}

function toIssues(errors: unknown): ValidationIssue[] {
	if (!Array.isArray(errors)) return [];
	return errors.map((e: { instancePath?: string; message?: string; params?: unknown }) => ({
		path: e.instancePath ?? '',
		message: `${e.message ?? 'invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
	}));
}

let shared: SpecValidator | undefined;

/** One validator per process: openapi-backend compiles each operation lazily (quick mode). */
export function specValidator(): SpecValidator {
	if (shared) return shared;
	const api = new Backend({
		definition: accountingSpec() as never,
		apiRoot: '/api.xro/2.0',
		quick: true,
		validate: true,
		ajvOpts: { code: { source: true } },
		customizeAjv: (ajv) => cachingAjv(ajv),
	});
	// Quick mode dereferences synchronously, so init() has finished its work on return.
	api.init().catch((error) => {
		throw error;
	});
	if (!api.initialized) throw new Error('Xero spec could not be loaded');
	shared = new SpecValidator(api);
	return shared;
}
