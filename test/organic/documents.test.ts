import {
	amountOf,
	lineAmountOf,
	NOT_ORGANIC_OUTPUT,
	ORGANIC_OUTPUT,
	organicTotals,
	shapeItem,
	type OrganicMode,
} from '../../nodes/OrganicFilter/documents';
import { compileOrganicRules } from '../../nodes/OrganicFilter/matcher';

describe('organic totals', () => {
	it('adds up exclusive amounts without float drift', () => {
		const lines = [
			{ LineAmount: 0.1, TaxAmount: 0.01 },
			{ LineAmount: 0.2, TaxAmount: 0.02 },
			{ LineAmount: 10, TaxAmount: 1.5 },
		];
		expect(organicTotals(lines, 'Exclusive')).toEqual({
			totals: { OrganicLineCount: 3, OrganicSubTotal: 10.3, OrganicTotalTax: 1.53, OrganicTotal: 11.83 },
			withoutAmount: [],
		});
	});

	it('takes tax out of inclusive amounts', () => {
		const { totals } = organicTotals([{ LineAmount: 115, TaxAmount: 15 }], 'Inclusive');
		expect(totals).toEqual({ OrganicLineCount: 1, OrganicSubTotal: 100, OrganicTotalTax: 15, OrganicTotal: 115 });
	});

	it('treats NoTax and a missing LineAmountTypes like Exclusive', () => {
		expect(organicTotals([{ LineAmount: 20 }], 'NoTax').totals.OrganicTotal).toBe(20);
		expect(organicTotals([{ LineAmount: 20, TaxAmount: 3 }], undefined).totals.OrganicTotal).toBe(23);
	});

	it('computes a missing LineAmount from quantity, unit amount and discount', () => {
		expect(lineAmountOf({ Quantity: 3, UnitAmount: 10, DiscountRate: 10 })).toBe(27);
		expect(lineAmountOf({ Quantity: '2', UnitAmount: '2.50' })).toBe(5);
		expect(lineAmountOf({ UnitAmount: 4 })).toBeUndefined();
	});

	it('lists lines whose amount cannot be read', () => {
		const { totals, withoutAmount } = organicTotals(
			[{ LineAmount: 5 }, { Description: 'x' }, { LineAmount: 'n/a' }],
			'Exclusive',
		);
		expect(totals.OrganicSubTotal).toBe(5);
		expect(withoutAmount).toEqual([1, 2]);
	});

	it('amountOf reads numbers and numeric strings only', () => {
		expect([amountOf(2), amountOf('2.5'), amountOf(''), amountOf('abc'), amountOf(null), amountOf(NaN)]).toEqual([
			2,
			2.5,
			undefined,
			undefined,
			undefined,
			undefined,
		]);
	});
});

describe('shapeItem', () => {
	const matcher = compileOrganicRules();
	const invoice = {
		InvoiceID: 'inv-1',
		LineAmountTypes: 'Exclusive',
		Total: 57.5,
		LineItems: [
			{ ItemCode: 'OAT', Description: 'Organic oats', LineAmount: 40, TaxAmount: 6 },
			{ ItemCode: 'RAI', Description: 'Raisins', LineAmount: 10, TaxAmount: 1.5 },
		],
	};
	const conventional = { InvoiceID: 'inv-2', LineItems: [{ Description: 'Raisins', LineAmount: 10 }] };

	it.each<[OrganicMode, number, number]>([
		['keepDocuments', ORGANIC_OUTPUT, NOT_ORGANIC_OUTPUT],
		['keepLines', ORGANIC_OUTPUT, NOT_ORGANIC_OUTPUT],
		['annotate', ORGANIC_OUTPUT, ORGANIC_OUTPUT],
	])('%s routes organic documents to %d and the others to %d', (mode, organicOutput, otherOutput) => {
		expect(shapeItem(invoice, matcher.classify(invoice), mode).output).toBe(organicOutput);
		expect(shapeItem(conventional, matcher.classify(conventional), mode).output).toBe(otherOutput);
	});

	it('keepLines keeps the organic lines and adds the totals, without touching the input', () => {
		const before = structuredClone(invoice);
		const { json } = shapeItem(invoice, matcher.classify(invoice), 'keepLines');
		expect(json).toMatchObject({
			InvoiceID: 'inv-1',
			Total: 57.5,
			LineItems: [invoice.LineItems[0]],
			OrganicLineCount: 1,
			OrganicSubTotal: 40,
			OrganicTotalTax: 6,
			OrganicTotal: 46,
		});
		expect(invoice).toEqual(before);
	});

	it('keepLines names organic lines without an amount by their original index', () => {
		const document = {
			LineItems: [
				{ Description: 'Raisins' },
				{ Description: 'Organic oats' },
				{ Description: 'Organic rye', LineAmount: 3 },
			],
		};
		const { json } = shapeItem(document, matcher.classify(document), 'keepLines');
		expect(json.OrganicSubTotal).toBe(3);
		expect(json.organicMatch).toMatchObject({ linesWithoutAmount: [1] });
	});

	it('keepLines leaves bare lines and Items whole', () => {
		const line = { ItemCode: 'OAT', Description: 'Organic oats', LineAmount: 4 };
		const { json } = shapeItem(line, matcher.classify(line), 'keepLines');
		expect(json).toEqual({ ...line, organicMatch: expect.objectContaining({ kind: 'lineItem', organic: true }) });
	});

	it('leaves the details out when asked', () => {
		const { json } = shapeItem(invoice, matcher.classify(invoice), 'keepDocuments', { includeDetails: false });
		expect(json.organicMatch).toEqual({ organic: true, kind: 'document', lineCount: 2, organicLineCount: 1 });
	});

	it('replaces an organicMatch from an earlier run', () => {
		const again = { ...invoice, organicMatch: { organic: false } };
		expect(
			(shapeItem(again, matcher.classify(again), 'annotate').json.organicMatch as { organic: boolean }).organic,
		).toBe(true);
	});

	it('carries the warning of a document without LineItems', () => {
		const summary = { InvoiceID: 'inv-3', Total: 10 };
		const { json, output } = shapeItem(summary, matcher.classify(summary), 'keepLines');
		expect(output).toBe(NOT_ORGANIC_OUTPUT);
		expect(json.organicMatch).toMatchObject({
			organic: false,
			lineCount: 0,
			warning: expect.stringMatching(/no LineItems/),
		});
	});
});
