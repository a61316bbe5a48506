import {
	codesNeedingLookup,
	compileOrganicRules,
	DEFAULT_EXCLUSIONS,
	hasClauseBreak,
	itemLookupKey,
	NO_LINE_ITEMS_WARNING,
	OrganicInputError,
	OrganicRuleError,
	splitList,
	textOf,
	type ExclusionScope,
	type ItemDetails,
	type OrganicLanguage,
	type OrganicLineReason,
	type OrganicRuleOptions,
} from '../../nodes/OrganicFilter/matcher';

/** [text, organic, reason, the keyword that matched or the exclusion that won] */
type Case = [text: string, organic: boolean, reason: OrganicLineReason, rule?: string];

function expectDecision(options: OrganicRuleOptions, field: 'description' | 'itemCode' | 'itemName', cases: Case[]) {
	const matcher = compileOrganicRules(options);
	for (const [text, organic, reason, rule] of cases) {
		const decision = matcher.matchText(text, field);
		const explained = decision.organic ? decision.matches[0]?.keyword : decision.excluded[0]?.exclusion;
		expect({ text, organic: decision.organic, reason: decision.reason, rule: explained }).toEqual({
			text,
			organic,
			reason,
			rule,
		});
	}
}

describe('default rules on descriptions', () => {
	it.each<Case>([
		['Organic rolled oats 25kg', true, 'matched', 'organic'],
		['ORGANIC OATS', true, 'matched', 'organic'],
		['organic', true, 'matched', 'organic'],
		['Certified organic almonds', true, 'matched', 'organic'],
		['Rolled oats (organic)', true, 'matched', 'organic'],
		['Organically grown carrots', true, 'matched', 'organically'],
		// negations
		['Non-organic oats', false, 'excluded', 'non-organic'],
		['non organic oats', false, 'excluded', 'non-organic'],
		['NON_ORGANIC OATS', false, 'excluded', 'non-organic'],
		['Non–organic oats (en dash)', false, 'excluded', 'non-organic'],
		['Nonorganic oats', false, 'noMatch', undefined],
		['Not organic', false, 'excluded', 'not organic'],
		['not-organic oats', false, 'excluded', 'not organic'],
		['Semi-organic compost', false, 'excluded', 'semi-organic'],
		['Organic-free potting mix', false, 'excluded', 'organic-free'],
		['In-conversion organic wheat', false, 'excluded', 'in-conversion'],
		['Organic oats (not certified)', false, 'excluded', 'not certified'],
		['Uncertified organic honey', false, 'excluded', 'uncertified'],
		['Organically grown? Certification pending', false, 'excluded', 'certification pending'],
		['Organic chemistry textbook', false, 'excluded', 'organic chemistry'],
		['Organic oats, chemistry set', true, 'matched', 'organic'],
		['Organic oats, conventionally grown', true, 'matched', 'organic'],
		['Organic oats conventionally grown', false, 'excluded', 'conventionally grown'],
		['Conventional oats', false, 'noMatch', undefined],
		// word boundaries
		['Inorganic fertiliser', false, 'noMatch', undefined],
		['Organics range muesli', false, 'noMatch', undefined],
		['ORGANICOATS', false, 'noMatch', undefined],
		['organicé', false, 'noMatch', undefined],
		['Bio Haferflocken', false, 'noMatch', undefined],
		['Biodegradable bags', false, 'noMatch', undefined],
		['Freight', false, 'noMatch', undefined],
	])('%j → organic %s (%s, %s)', (text, organic, reason, rule) => {
		expectDecision({}, 'description', [[text, organic, reason, rule]]);
	});

	it('an exclusion cancels only the keywords of its own clause', () => {
		expectDecision({}, 'description', [
			['Organic oats, non-organic raisins', true, 'matched', 'organic'],
			['Non-organic raisins, organic oats', true, 'matched', 'organic'],
			['Organic oats; non-organic raisins', true, 'matched', 'organic'],
			['Organic oats. Non-organic raisins', true, 'matched', 'organic'],
			['Organic oats - non-organic raisins', true, 'matched', 'organic'],
			['Organic oats | non-organic raisins', true, 'matched', 'organic'],
			['Organic oats\nnon-organic raisins', true, 'matched', 'organic'],
			['Organic oats with non-organic raisins', false, 'excluded', 'non-organic'],
			['Organic oats, conventional packaging', true, 'matched', 'organic'],
			['Oats, organic or conventionally grown', false, 'excluded', 'conventionally grown'],
			['Organic oats 1.5kg non-organic', false, 'excluded', 'non-organic'],
		]);
	});

	it('explains a mixed line: the surviving match and the cancelled one', () => {
		const decision = compileOrganicRules().matchLine(
			{ ItemCode: 'MUESLI-1', Description: 'Organic oats, non-organic raisins' },
			3,
		);
		expect(decision).toEqual({
			lineIndex: 3,
			itemCode: 'MUESLI-1',
			organic: true,
			reason: 'matched',
			inspected: 'ItemCode, Description',
			matches: [{ field: 'Description', rule: 'keyword', keyword: 'organic', text: 'Organic', index: 0 }],
			excluded: [
				{
					field: 'Description',
					rule: 'keyword',
					keyword: 'organic',
					text: 'organic',
					index: 18,
					exclusion: 'non-organic',
					exclusionText: 'non-organic',
					exclusionField: 'Description',
				},
			],
		});
	});

	it('reports every surviving keyword', () => {
		const decision = compileOrganicRules().matchText('Organic oats and organically grown raisins');
		expect(decision.matches.map((hit) => [hit.keyword, hit.text, hit.index])).toEqual([
			['organic', 'Organic', 0],
			['organically', 'organically', 17],
		]);
	});

	it('the default exclusions are the documented list', () => {
		expect([...DEFAULT_EXCLUSIONS]).toEqual([
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
		]);
	});
});

