/**
 * Decides whether a Xero line item (or a Xero Item) is an organic product, and says why.
 *
 * Pure and fast: no n8n imports, no I/O. The rules are compiled once into two regular
 * expressions (keywords, exclusions) plus an optional one for item codes, then applied to
 * each line. A line that contains no keyword costs one regular expression scan per field.
 *
 * Matching rules (see README-section.md for the user-facing version):
 * - Keywords and exclusions match case-insensitively and only as whole words. Letters of any
 *   script, with their accents, are word characters; everything else (digits, `_`, `-`, spaces,
 *   punctuation) is a boundary. So `ORGANIC_OATS`, `ORGANIC-OATS` and `organic2kg` contain the
 *   word "organic", while `inorganic`, `organics` and `ORGANICOATS` do not.
 * - A space, `-` or `_` inside a keyword or exclusion matches any run of spaces, hyphens,
 *   dashes and underscores: `non-organic` also matches "non organic", "NON_ORGANIC".
 * - A trailing `*` matches any word ending: `ökologisch*` matches "ökologische", "ökologischer".
 * - An exclusion cancels keyword matches in the same clause of the same field (default), or
 *   only the match it overlaps, or every match in the field, or on the whole line (option).
 * - A line is organic when at least one match survives.
 */

export type OrganicField = 'itemCode' | 'description' | 'itemName';
export type ExclusionScope = 'match' | 'clause' | 'field' | 'line';
export type OrganicLanguage = 'da' | 'de' | 'es' | 'fi' | 'fr' | 'it' | 'nl' | 'no' | 'pt' | 'sv';

export const DEFAULT_KEYWORDS: readonly string[] = ['organic', 'organically'];

export const DEFAULT_EXCLUSIONS: readonly string[] = [
	'non-organic',
	'non organic',
	'nonorganic',
	'not organic',
	'inorganic',
	'semi-organic',
	'organic-free',
	'in-conversion',
	'not certified',
	'uncertified',
	'certification pending',
	'pending certification',
	'organic chemistry',
	'conventional',
	'conventionally grown',
];

export const DEFAULT_FIELDS: readonly OrganicField[] = ['itemCode', 'description'];

export const DEFAULT_EXCLUSION_SCOPE: ExclusionScope = 'clause';

export interface LanguageRules {
	label: string;
	keywords: readonly string[];
	exclusions: readonly string[];
}

/**
 * Terms protected for organic products in other languages (EU Regulation 2018/848, Annex IV,
 * and national usage), with their usual negations and the word for "conventional".
 * Accent-free spellings are listed where suppliers commonly drop accents.
 */
export const LANGUAGE_RULES: Readonly<Record<OrganicLanguage, LanguageRules>> = {
	da: {
		label: 'Danish',
		keywords: ['økologisk*', 'øko'],
		exclusions: ['ikke økologisk*', 'ikke øko', 'konventionel*'],
	},
	de: {
		label: 'German',
		keywords: ['bio', 'öko', 'oeko', 'ökologisch*', 'oekologisch*', 'biologisch*'],
		exclusions: ['nicht bio', 'kein bio', 'nicht ökologisch*', 'nicht biologisch*', 'konventionell*'],
	},
	es: {
		label: 'Spanish',
		keywords: [
			'bio',
			'ecológic*',
			'biológic*',
			'orgánic*',
			'ecologico',
			'ecologica',
			'ecologicos',
			'ecologicas',
			'biologico',
			'biologica',
			'biologicos',
			'biologicas',
			'organico',
			'organica',
			'organicos',
			'organicas',
		],
		exclusions: ['no ecológic*', 'no biológic*', 'no orgánic*', 'no bio', 'convencional*'],
	},
	fi: {
		label: 'Finnish',
		keywords: ['luomu*'],
		exclusions: ['ei luomu*', 'tavanomai*'],
	},
	fr: {
		label: 'French',
		keywords: ['bio', 'biologique*'],
		exclusions: ['non bio', 'pas bio', 'non biologique*', 'conventionnel*'],
	},
	it: {
		label: 'Italian',
		keywords: ['bio', 'biologico', 'biologica', 'biologici', 'biologiche'],
		exclusions: ['non bio', 'non biologic*', 'convenzional*'],
	},
	nl: {
		label: 'Dutch',
		keywords: ['bio', 'biologisch*', 'ecologisch*'],
		exclusions: ['niet bio', 'niet biologisch*', 'niet ecologisch*', 'gangbaar', 'gangbare'],
	},
	no: {
		label: 'Norwegian',
		keywords: ['økologisk*', 'øko'],
		exclusions: ['ikke økologisk*', 'ikke øko', 'konvensjonell*'],
	},
	pt: {
		label: 'Portuguese',
		keywords: [
			'bio',
			'biológic*',
			'orgânic*',
			'biologico',
			'biologica',
			'biologicos',
			'biologicas',
			'organico',
			'organica',
			'organicos',
			'organicas',
		],
		exclusions: ['não biológic*', 'não orgânic*', 'nao biologic*', 'nao organic*', 'convencional*'],
	},
	sv: {
		label: 'Swedish',
		keywords: ['ekologisk*', 'eko'],
		exclusions: ['inte ekologisk*', 'ej ekologisk*', 'icke ekologisk*', 'konventionell*'],
	},
};

