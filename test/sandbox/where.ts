import { XeroValidationError } from './engine';
import { fromMsDate } from './xero-format';

// Xero's `where` and `order` query parameters: the subset of the .NET expression language
// real clients send (==, !=, >=, <=, >, <, AND/OR/NOT, parentheses, guid("…"),
// DateTime(y,m,d), .Contains/.StartsWith/.EndsWith, ToLower/ToUpper, null, true/false).

export type FieldGetter = (doc: object, path: string[]) => unknown;
export type Predicate = (doc: object) => boolean;

type Value = { kind: 'literal'; value: unknown } | { kind: 'field'; path: string[]; transform?: 'lower' | 'upper' };
type Node =
	| { kind: 'and' | 'or'; left: Node; right: Node }
	| { kind: 'not'; inner: Node }
	| { kind: 'compare'; op: string; left: Value; right: Value }
	| { kind: 'call'; method: string; target: Value; arg: Value }
	| { kind: 'truthy'; value: Value };

interface Token {
	type: 'ident' | 'string' | 'number' | 'op' | 'punct';
	text: string;
}

export function queryParseError(message: string): XeroValidationError {
	return new XeroValidationError(message, [], 16, 'QueryParseException');
}

function tokenize(input: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < input.length) {
		const c = input[i];
		if (/\s/.test(c)) {
			i++;
		} else if (c === '"' || c === "'") {
			let j = i + 1;
			let text = '';
			while (j < input.length && input[j] !== c) {
				if (input[j] === '\\' && j + 1 < input.length) j++;
				text += input[j++];
			}
			if (j >= input.length) throw queryParseError(`Unterminated string literal in '${input}'`);
			tokens.push({ type: 'string', text });
			i = j + 1;
		} else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(input[i + 1] ?? ''))) {
			const m = /^-?\d+(\.\d+)?[mMdD]?/.exec(input.slice(i))!;
			tokens.push({ type: 'number', text: m[0].replace(/[mMdD]$/, '') });
			i += m[0].length;
		} else if (/[A-Za-z_]/.test(c)) {
			const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(input.slice(i))!;
			tokens.push({ type: 'ident', text: m[0] });
			i += m[0].length;
		} else {
			const two = input.slice(i, i + 2);
			if (['==', '!=', '>=', '<=', '&&', '||', '<>'].includes(two)) {
				tokens.push({ type: 'op', text: two });
				i += 2;
			} else if ('=<>!'.includes(c)) {
				tokens.push({ type: 'op', text: c });
				i++;
			} else if ('().,'.includes(c)) {
				tokens.push({ type: 'punct', text: c });
				i++;
			} else {
				throw queryParseError(`Unexpected character '${c}' in '${input}'`);
			}
		}
	}
	return tokens;
}

class Parser {
	private pos = 0;

	constructor(
		private readonly tokens: Token[],
		private readonly source: string,
	) {}

	parse(): Node {
		const node = this.or();
		if (this.pos < this.tokens.length) this.fail(`Unexpected '${this.tokens[this.pos].text}'`);
		return node;
	}

	private fail(message: string): never {
		throw queryParseError(`${message} in where clause '${this.source}'`);
	}

	private peek(): Token | undefined {
		return this.tokens[this.pos];
	}

	private isWord(...words: string[]): boolean {
		const t = this.peek();
		return !!t && ((t.type === 'ident' && words.includes(t.text.toUpperCase())) || (t.type === 'op' && words.includes(t.text)));
	}

	private expectPunct(text: string): void {
		const t = this.tokens[this.pos++];
		if (!t || t.type !== 'punct' || t.text !== text) this.fail(`Expected '${text}'`);
	}

	private or(): Node {
		let left = this.and();
		while (this.isWord('OR', '||')) {
			this.pos++;
			left = { kind: 'or', left, right: this.and() };
		}
		return left;
	}

	private and(): Node {
		let left = this.unary();
		while (this.isWord('AND', '&&')) {
			this.pos++;
			left = { kind: 'and', left, right: this.unary() };
		}
		return left;
	}

	private unary(): Node {
		if (this.isWord('NOT', '!')) {
			this.pos++;
			return { kind: 'not', inner: this.unary() };
		}
		const t = this.peek();
		if (t?.type === 'punct' && t.text === '(') {
			this.pos++;
			const inner = this.or();
			this.expectPunct(')');
			return inner;
		}
		const left = this.value();
		const op = this.peek();
		if (op?.type === 'op' && ['==', '!=', '>=', '<=', '>', '<', '=', '<>'].includes(op.text)) {
			this.pos++;
			const right = this.value();
			const normalised = op.text === '=' ? '==' : op.text === '<>' ? '!=' : op.text;
			return { kind: 'compare', op: normalised, left, right };
		}
		if ('method' in left) return left.method as Node;
		return { kind: 'truthy', value: left };
	}