describe('item codes', () => {
	it.each<[string, OrganicRuleOptions, Case]>([
		['keyword between hyphens', {}, ['ORGANIC-OATS', true, 'matched', 'organic']],
		['keyword before underscore', {}, ['ORGANIC_OATS', true, 'matched', 'organic']],
		['keyword before a digit', {}, ['organic2', true, 'matched', 'organic']],
		['keyword after a digit', {}, ['25KG-ORGANIC', true, 'matched', 'organic']],
		['negated code', {}, ['NON-ORGANIC-OATS', false, 'excluded', 'non-organic']],
		['prefix without the option', {}, ['ORG-OATS', false, 'noMatch', undefined]],
		['prefix with the option', { codePrefixes: ['ORG-'] }, ['ORG-OATS', true, 'matched', 'ORG-']],
		['prefix in another case', { codePrefixes: ['ORG-'] }, ['org-oats', true, 'matched', 'ORG-']],
		['prefix after spaces', { codePrefixes: ['ORG-'] }, ['  ORG-OATS', true, 'matched', 'ORG-']],
		['prefix not at the start', { codePrefixes: ['ORG-'] }, ['XORG-OATS', false, 'noMatch', undefined]],
		['second prefix', { codePrefixes: ['ORG-', 'BIO_'] }, ['BIO_OATS', true, 'matched', 'BIO_']],
		['pattern', { codePattern: '-ORG$' }, ['OATS-ORG', true, 'matched', '-ORG$']],
		['pattern, no match', { codePattern: '-ORG$' }, ['OATS-ORGX', false, 'noMatch', undefined]],
	])('%s', (_name, options, testCase) => {
		expectDecision(options, 'itemCode', [testCase]);
	});

	it('explains a code prefix match', () => {
		const decision = compileOrganicRules({ codePrefixes: ['ORG-'] }).matchLine({ ItemCode: '  ORG-OATS' });
		expect(decision.matches).toEqual([
			{ field: 'ItemCode', rule: 'codePrefix', keyword: 'ORG-', text: 'ORG-', index: 2 },
		]);
	});

	it('code prefixes apply even when the item code is not among the fields', () => {
		const matcher = compileOrganicRules({ fields: ['description'], codePrefixes: ['ORG-'] });
		expect(matcher.matchLine({ ItemCode: 'ORG-OATS', Description: 'Oats' }).organic).toBe(true);
		// …but keywords are not looked for in the code then
		expect(matcher.matchLine({ ItemCode: 'ORGANIC-OATS', Description: 'Oats' }).organic).toBe(false);
	});

	it('uses Item.Code when ItemCode is missing', () => {
		const decision = compileOrganicRules().matchLine({ Item: { Code: 'ORGANIC-ALMONDS' } });
		expect(decision).toMatchObject({ organic: true, itemCode: 'ORGANIC-ALMONDS', inspected: 'Item.Code' });
		expect(decision.matches[0].field).toBe('Item.Code');
	});
});