export interface OrganicRuleOptions {
	/** Words that make a line organic. Default: DEFAULT_KEYWORDS. */
	keywords?: readonly string[];
	/** Phrases that cancel a keyword match. Default: DEFAULT_EXCLUSIONS. */
	exclusions?: readonly string[];
	/** Which fields keywords are looked for in. Default: item code and description. */
	fields?: readonly OrganicField[];
	/** Adds each language's keywords and exclusions. Default: none. */
	languages?: readonly OrganicLanguage[];
	/** Item codes starting with one of these (case-insensitive) are organic, e.g. `ORG-`. */
	codePrefixes?: readonly string[];
	/** A regular expression (case-insensitive) that marks an item code as organic. */
	codePattern?: string;
	/** How far an exclusion reaches. Default: `clause`. */
	exclusionScope?: ExclusionScope;
}

/** A rule that could not be compiled; `parameter` names the rule option at fault. */
export class OrganicRuleError extends Error {
	constructor(
		readonly parameter: keyof OrganicRuleOptions,
		message: string,
	) {
		super(message);
		this.name = 'OrganicRuleError';
	}
}

/** One keyword, code prefix or code pattern found in a field. */
export interface OrganicHit {
	/** Where the text came from: `ItemCode`, `Description`, `Item.Name`, `itemLookup.Description`… */
	field: string;
	rule: 'keyword' | 'codePrefix' | 'codePattern';
	/** The keyword, prefix or pattern as configured. */
	keyword: string;
	/** The text that matched, as written in the field. */
	text: string;
	/** Position of the match in the field. */
	index: number;
}

/** A hit cancelled by an exclusion. */
export interface OrganicExcludedHit extends OrganicHit {
	/** The exclusion as configured. */
	exclusion: string;
	/** The text the exclusion matched. */
	exclusionText: string;
	/** The field the exclusion was found in (another field only with the `line` scope). */
	exclusionField: string;
}

export type OrganicLineReason = 'matched' | 'excluded' | 'noMatch' | 'noText';

export interface OrganicLineDecision {
	/** Position of the line in the document's LineItems (0 for a bare line or an Item). */
	lineIndex: number;
	/** The line's item code, when it has one, to find the line again. */
	itemCode?: string;
	organic: boolean;
	/**
	 * `matched`: at least one keyword survived. `excluded`: keywords were found, every one was
	 * cancelled by an exclusion. `noMatch`: the inspected fields contain no keyword.
	 * `noText`: none of the inspected fields has any text.
	 */
	reason: OrganicLineReason;
	/** The fields that had text and were inspected, e.g. "ItemCode, Description" ('' when none). */
	inspected: string;
	/** Every surviving hit, in field order. */
	matches: OrganicHit[];
	/** Every hit an exclusion cancelled. */
	excluded: OrganicExcludedHit[];
}

/** Details of a Xero Item, found by its code, used when a line carries only a code. */
export interface ItemDetails {
	Name?: unknown;
	Description?: unknown;
	PurchaseDescription?: unknown;
}

/** Looked-up Items keyed by `itemLookupKey(code)`. */
export type ItemDetailsMap = ReadonlyMap<string, ItemDetails>;

/** The key under which looked-up Items are stored: Xero item codes are not case-sensitive. */
export function itemLookupKey(code: string): string {
	return code.trim().toUpperCase();
}

/** The text of a field value: strings as they are, finite numbers as digits, anything else none. */
export function textOf(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
	if (typeof value === 'bigint') return String(value);
	return undefined;
}