	/** A literal, a constructor call, or a field path with optional method calls. */
	private value(): Value & { method?: Node } {
		const t = this.tokens[this.pos++];
		if (!t) this.fail('Unexpected end of expression');
		if (t.type === 'string') return { kind: 'literal', value: t.text };
		if (t.type === 'number') return { kind: 'literal', value: Number(t.text) };
		if (t.type !== 'ident') this.fail(`Unexpected '${t.text}'`);
		const word = t.text;
		const upper = word.toUpperCase();
		if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'literal', value: upper === 'TRUE' };
		if (upper === 'NULL') return { kind: 'literal', value: null };
		if (upper === 'GUID' && this.peek()?.text === '(') {
			this.pos++;
			const arg = this.tokens[this.pos++];
			if (arg?.type !== 'string') this.fail('guid() needs a string');
			this.expectPunct(')');
			return { kind: 'literal', value: arg.text.toLowerCase() };
		}
		if (upper === 'DATETIME' && this.peek()?.text === '(') {
			this.pos++;
			const parts: number[] = [];
			for (;;) {
				const n = this.tokens[this.pos++];
				if (n?.type !== 'number') this.fail('DateTime() needs numbers');
				parts.push(Number(n.text));
				const sep = this.tokens[this.pos++];
				if (sep?.text === ')') break;
				if (sep?.text !== ',') this.fail("Expected ',' in DateTime()");
			}
			const [y, mo = 1, d = 1, h = 0, mi = 0, s = 0] = parts;
			return { kind: 'literal', value: new Date(Date.UTC(y, mo - 1, d, h, mi, s)) };
		}
		const path = [word];
		let transform: 'lower' | 'upper' | undefined;
		while (this.peek()?.text === '.') {
			this.pos++;
			const name = this.tokens[this.pos++];
			if (name?.type !== 'ident') this.fail("Expected a name after '.'");
			if (this.peek()?.text === '(') {
				this.pos++;
				const method = name.text.toLowerCase();
				if (method === 'tolower' || method === 'toupper') {
					this.expectPunct(')');
					transform = method === 'tolower' ? 'lower' : 'upper';
					continue;
				}
				if (method === 'contains' || method === 'startswith' || method === 'endswith') {
					const arg = this.value();
					this.expectPunct(')');
					const target: Value = { kind: 'field', path, transform };
					return { ...target, method: { kind: 'call', method, target, arg } };
				}
				this.fail(`Unsupported method '${name.text}'`);
			}
			path.push(name.text);
		}
		return { kind: 'field', path, transform };
	}
}

/** Comparable form: dates as ms, GUID-like and other strings lower-cased, rest as is. */
function comparable(value: unknown): unknown {
	if (value instanceof Date) return value.getTime();
	if (typeof value === 'string') {
		if (value.startsWith('/Date(')) return fromMsDate(value);
		return value.toLowerCase();
	}
	return value;
}

function compare(op: string, a: unknown, b: unknown): boolean {
	if (typeof a === 'number' && typeof b === 'string' && /^\d{4}-\d{2}-\d{2}/.test(b)) b = Date.parse(b);
	if (op === '==') return a === b || (a == null && b == null);
	if (op === '!=') return !(a === b || (a == null && b == null));
	if (a == null || b == null) return false;
	if (typeof a !== typeof b) return false;
	const x = a as number | string;
	const y = b as number | string;
	switch (op) {
		case '>':
			return x > y;
		case '<':
			return x < y;
		case '>=':
			return x >= y;
		case '<=':
			return x <= y;
		default:
			return false;
	}
}

function resolve(value: Value, doc: object, get: FieldGetter): unknown {
	if (value.kind === 'literal') return comparable(value.value);
	let v = get(doc, value.path);
	if (typeof v === 'string' && value.transform === 'upper') v = v.toUpperCase();
	return comparable(v);
}

function evaluate(node: Node, doc: object, get: FieldGetter): boolean {
	switch (node.kind) {
		case 'and':
			return evaluate(node.left, doc, get) && evaluate(node.right, doc, get);
		case 'or':
			return evaluate(node.left, doc, get) || evaluate(node.right, doc, get);
		case 'not':
			return !evaluate(node.inner, doc, get);
		case 'truthy':
			return resolve(node.value, doc, get) === true;
		case 'compare':
			return compare(node.op, resolve(node.left, doc, get), resolve(node.right, doc, get));
		case 'call': {
			const target = resolve(node.target, doc, get);
			const arg = resolve(node.arg, doc, get);
			if (typeof target !== 'string' || typeof arg !== 'string') return false;
			if (node.method === 'contains') return target.includes(arg);
			if (node.method === 'startswith') return target.startsWith(arg);
			return target.endsWith(arg);
		}
	}
}

export function defaultGetter(doc: object, path: string[]): unknown {
	let v: unknown = doc;
	for (const key of path) {
		if (v == null || typeof v !== 'object') return undefined;
		const record = v as Record<string, unknown>;
		if (key in record) v = record[key];
		else {
			// Xero matches member names without regard to case (InvoiceId, invoiceID).
			const lower = key.toLowerCase();
			const found = Object.keys(record).find((k) => k.toLowerCase() === lower);
			v = found === undefined ? undefined : record[found];
		}
	}
	return v;
}

export function compileWhere(expression: string, get: FieldGetter = defaultGetter): Predicate {
	const ast = new Parser(tokenize(expression), expression).parse();
	return (doc) => evaluate(ast, doc, get);
}

export type Comparator = (a: object, b: object) => number;

/** "Date DESC, InvoiceNumber" → a comparator (undefined when the order is empty). */
export function compileOrder(expression: string, get: FieldGetter = defaultGetter): Comparator | undefined {
	const keys = expression
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean)
		.map((part) => {
			const m = /^([A-Za-z_][A-Za-z0-9_.]*)(?:\s+(ASC|DESC))?$/i.exec(part);
			if (!m) throw queryParseError(`Invalid order clause '${part}'`);
			return { path: m[1].split('.'), desc: (m[2] ?? 'ASC').toUpperCase() === 'DESC' };
		});
	if (keys.length === 0) return undefined;
	return (a, b) => {
		for (const key of keys) {
			const x = comparable(get(a, key.path)) as number | string | undefined;
			const y = comparable(get(b, key.path)) as number | string | undefined;
			let c = 0;
			if (x === y) c = 0;
			else if (x === undefined || x === null) c = -1;
			else if (y === undefined || y === null) c = 1;
			else c = x < y ? -1 : 1;
			if (c !== 0) return key.desc ? -c : c;
		}
		return 0;
	};
}