describe('fields and odd values', () => {
	const matcher = compileOrganicRules();

	it.each<[string, Record<string, unknown>, Partial<{ organic: boolean; reason: string; inspected: string }>]>([
		['no item code', { Description: 'Organic oats' }, { organic: true, inspected: 'Description' }],
		['empty description, no code', { Description: '' }, { organic: false, reason: 'noText', inspected: '' }],
		['blank description', { Description: '   ' }, { organic: false, reason: 'noText' }],
		[
			'code only',
			{ ItemCode: 'OAT-25', Description: '' },
			{ organic: false, reason: 'noMatch', inspected: 'ItemCode' },
		],
		['null description', { ItemCode: 'ORGANIC-1', Description: null }, { organic: true, inspected: 'ItemCode' }],
		['numeric description', { Description: 42 }, { organic: false, reason: 'noMatch', inspected: 'Description' }],
		['numeric code', { ItemCode: 12345 }, { organic: false, reason: 'noMatch', inspected: 'ItemCode' }],
		['NaN', { Description: Number.NaN }, { organic: false, reason: 'noText' }],
		['object description', { Description: { text: 'organic' } }, { organic: false, reason: 'noText' }],
		['array description', { Description: ['organic'] }, { organic: false, reason: 'noText' }],
		['boolean description', { Description: true }, { organic: false, reason: 'noText' }],
		['Item that is a string', { Item: 'organic', Description: 'Oats' }, { organic: false, inspected: 'Description' }],
		['nothing at all', {}, { organic: false, reason: 'noText' }],
	])('%s', (_name, line, expected) => {
		expect(matcher.matchLine(line)).toMatchObject(expected);
	});

	it('reports a numeric code as text', () => {
		expect(matcher.matchLine({ ItemCode: 12345 }).itemCode).toBe('12345');
	});

	it('matchLine tolerates a line that is not an object', () => {
		expect(matcher.matchLine(null)).toMatchObject({ organic: false, reason: 'noText' });
		expect(matcher.matchLine('organic')).toMatchObject({ organic: false, reason: 'noText' });
	});

	it('inspects Item.Name only when asked', () => {
		const line = { ItemCode: 'ALM-1', Description: 'Almonds', Item: { Code: 'ALM-1', Name: 'Organic almonds' } };
		expect(matcher.matchLine(line).organic).toBe(false);
		const withName = compileOrganicRules({ fields: ['itemCode', 'description', 'itemName'] }).matchLine(line);
		expect(withName).toMatchObject({ organic: true, inspected: 'ItemCode, Description, Item.Name' });
		expect(withName.matches[0].field).toBe('Item.Name');
	});

	it('ignores the description when only the item code is inspected', () => {
		const codeOnly = compileOrganicRules({ fields: ['itemCode'] });
		expect(codeOnly.matchLine({ ItemCode: 'OAT', Description: 'Organic oats' }).organic).toBe(false);
		expect(codeOnly.matchLine({ ItemCode: 'ORGANIC-OAT', Description: 'Oats' }).organic).toBe(true);
	});

	it('textOf keeps strings and finite numbers only', () => {
		expect([textOf('a'), textOf(1.5), textOf(BigInt(7)), textOf(Infinity), textOf(null), textOf({})]).toEqual([
			'a',
			'1.5',
			'7',
			undefined,
			undefined,
			undefined,
		]);
	});
});