function hasText(value: string | undefined): value is string {
	if (value === undefined || value.length === 0) return false;
	// Fast path: a first character that is not JavaScript white space (none lies in 33…0x167F but NBSP).
	const first = value.charCodeAt(0);
	if (first > 32 && first < 0x1680 && first !== 0xa0) return true;
	return value.trim() !== '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Splits a comma- or newline-separated list, trimming and dropping empty entries. */
export function splitList(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap((entry) => splitList(entry));
	const text = textOf(value);
	if (text === undefined) return [];
	return text
		.split(/[,\n\r]+/)
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
}

// ---------------------------------------------------------------------------------------------
// Compilation

const WORD_CHAR = '[\\p{L}\\p{M}]';
const NOT_AFTER_WORD = `(?<!${WORD_CHAR})`;
const NOT_BEFORE_WORD = `(?!${WORD_CHAR})`;
/** What a space, `-` or `_` inside a term matches: a run of whitespace, hyphens, dashes, underscores. */
const TERM_SEPARATOR = '[\\s_\\-\\u2010-\\u2015]+';
const TERM_SPLIT = /[\s_\-\u2010-\u2015]+/u;

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface CompiledTerms {
	/** Matches any term as a whole word. Without capture groups: each match then allocates less. */
	regex: RegExp;
	/** Each term alone, anchored, in the same order: names the term a match came from. */
	anchored: RegExp[];
	/** The terms as configured, in the same order. */
	labels: string[];
	/** Matched text → term, so that naming a match is a map lookup after the first time. */
	labelCache: Map<string, string>;
}

const LABEL_CACHE_LIMIT = 4096;

/**
 * The configured term a match came from: the first term, in the regular expression's order, that
 * matches the whole matched text. That is the alternative the combined expression chose, since it
 * tries the alternatives in that order and stops at the first one that fits.
 */
function labelOf(terms: CompiledTerms, text: string): string {
	let label = terms.labelCache.get(text);
	if (label === undefined) {
		const index = terms.anchored.findIndex((pattern) => pattern.test(text));
		label = terms.labels[Math.max(index, 0)];
		if (terms.labelCache.size >= LABEL_CACHE_LIMIT) terms.labelCache.clear();
		terms.labelCache.set(text, label);
	}
	return label;
}

function termPattern(term: string): string | undefined {
	let body = term.trim();
	const wildcard = body.endsWith('*');
	if (wildcard) body = body.replace(/\*+$/, '');
	const parts = body.split(TERM_SPLIT).filter((part) => part !== '');
	if (parts.length === 0) return undefined;
	return parts.map(escapeRegExp).join(TERM_SEPARATOR) + (wildcard ? `${WORD_CHAR}*` : '');
}

function compileTerms(terms: readonly string[]): CompiledTerms | undefined {
	// Terms that differ only in letter case or separators ("non-organic", "Non Organic") are one.
	const byKey = new Map<string, { pattern: string; label: string }>();
	for (const term of terms) {
		const label = term.trim();
		// Accented letters may arrive composed (ö) or decomposed (o + ¨): both spellings are matched.
		for (const spelling of new Set([term.normalize('NFC'), term.normalize('NFD')])) {
			const pattern = termPattern(spelling);
			if (pattern === undefined) continue;
			const key = pattern.toLowerCase();
			if (!byKey.has(key)) byKey.set(key, { pattern, label });
		}
	}
	if (byKey.size === 0) return undefined;
	// Longer patterns first, so the longest term at a position is the one reported.
	const entries = [...byKey.values()].sort((a, b) => b.pattern.length - a.pattern.length);
	return {
		regex: new RegExp(
			`${NOT_AFTER_WORD}(?:${entries.map(({ pattern }) => pattern).join('|')})${NOT_BEFORE_WORD}`,
			'giu',
		),
		anchored: entries.map(({ pattern }) => new RegExp(`^(?:${pattern})$`, 'iu')),
		labels: entries.map(({ label }) => label),
		labelCache: new Map(),
	};
}

function groupIndex(match: RegExpExecArray): number {
	for (let i = 1; i < match.length; i++) if (match[i] !== undefined) return i - 1;
	return 0;
}

/** Item code prefixes: `^\s*(?:(p1)|(p2)…)`; capture group i + 1 is prefix i. */
interface CompiledPrefixes {
	regex: RegExp;
	labels: string[];
}

function compileCodePattern(pattern: string): RegExp {
	let compiled: RegExp | undefined;
	let problem = '';
	try {
		compiled = new RegExp(pattern, 'i');
	} catch (error) {
		problem = (error as Error).message;
	}
	if (!compiled) {
		throw new OrganicRuleError('codePattern', `The item code pattern is not a valid regular expression: ${problem}`);
	}
	if (compiled.test('')) {
		throw new OrganicRuleError('codePattern', 'The item code pattern matches an empty code: it would mark every line');
	}
	return compiled;
}

// ---------------------------------------------------------------------------------------------
// Matching

interface Exclusion {
	exclusion: string;
	text: string;
	field: string;
	start: number;
	end: number;
}

/** The fields a text can come from, by id; `inspected` lists them in this spelling. */
const FIELD_NAMES = [
	'ItemCode',
	'Item.Code',
	'Description',
	'Item.Name',
	'itemLookup.Description',
	'itemLookup.PurchaseDescription',
	'itemLookup.Name',
	'Code',
	'PurchaseDescription',
	'Name',
] as const;
const ITEM_CODE = 0;
const ITEM_CODE_NESTED = 1;
const DESCRIPTION = 2;
const ITEM_NAME = 3;
const LOOKUP_DESCRIPTION = 4;
const LOOKUP_PURCHASE_DESCRIPTION = 5;
const LOOKUP_NAME = 6;
const CODE = 7;
const PURCHASE_DESCRIPTION = 8;
const NAME = 9;

const FIELD_ORDER: readonly OrganicField[] = ['itemCode', 'description', 'itemName'];

export type OrganicInputKind = 'document' | 'lineItem' | 'item';

/** Bad input: `field` is the path of the offending value inside the item (`LineItems[2]`). */
export class OrganicInputError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
		this.name = 'OrganicInputError';
	}
}

