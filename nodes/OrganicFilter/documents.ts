/**
 * Turns a classification (matcher.ts) into the item the node outputs, per mode. Pure: no n8n imports.
 */
import type { OrganicClassification, OrganicInputKind, OrganicLineDecision } from './matcher';

export type OrganicMode = 'keepDocuments' | 'keepLines' | 'annotate';

export const ORGANIC_OUTPUT = 0;
export const NOT_ORGANIC_OUTPUT = 1;

/** The explanation added to every output item, under the single key `organicMatch`. */
export interface OrganicMatchSummary {
	organic: boolean;
	kind: OrganicInputKind;
	lineCount: number;
	organicLineCount: number;
	/** One decision per input line (by `lineIndex`), unless match details are switched off. */
	lines?: OrganicLineDecision[];
	warning?: string;
	/** Keep Only Organic Lines: organic lines whose amount could not be read (counted as 0). */
	linesWithoutAmount?: number[];
}

/** Totals of the organic part of a document, added in the Keep Only Organic Lines mode. */
export interface OrganicTotals {
	OrganicLineCount: number;
	OrganicSubTotal: number;
	OrganicTotalTax: number;
	OrganicTotal: number;
}

export interface ShapedItem {
	output: typeof ORGANIC_OUTPUT | typeof NOT_ORGANIC_OUTPUT;
	json: Record<string, unknown>;
}

export interface ShapeOptions {
	includeDetails?: boolean;
}

/** A number, or a string holding one ("12.50"); anything else is missing. */
export function amountOf(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value === 'string' && value.trim() !== '') {
		const parsed = Number(value);
		return Number.isFinite(parsed) ? parsed : undefined;
	}
	return undefined;
}

/** A line's amount: `LineAmount`, or else `Quantity` × `UnitAmount` less `DiscountRate` percent. */
export function lineAmountOf(line: Record<string, unknown>): number | undefined {
	const lineAmount = amountOf(line.LineAmount);
	if (lineAmount !== undefined) return lineAmount;
	const quantity = amountOf(line.Quantity);
	const unitAmount = amountOf(line.UnitAmount);
	if (quantity === undefined || unitAmount === undefined) return undefined;
	const discountRate = amountOf(line.DiscountRate) ?? 0;
	return quantity * unitAmount * (1 - discountRate / 100);
}

/** Sums in ten-thousandths, so that 0.1 + 0.2 stays 0.3 (Xero amounts have at most 4 decimals). */
const SCALE = 10000;

/**
 * Totals of the given lines, the way Xero computes a document's: with `LineAmountTypes`
 * `Inclusive` the line amounts include tax (SubTotal = Σ LineAmount − Σ TaxAmount, Total =
 * Σ LineAmount); otherwise (`Exclusive`, `NoTax`, missing) SubTotal = Σ LineAmount and
 * Total = SubTotal + Σ TaxAmount.
 */
export function organicTotals(
	lines: ReadonlyArray<Record<string, unknown>>,
	lineAmountTypes: unknown,
): { totals: OrganicTotals; withoutAmount: number[] } {
	let amount = 0;
	let tax = 0;
	const withoutAmount: number[] = [];
	lines.forEach((line, position) => {
		const lineAmount = lineAmountOf(line);
		if (lineAmount === undefined) withoutAmount.push(position);
		else amount += Math.round(lineAmount * SCALE);
		tax += Math.round((amountOf(line.TaxAmount) ?? 0) * SCALE);
	});
	const inclusive = typeof lineAmountTypes === 'string' && lineAmountTypes.toLowerCase() === 'inclusive';
	const subTotal = inclusive ? amount - tax : amount;
	const total = inclusive ? amount : amount + tax;
	return {
		totals: {
			OrganicLineCount: lines.length,
			OrganicSubTotal: subTotal / SCALE,
			OrganicTotalTax: tax / SCALE,
			OrganicTotal: total / SCALE,
		},
		withoutAmount,
	};
}

function summaryOf(classification: OrganicClassification, options: ShapeOptions): OrganicMatchSummary {
	const summary: OrganicMatchSummary = {
		organic: classification.organic,
		kind: classification.kind,
		lineCount: classification.lineCount,
		organicLineCount: classification.organicLineCount,
	};
	if (options.includeDetails !== false) summary.lines = classification.lines;
	if (classification.warning) summary.warning = classification.warning;
	return summary;
}

/**
 * The output item and output for one input item:
 * - `keepDocuments`: the item unchanged plus `organicMatch`; Organic when at least one line is.
 * - `keepLines`: documents with an organic line go to Organic with only their organic lines, plus
 *   OrganicLineCount, OrganicSubTotal, OrganicTotalTax and OrganicTotal; the others go to Not
 *   Organic unchanged. A bare line item or Item is kept or not, as in `keepDocuments`.
 * - `annotate`: every item goes to the Organic output (the first), unchanged plus `organicMatch`.
 * The input object is never modified.
 */
export function shapeItem(
	json: Record<string, unknown>,
	classification: OrganicClassification,
	mode: OrganicMode,
	options: ShapeOptions = {},
): ShapedItem {
	const organicMatch = summaryOf(classification, options);
	const output = mode === 'annotate' || classification.organic ? ORGANIC_OUTPUT : NOT_ORGANIC_OUTPUT;
	// Object.assign, not spread syntax: V8 copies with it many times faster here.
	const copy: Record<string, unknown> = Object.assign({}, json);
	if (mode === 'keepLines' && classification.kind === 'document' && classification.organic) {
		const lineItems = json.LineItems as Array<Record<string, unknown>>;
		const kept = lineItems.filter((_line, index) => classification.lines[index].organic);
		const { totals, withoutAmount } = organicTotals(kept, json.LineAmountTypes);
		if (withoutAmount.length > 0) {
			const organicIndexes = classification.lines.filter((line) => line.organic).map((line) => line.lineIndex);
			organicMatch.linesWithoutAmount = withoutAmount.map((position) => organicIndexes[position]);
		}
		copy.LineItems = kept;
		copy.OrganicLineCount = totals.OrganicLineCount;
		copy.OrganicSubTotal = totals.OrganicSubTotal;
		copy.OrganicTotalTax = totals.OrganicTotalTax;
		copy.OrganicTotal = totals.OrganicTotal;
	}
	copy.organicMatch = organicMatch;
	return { output, json: copy };
}