describe('documents, Items and bare lines', () => {
	const matcher = compileOrganicRules();

	it('decides every line of a document', () => {
		const result = matcher.classify({
			InvoiceID: 'inv-1',
			Type: 'ACCPAY',
			LineItems: [
				{ ItemCode: 'OAT', Description: 'Organic oats' },
				{ ItemCode: 'RAI', Description: 'Non-organic raisins' },
				{ Description: 'Freight' },
			],
		});
		expect(result).toMatchObject({ kind: 'document', organic: true, lineCount: 3, organicLineCount: 1 });
		expect(result.lines.map((line) => [line.lineIndex, line.organic, line.reason])).toEqual([
			[0, true, 'matched'],
			[1, false, 'excluded'],
			[2, false, 'noMatch'],
		]);
		expect(result.warning).toBeUndefined();
	});

	it('a document with no lines is not organic', () => {
		expect(matcher.classify({ InvoiceID: 'inv-2', LineItems: [] })).toEqual({
			kind: 'document',
			organic: false,
			lineCount: 0,
			organicLineCount: 0,
			lines: [],
		});
	});

	it.each([
		['missing', { InvoiceID: 'inv-3' }],
		['null', { PurchaseOrderID: 'po-1', LineItems: null }],
	])('a document with LineItems %s gets a warning', (_name, document) => {
		const result = matcher.classify(document);
		expect(result).toMatchObject({ kind: 'document', organic: false, lineCount: 0, warning: NO_LINE_ITEMS_WARNING });
	});

	it.each<[string, unknown, string]>([
		['a string', { LineItems: 'Organic oats' }, 'LineItems'],
		['an object', { LineItems: { Description: 'Organic oats' } }, 'LineItems'],
		['a number', { LineItems: 3 }, 'LineItems'],
	])('LineItems that is %s is an input error naming the field', (_name, document, field) => {
		expect(() => matcher.classify(document)).toThrow(OrganicInputError);
		try {
			matcher.classify(document);
		} catch (error) {
			expect((error as OrganicInputError).field).toBe(field);
			expect((error as Error).message).toMatch(/'LineItems' must be an array/);
		}
	});

	it('a line that is not an object is an input error naming the line', () => {
		expect(() => matcher.classify({ LineItems: [{ Description: 'Oats' }, null] })).toThrow(
			expect.objectContaining({ field: 'LineItems[1]' }),
		);
		expect(() => matcher.classify({ LineItems: ['Organic oats'] })).toThrow(
			/'LineItems\[0\]' must be a line item object/,
		);
	});

	it('an input that is not an object is an input error', () => {
		expect(() => matcher.classify('Organic oats')).toThrow(OrganicInputError);
		expect(() => matcher.classify([{ Description: 'Organic oats' }])).toThrow(/got an array/);
	});

	it('reads a Xero Item: Code, Description and PurchaseDescription', () => {
		const result = matcher.classify({
			ItemID: 'item-1',
			Code: 'OAT-25',
			Name: 'Rolled oats',
			Description: 'Rolled oats 25kg',
			PurchaseDescription: 'Organic rolled oats, 25kg bag',
		});
		expect(result).toMatchObject({ kind: 'item', organic: true, lineCount: 1, organicLineCount: 1 });
		expect(result.lines[0]).toMatchObject({
			itemCode: 'OAT-25',
			inspected: 'Code, Description, PurchaseDescription',
			matches: [{ field: 'PurchaseDescription', keyword: 'organic' }],
		});
	});

	it('recognises an Item by its Code when it has no ItemID', () => {
		expect(matcher.classify({ Code: 'ORGANIC-OATS', Name: 'Oats' })).toMatchObject({ kind: 'item', organic: true });
	});

	it('reads a bare line item', () => {
		expect(matcher.classify({ ItemCode: 'OAT', Description: 'Organic oats', LineAmount: 10 })).toMatchObject({
			kind: 'lineItem',
			organic: true,
			lineCount: 1,
			organicLineCount: 1,
		});
	});
});