/** The decision for one input item: a document, a bare line item or a Xero Item. */
export interface OrganicClassification {
	kind: OrganicInputKind;
	/** True when at least one line is organic. */
	organic: boolean;
	lineCount: number;
	organicLineCount: number;
	/** One decision per line, in input order. */
	lines: OrganicLineDecision[];
	/** Set when the input could not be judged well, e.g. a document without LineItems. */
	warning?: string;
}

/** Keys that identify a Xero document even when it arrives without its LineItems. */
const DOCUMENT_ID_KEYS = [
	'InvoiceID',
	'CreditNoteID',
	'PurchaseOrderID',
	'QuoteID',
	'BankTransactionID',
	'RepeatingInvoiceID',
	'OverpaymentID',
	'PrepaymentID',
	'ReceiptID',
];

export const NO_LINE_ITEMS_WARNING =
	'The document has no LineItems, so no line could be checked. Xero leaves line items out of some list results: fetch the documents with their line items (for example one page at a time, or one by one).';

export class OrganicMatcher {
	readonly fields: readonly OrganicField[];
	readonly exclusionScope: ExclusionScope;
	private readonly keywords: CompiledTerms | undefined;
	private readonly exclusions: CompiledTerms | undefined;
	private readonly codePrefixes: CompiledPrefixes | undefined;
	private readonly codePattern: RegExp | undefined;
	private readonly codePatternLabel: string;
	private readonly inspectCode: boolean;
	private readonly inspectDescription: boolean;
	private readonly inspectName: boolean;