describe('other languages (option)', () => {
	const languageCases: Array<[OrganicLanguage, Case[]]> = [
		[
			'de',
			[
				['Bio Haferflocken', true, 'matched', 'bio'],
				['Bio-Haferflocken', true, 'matched', 'bio'],
				['BIO_HAFER', true, 'matched', 'bio'],
				['Ökologische Äpfel', true, 'matched', 'ökologisch*'],
				['ÖKOLOGISCHER LANDBAU', true, 'matched', 'ökologisch*'],
				['Oekologische Aepfel', true, 'matched', 'oekologisch*'],
				['Biologischer Anbau', true, 'matched', 'biologisch*'],
				['Öko-Kaffee', true, 'matched', 'öko'],
				['Biohaferflocken', false, 'noMatch', undefined],
				['Biologie Lehrbuch', false, 'noMatch', undefined],
				['Nicht bio', false, 'excluded', 'nicht bio'],
				['Konventionelle Haferflocken', false, 'noMatch', undefined],
				['Bio Haferflocken konventionell', false, 'excluded', 'konventionell*'],
				['Konventionelle Rosinen, Bio-Haferflocken', true, 'matched', 'bio'],
			],
		],
		[
			'fr',
			[
				['Avoine biologique', true, 'matched', 'biologique*'],
				['Flocons bio', true, 'matched', 'bio'],
				['Avoine non biologique', false, 'excluded', 'non biologique*'],
				['Avoine pas bio', false, 'excluded', 'pas bio'],
			],
		],
		[
			'es',
			[
				['Avena ecológica', true, 'matched', 'ecológic*'],
				['AVENA ECOLÓGICA', true, 'matched', 'ecológic*'],
				['Avena ecologica', true, 'matched', 'ecologica'],
				['Aceite de oliva orgánico', true, 'matched', 'orgánic*'],
				['Harina biológica', true, 'matched', 'biológic*'],
				['Avena no ecológica', false, 'excluded', 'no ecológic*'],
				['Avena convencional', false, 'noMatch', undefined],
			],
		],
		[
			'it',
			[
				['Farina biologica', true, 'matched', 'biologica'],
				['Pasta biologici', true, 'matched', 'biologici'],
				['Farina non biologica', false, 'excluded', 'non biologic*'],
				['Biological washing powder', false, 'noMatch', undefined],
			],
		],
		['nl', [['Biologische havermout', true, 'matched', 'biologisch*']]],
		[
			'da',
			[
				['Økologisk havregryn', true, 'matched', 'økologisk*'],
				['Økologiske æbler', true, 'matched', 'økologisk*'],
				['Ikke økologisk', false, 'excluded', 'ikke økologisk*'],
			],
		],
		['no', [['Økologisk havregryn', true, 'matched', 'økologisk*']]],
		[
			'sv',
			[
				['Ekologiska havregryn', true, 'matched', 'ekologisk*'],
				['Eko mjölk', true, 'matched', 'eko'],
			],
		],
		['fi', [['Luomukaurahiutaleet', true, 'matched', 'luomu*']]],
		[
			'pt',
			[
				['Aveia biológica', true, 'matched', 'biológic*'],
				['Azeite orgânico', true, 'matched', 'orgânic*'],
				['Azeite não orgânico', false, 'excluded', 'não orgânic*'],
			],
		],
	];

	it.each(languageCases)('%s', (language, cases) => {
		expectDecision({ languages: [language] }, 'description', cases);
	});

	it('matches accented keywords written with combining marks', () => {
		const decomposed = 'O\u0308kologische A\u0308pfel';
		expectDecision({ languages: ['de'] }, 'description', [[decomposed, true, 'matched', 'ökologisch*']]);
		expectDecision({ keywords: ['o\u0308ko'] }, 'description', [['Öko-Kaffee', true, 'matched', 'o\u0308ko']]);
	});

	it('languages are off by default', () => {
		expectDecision({}, 'description', [
			['Avoine biologique', false, 'noMatch', undefined],
			['Økologisk havregryn', false, 'noMatch', undefined],
		]);
	});

	it('English keeps working with languages on, and codes use them too', () => {
		expectDecision({ languages: ['de', 'fr', 'es', 'it'] }, 'description', [
			['Organic oats', true, 'matched', 'organic'],
			['Non-organic oats', false, 'excluded', 'non-organic'],
			['Biodegradable bags', false, 'noMatch', undefined],
		]);
		expectDecision({ languages: ['de'] }, 'itemCode', [['BIO-HAFER-25', true, 'matched', 'bio']]);
	});

	it('an unknown language is a rule error', () => {
		expect(() => compileOrganicRules({ languages: ['xx' as OrganicLanguage] })).toThrow(OrganicRuleError);
		expect(() => compileOrganicRules({ languages: ['toString' as OrganicLanguage] })).toThrow(/Unknown language/);
	});
});