	constructor(options: OrganicRuleOptions = {}) {
		const languages = options.languages ?? [];
		for (const language of languages) {
			if (!Object.prototype.hasOwnProperty.call(LANGUAGE_RULES, language)) {
				throw new OrganicRuleError('languages', `Unknown language "${String(language)}"`);
			}
		}
		const keywordList = [
			...(options.keywords ?? DEFAULT_KEYWORDS),
			...languages.flatMap((language) => LANGUAGE_RULES[language].keywords),
		];
		const exclusionList = [
			...(options.exclusions ?? DEFAULT_EXCLUSIONS),
			...languages.flatMap((language) => LANGUAGE_RULES[language].exclusions),
		];
		this.keywords = compileTerms(keywordList);
		this.exclusions = compileTerms(exclusionList);

		const prefixes = (options.codePrefixes ?? []).map((prefix) => prefix.trim()).filter((prefix) => prefix !== '');
		if (prefixes.length > 0) {
			const unique = [...new Set(prefixes)].sort((a, b) => b.length - a.length);
			this.codePrefixes = {
				regex: new RegExp(`^\\s*(?:${unique.map((prefix) => `(${escapeRegExp(prefix)})`).join('|')})`, 'iu'),
				labels: unique,
			};
		}
		this.codePatternLabel = (options.codePattern ?? '').trim();
		if (this.codePatternLabel !== '') this.codePattern = compileCodePattern(this.codePatternLabel);

		if (!this.keywords && !this.codePrefixes && !this.codePattern) {
			throw new OrganicRuleError('keywords', 'Give at least one keyword, item code prefix or item code pattern');
		}

		const fields = options.fields ?? DEFAULT_FIELDS;
		for (const field of fields) {
			if (!FIELD_ORDER.includes(field)) throw new OrganicRuleError('fields', `Unknown field "${String(field)}"`);
		}
		if (fields.length === 0 && !this.codePrefixes && !this.codePattern) {
			throw new OrganicRuleError('fields', 'Choose at least one field to inspect');
		}
		this.fields = FIELD_ORDER.filter((field) => fields.includes(field));
		this.inspectCode = this.fields.includes('itemCode');
		this.inspectDescription = this.fields.includes('description');
		this.inspectName = this.fields.includes('itemName');

		const scope = options.exclusionScope ?? DEFAULT_EXCLUSION_SCOPE;
		if (!['match', 'clause', 'field', 'line'].includes(scope)) {
			throw new OrganicRuleError('exclusionScope', `Unknown exclusion scope "${String(scope)}"`);
		}
		this.exclusionScope = scope;
	}

	// The texts of the line being decided. Kept in reused slots rather than fresh objects: the
	// matcher decides millions of lines, and most of them contain no keyword at all.
	private slotCount = 0;
	private slotMask = 0;
	private readonly slotField: number[] = [];
	private readonly slotText: string[] = [];
	private readonly slotIsCode: boolean[] = [];
	private readonly inspectedCache = new Map<number, string>();
	private lastInspectedMask = -1;
	private lastInspected = '';
	// Reused between lines; only the first `count` entries of each belong to the current line.
	private readonly hitBuffer: OrganicHit[] = [];
	private readonly survivorBuffer: OrganicHit[] = [];
	private readonly cancelledBuffer: OrganicExcludedHit[] = [];
	private readonly exclusionPool: Exclusion[] = [];
	private readonly lineExclusion: Exclusion = { exclusion: '', text: '', field: '', start: 0, end: 0 };

	private addSlot(field: number, text: string, isCode: boolean): void {
		const slot = this.slotCount++;
		this.slotField[slot] = field;
		this.slotText[slot] = text;
		this.slotIsCode[slot] = isCode;
		this.slotMask |= 1 << field;
	}

	/** The inspected fields as text ("ItemCode, Description"), one shared string per combination. */
	private inspected(): string {
		// Most lines of a run have the same fields: remember the last answer.
		if (this.slotMask === this.lastInspectedMask) return this.lastInspected;
		let text = this.inspectedCache.get(this.slotMask);
		if (text === undefined) {
			const names: string[] = [];
			for (let slot = 0; slot < this.slotCount; slot++) names.push(FIELD_NAMES[this.slotField[slot]]);
			text = names.join(', ');
			this.inspectedCache.set(this.slotMask, text);
		}
		this.lastInspectedMask = this.slotMask;
		this.lastInspected = text;
		return text;
	}

	private get checksCode(): boolean {
		return this.inspectCode || this.codePrefixes !== undefined || this.codePattern !== undefined;
	}

	/** Fills the slots with the texts of a line item; returns its item code. */
	private loadLine(line: Record<string, unknown>, lookup: ItemDetailsMap | undefined): string | undefined {
		this.slotCount = 0;
		this.slotMask = 0;
		const item = isRecord(line.Item) ? line.Item : undefined;
		let code = textOf(line.ItemCode);
		let codeField = ITEM_CODE;
		if (!hasText(code)) {
			code = item ? textOf(item.Code) : undefined;
			codeField = ITEM_CODE_NESTED;
			if (!hasText(code)) code = undefined;
		}
		if (code !== undefined && this.checksCode) this.addSlot(codeField, code, true);

		const description = textOf(line.Description);
		const describedHere = hasText(description);
		let details: ItemDetails | undefined;
		if (lookup && code !== undefined && !describedHere) details = lookup.get(itemLookupKey(code));

		if (this.inspectDescription) {
			if (describedHere) {
				this.addSlot(DESCRIPTION, description, false);
			} else if (details) {
				const looked = textOf(details.Description);
				if (hasText(looked)) this.addSlot(LOOKUP_DESCRIPTION, looked, false);
				const purchase = textOf(details.PurchaseDescription);
				if (hasText(purchase)) this.addSlot(LOOKUP_PURCHASE_DESCRIPTION, purchase, false);
			}
		}
		if (this.inspectName) {
			const name = item ? textOf(item.Name) : undefined;
			if (hasText(name)) {
				this.addSlot(ITEM_NAME, name, false);
			} else if (details) {
				const looked = textOf(details.Name);
				if (hasText(looked)) this.addSlot(LOOKUP_NAME, looked, false);
			}
		}
		return code;
	}

	/** Fills the slots with the texts of a Xero Item; returns its code. */
	private loadItem(item: Record<string, unknown>): string | undefined {
		this.slotCount = 0;
		this.slotMask = 0;
		const code = textOf(item.Code);
		const hasCode = hasText(code);
		if (hasCode && this.checksCode) this.addSlot(CODE, code, true);
		if (this.inspectDescription) {
			const description = textOf(item.Description);
			if (hasText(description)) this.addSlot(DESCRIPTION, description, false);
			const purchase = textOf(item.PurchaseDescription);
			if (hasText(purchase)) this.addSlot(PURCHASE_DESCRIPTION, purchase, false);
		}
		if (this.inspectName) {
			const name = textOf(item.Name);
			if (hasText(name)) this.addSlot(NAME, name, false);
		}
		return hasCode ? code : undefined;
	}

	/** Puts the hits of one slot (keywords when the field is inspected, then code prefix and pattern) into `hitBuffer`; returns how many. */
	private findHits(slot: number): number {
		const buffer = this.hitBuffer;
		let count = 0;
		const text = this.slotText[slot];
		const field = FIELD_NAMES[this.slotField[slot]];
		const isCode = this.slotIsCode[slot];
		if (this.keywords && (!isCode || this.inspectCode)) {
			const regex = this.keywords.regex;
			regex.lastIndex = 0;
			let match = regex.exec(text);
			while (match !== null) {
				buffer[count++] = {
					field,
					rule: 'keyword',
					keyword: labelOf(this.keywords, match[0]),
					text: match[0],
					index: match.index,
				};
				match = regex.exec(text);
			}
		}
		if (isCode) {
			if (this.codePrefixes) {
				const match = this.codePrefixes.regex.exec(text);
				if (match !== null) {
					const matched = match[0].trimStart();
					buffer[count++] = {
						field,
						rule: 'codePrefix',
						keyword: this.codePrefixes.labels[groupIndex(match)],
						text: matched,
						index: match.index + match[0].length - matched.length,
					};
				}
			}
			if (this.codePattern) {
				const match = this.codePattern.exec(text);
				if (match !== null && match[0] !== '') {
					buffer[count++] = {
						field,
						rule: 'codePattern',
						keyword: this.codePatternLabel,
						text: match[0],
						index: match.index,
					};
				}
			}
		}
		return count;
	}

	/** Puts the exclusions found in one slot into `exclusionPool` (objects reused); returns how many. */
	private findExclusions(slot: number): number {
		if (!this.exclusions) return 0;
		const regex = this.exclusions.regex;
		const text = this.slotText[slot];
		const pool = this.exclusionPool;
		let count = 0;
		regex.lastIndex = 0;
		let match = regex.exec(text);
		while (match !== null) {
			let found = pool[count];
			if (found === undefined) {
				found = { exclusion: '', text: '', field: '', start: 0, end: 0 };
				pool[count] = found;
			}
			found.exclusion = labelOf(this.exclusions, match[0]);
			found.text = match[0];
			found.field = FIELD_NAMES[this.slotField[slot]];
			found.start = match.index;
			found.end = match.index + match[0].length;
			count++;
			match = regex.exec(text);
		}
		return count;
	}

	/** For the `line` scope: copies the line's first exclusion into `lineExclusion`; false when there is none. */
	private findLineExclusion(): boolean {
		for (let slot = 0; slot < this.slotCount; slot++) {
			if (this.findExclusions(slot) > 0) {
				Object.assign(this.lineExclusion, this.exclusionPool[0]);
				return true;
			}
		}
		return false;
	}