describe('custom keywords and exclusions', () => {
	it.each<[string, OrganicRuleOptions, Case[]]>([
		[
			'a wildcard keyword',
			{ keywords: ['organic*'] },
			[
				['Organics range', true, 'matched', 'organic*'],
				['organically grown', true, 'matched', 'organic*'],
				['Inorganic', false, 'noMatch', undefined],
			],
		],
		[
			'a phrase keyword matches any separators',
			{ keywords: ['certified organic'], exclusions: [] },
			[
				['Certified  organic oats', true, 'matched', 'certified organic'],
				['CERTIFIED-ORGANIC', true, 'matched', 'certified organic'],
				['certified_organic', true, 'matched', 'certified organic'],
				['Organic oats', false, 'noMatch', undefined],
			],
		],
		[
			'several keywords',
			{ keywords: ['organic', 'eco', 'bio'] },
			[
				['Eco oats', true, 'matched', 'eco'],
				['Ecover detergent', false, 'noMatch', undefined],
				['BIO-OATS', true, 'matched', 'bio'],
			],
		],
		[
			'no exclusions: negations are plain matches',
			{ exclusions: [] },
			[
				['Non-organic oats', true, 'matched', 'organic'],
				['Inorganic fertiliser', false, 'noMatch', undefined],
			],
		],
		[
			'a custom exclusion',
			{ exclusions: ['organic fertiliser', 'organic matter'] },
			[
				['Organic fertiliser 20kg', false, 'excluded', 'organic fertiliser'],
				['Soil rich in organic matter', false, 'excluded', 'organic matter'],
				['Organic oats', true, 'matched', 'organic'],
				['Non-organic oats', true, 'matched', 'organic'],
			],
		],
		[
			'regular expression characters are literal',
			{ keywords: ['o.g'], exclusions: [] },
			[
				['o.g oats', true, 'matched', 'o.g'],
				['oxg oats', false, 'noMatch', undefined],
			],
		],
		[
			'duplicates and letter case collapse',
			{ keywords: ['Organic', 'organic', 'ORGANIC'] },
			[['organic', true, 'matched', 'Organic']],
		],
	])('%s', (_name, options, cases) => {
		expectDecision(options, 'description', cases);
	});

	it.each<[string, OrganicRuleOptions, keyof OrganicRuleOptions]>([
		['no keyword and no code rule', { keywords: [] }, 'keywords'],
		['keywords of separators only', { keywords: [' - ', '*'] }, 'keywords'],
		['no field and no code rule', { fields: [] }, 'fields'],
		['an invalid code pattern', { codePattern: '(ORG' }, 'codePattern'],
		['a code pattern matching everything', { codePattern: '.*' }, 'codePattern'],
		['an unknown scope', { exclusionScope: 'document' as ExclusionScope }, 'exclusionScope'],
	])('%s is a rule error', (_name, options, parameter) => {
		expect(() => compileOrganicRules(options)).toThrow(
			expect.objectContaining({ name: 'OrganicRuleError', parameter }),
		);
	});

	it('code prefixes alone are enough', () => {
		const matcher = compileOrganicRules({ keywords: [], codePrefixes: ['ORG-'] });
		expect(matcher.matchText('ORG-OATS', 'itemCode').organic).toBe(true);
		expect(matcher.matchText('Organic oats').organic).toBe(false);
	});

	it('splitList reads comma and newline separated lists', () => {
		expect(splitList('organic, organically,\n bio ,,')).toEqual(['organic', 'organically', 'bio']);
		expect(splitList(['a, b', 'c'])).toEqual(['a', 'b', 'c']);
		expect(splitList(undefined)).toEqual([]);
	});
});