	/** Decides one line item. `lookup` supplies Item details for lines that carry only a code. */
	matchLine(line: unknown, lineIndex = 0, lookup?: ItemDetailsMap): OrganicLineDecision {
		const code = this.loadLine(isRecord(line) ? line : {}, lookup);
		return this.decide(lineIndex, code);
	}

	/** Decides one Xero Item. */
	matchItem(item: unknown): OrganicLineDecision {
		const code = this.loadItem(isRecord(item) ? item : {});
		return this.decide(0, code);
	}

	/** Decides one piece of text as if it were the given field of a line. Handy for previews and tests. */
	matchText(text: string, field: OrganicField = 'description'): OrganicLineDecision {
		const line: Record<string, unknown> =
			field === 'itemCode'
				? { ItemCode: text }
				: field === 'itemName'
					? { Item: { Name: text } }
					: { Description: text };
		return this.matchLine(line);
	}

	private decide(lineIndex: number, itemCode: string | undefined): OrganicLineDecision {
		const slots = this.slotCount;
		const hits = this.hitBuffer;
		const survivors = this.survivorBuffer;
		const cancelled = this.cancelledBuffer;
		let survived = 0;
		let excluded = 0;
		let lineExcluded: boolean | undefined;

		for (let slot = 0; slot < slots; slot++) {
			const found = this.findHits(slot);
			if (found === 0) continue;
			let exclusionCount = 0;
			let lineWinner: Exclusion | undefined;
			if (this.exclusions) {
				if (this.exclusionScope === 'line') {
					lineExcluded ??= this.findLineExclusion();
					// The winner is an exclusion of this field if it has one, else the line's first.
					if (lineExcluded) lineWinner = this.findExclusions(slot) > 0 ? this.exclusionPool[0] : this.lineExclusion;
				} else {
					exclusionCount = this.findExclusions(slot);
				}
			}
			const text = this.slotText[slot];
			for (let h = 0; h < found; h++) {
				const hit = hits[h];
				let winner = lineWinner;
				for (let e = 0; winner === undefined && e < exclusionCount; e++) {
					if (this.cancels(this.exclusionPool[e], hit, text)) winner = this.exclusionPool[e];
				}
				if (winner === undefined) survivors[survived++] = hit;
				else cancelled[excluded++] = excludedHit(hit, winner);
			}
		}

		const organic = survived > 0;
		const reason: OrganicLineReason = organic
			? 'matched'
			: excluded > 0
				? 'excluded'
				: slots === 0
					? 'noText'
					: 'noMatch';
		const inspected = slots === 0 ? '' : this.inspected();
		const matches = survived === 0 ? [] : survivors.slice(0, survived);
		const excludedHits = excluded === 0 ? [] : cancelled.slice(0, excluded);
		// Two fixed shapes (with and without itemCode), listed in reading order.
		const decision: OrganicLineDecision =
			itemCode === undefined
				? { lineIndex, organic, reason, inspected, matches, excluded: excludedHits }
				: { lineIndex, itemCode, organic, reason, inspected, matches, excluded: excludedHits };
		return decision;
	}

	private cancels(exclusion: Exclusion, hit: OrganicHit, text: string): boolean {
		const overlaps = exclusion.start < hit.index + hit.text.length && hit.index < exclusion.end;
		switch (this.exclusionScope) {
			case 'match':
				return overlaps;
			case 'clause':
				return (
					overlaps || !hasClauseBreak(text, Math.min(exclusion.start, hit.index), Math.max(exclusion.start, hit.index))
				);
			default:
				return true;
		}
	}

	/**
	 * Decides one input item: a Xero document (anything with `LineItems`), a Xero Item, or a bare
	 * line item. Throws OrganicInputError for input that cannot be read (LineItems not an array,
	 * a line that is not an object).
	 */
	classify(input: unknown, lookup?: ItemDetailsMap): OrganicClassification {
		if (!isRecord(input)) {
			throw new OrganicInputError(
				'',
				`Expected an object (a Xero document, line item or Item), got ${describe(input)}`,
			);
		}
		const kind = inputKind(input);
		if (kind === 'document') {
			const raw = input.LineItems;
			if (raw !== undefined && raw !== null && !Array.isArray(raw)) {
				throw new OrganicInputError('LineItems', `'LineItems' must be an array of line items, got ${describe(raw)}`);
			}
			const lineItems = (raw ?? []) as unknown[];
			const lines: OrganicLineDecision[] = new Array(lineItems.length);
			let organicLineCount = 0;
			for (let index = 0; index < lineItems.length; index++) {
				const line = lineItems[index];
				if (!isRecord(line)) {
					throw new OrganicInputError(
						`LineItems[${index}]`,
						`'LineItems[${index}]' must be a line item object, got ${describe(line)}`,
					);
				}
				const decision = this.matchLine(line, index, lookup);
				if (decision.organic) organicLineCount++;
				lines[index] = decision;
			}
			const classification: OrganicClassification = {
				kind,
				organic: organicLineCount > 0,
				lineCount: lines.length,
				organicLineCount,
				lines,
			};
			if (raw === undefined || raw === null) classification.warning = NO_LINE_ITEMS_WARNING;
			return classification;
		}
		const decision = kind === 'item' ? this.matchItem(input) : this.matchLine(input, 0, lookup);
		return {
			kind,
			organic: decision.organic,
			lineCount: 1,
			organicLineCount: decision.organic ? 1 : 0,
			lines: [decision],
		};
	}
}

function codeOf(line: Record<string, unknown>): string | undefined {
	const code = textOf(line.ItemCode);
	if (hasText(code)) return code;
	if (isRecord(line.Item)) {
		const itemCode = textOf(line.Item.Code);
		if (hasText(itemCode)) return itemCode;
	}
	return undefined;
}

function excludedHit(hit: OrganicHit, exclusion: Exclusion): OrganicExcludedHit {
	return {
		field: hit.field,
		rule: hit.rule,
		keyword: hit.keyword,
		text: hit.text,
		index: hit.index,
		exclusion: exclusion.exclusion,
		exclusionText: exclusion.text,
		exclusionField: exclusion.field,
	};
}

function isSpace(code: number): boolean {
	return (
		code === 32 ||
		code === 9 ||
		code === 10 ||
		code === 13 ||
		code === 0xa0 ||
		(code >= 0x2000 && code <= 0x200a) ||
		code === 0x202f ||
		code === 0x3000
	);
}

function isDash(code: number): boolean {
	return code === 45 || code === 0x2013 || code === 0x2014;
}

/**
 * Whether a clause ends between two positions of a text: at , ; | a bullet, a line break, a full
 * stop followed by a space, or a dash with spaces around it (" - ", " – "). Hyphens inside words
 * and codes ("non-organic", "ORG-OATS") and decimal points ("1.5kg") do not end a clause.
 */
export function hasClauseBreak(text: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) {
		const code = text.charCodeAt(i);
		if (code === 44 || code === 59 || code === 124 || code === 10 || code === 13 || code === 0x2022) return true;
		if (code === 46 && i + 1 < text.length && isSpace(text.charCodeAt(i + 1))) return true;
		if (isDash(code) && i > 0 && isSpace(text.charCodeAt(i - 1))) {
			let next = i + 1;
			while (next < text.length && isDash(text.charCodeAt(next))) next++;
			if (next < text.length && isSpace(text.charCodeAt(next))) return true;
		}
	}
	return false;
}

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'string') return `a string ("${value.length > 40 ? `${value.slice(0, 40)}…` : value}")`;
	if (value === undefined) return 'undefined';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** What kind of input an item is: a document, a Xero Item, or a bare line item. */
export function inputKind(input: Record<string, unknown>): OrganicInputKind {
	if (input.LineItems !== undefined) return 'document';
	if (DOCUMENT_ID_KEYS.some((key) => input[key] !== undefined)) return 'document';
	if (input.ItemID !== undefined) return 'item';
	if (input.Code !== undefined && input.ItemCode === undefined && input.LineAmount === undefined) return 'item';
	return 'lineItem';
}

/** Item codes of lines that carry a code but no description: the ones worth looking up. */
export function codesNeedingLookup(input: unknown, into: Set<string> = new Set()): Set<string> {
	if (!isRecord(input)) return into;
	const kind = inputKind(input);
	if (kind === 'item') return into;
	const lines = kind === 'document' ? input.LineItems : [input];
	if (!Array.isArray(lines)) return into;
	for (const line of lines) {
		if (!isRecord(line) || hasText(textOf(line.Description))) continue;
		const code = codeOf(line);
		if (code !== undefined) into.add(itemLookupKey(code));
	}
	return into;
}

/** Compiles the rules once; the matcher is then reused for every line of the execution. */
export function compileOrganicRules(options: OrganicRuleOptions = {}): OrganicMatcher {
	return new OrganicMatcher(options);
}