describe('exclusion scope', () => {
	const scopes: ExclusionScope[] = ['match', 'clause', 'field', 'line'];
	it.each<[string, Record<string, unknown>, boolean[]]>([
		['mixed clauses', { Description: 'Organic oats, non-organic raisins' }, [true, true, false, false]],
		[
			'negation elsewhere in the clause',
			{ Description: 'Organic oats conventionally grown' },
			[true, false, false, false],
		],
		['overlapping negation', { Description: 'Non-organic oats' }, [false, false, false, false]],
		[
			'negation in another field',
			{ ItemCode: 'ORGANIC-OATS', Description: 'Non-organic oats' },
			[true, true, true, false],
		],
	])('%s', (_name, line, expected) => {
		expect(scopes.map((exclusionScope) => compileOrganicRules({ exclusionScope }).matchLine(line).organic)).toEqual(
			expected,
		);
	});

	it('the line scope names the field the exclusion came from', () => {
		const decision = compileOrganicRules({ exclusionScope: 'line' }).matchLine({
			ItemCode: 'ORGANIC-OATS',
			Description: 'Non-organic oats',
		});
		expect(decision.excluded.map((hit) => [hit.field, hit.exclusion, hit.exclusionField])).toEqual([
			['ItemCode', 'non-organic', 'Description'],
			['Description', 'non-organic', 'Description'],
		]);
	});

	it.each<[string, number, number, boolean]>([
		['a, b', 0, 4, true],
		['a; b', 0, 4, true],
		['a. b', 0, 4, true],
		['1.5kg b', 0, 6, false],
		['a - b', 0, 4, true],
		['a – b', 0, 4, true],
		['non-organic', 0, 10, false],
		['a -b', 0, 3, false],
	])('hasClauseBreak(%j, %d, %d) = %s', (text, from, to, expected) => {
		expect(hasClauseBreak(text, from, to)).toBe(expected);
	});
});

describe('item lookups', () => {
	const lookup = new Map<string, ItemDetails>([
		['OAT-25', { Name: 'Organic oats', Description: 'Organic rolled oats 25kg', PurchaseDescription: 'Oats' }],
		['RAI-10', { Name: 'Raisins', Description: 'Raisins', PurchaseDescription: 'Organic raisins 10kg' }],
		['ALM-1', { Name: 'Organic almonds', Description: null }],
	]);
	const matcher = compileOrganicRules();

	it('reads the looked-up description of a line that carries only a code', () => {
		const decision = matcher.matchLine({ ItemCode: 'oat-25', Description: '' }, 0, lookup);
		expect(decision).toMatchObject({
			organic: true,
			inspected: 'ItemCode, itemLookup.Description, itemLookup.PurchaseDescription',
			matches: [{ field: 'itemLookup.Description', keyword: 'organic' }],
		});
	});

	it('reads the purchase description too', () => {
		expect(matcher.matchLine({ ItemCode: 'RAI-10' }, 0, lookup).matches[0].field).toBe(
			'itemLookup.PurchaseDescription',
		);
	});

	it('does not use the lookup when the line has a description', () => {
		expect(matcher.matchLine({ ItemCode: 'OAT-25', Description: 'Oats' }, 0, lookup).organic).toBe(false);
	});

	it('uses the looked-up name only when Item Name is inspected', () => {
		expect(matcher.matchLine({ ItemCode: 'ALM-1' }, 0, lookup).organic).toBe(false);
		const withName = compileOrganicRules({ fields: ['itemCode', 'description', 'itemName'] });
		expect(withName.matchLine({ ItemCode: 'ALM-1' }, 0, lookup).matches[0].field).toBe('itemLookup.Name');
	});

	it('an unknown code stays undecided by the lookup', () => {
		expect(matcher.matchLine({ ItemCode: 'XYZ' }, 0, lookup)).toMatchObject({ organic: false, reason: 'noMatch' });
	});

	it('codesNeedingLookup lists codes of lines without a description', () => {
		const codes = codesNeedingLookup({
			InvoiceID: 'inv-1',
			LineItems: [
				{ ItemCode: 'oat-25', Description: '' },
				{ ItemCode: 'RAI-10', Description: 'Raisins' },
				{ Item: { Code: 'alm-1' } },
				{ Description: 'Freight' },
				'not a line',
			],
		});
		expect([...codes]).toEqual(['OAT-25', 'ALM-1']);
		expect([...codesNeedingLookup({ ItemCode: 'X1' })]).toEqual(['X1']);
		expect([...codesNeedingLookup({ ItemID: 'i', Code: 'X1' })]).toEqual([]);
		expect([...codesNeedingLookup({ LineItems: 'bad' })]).toEqual([]);
		expect(itemLookupKey(' ab-1 ')).toBe('AB-1');
	});
});
