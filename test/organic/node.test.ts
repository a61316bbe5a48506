/**
 * The Organic Filter node in real n8n executions (n8n-core's WorkflowExecute), loaded from the
 * built package like n8n loads it. Run `npm run build` first.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runWorkflow, TestCredentials, type NodeSpec } from '../harness';
import { startSandbox, type XeroSandbox } from '../sandbox';

const NODE = 'Organic Filter';

const organicInvoice = {
	Type: 'ACCREC',
	InvoiceID: 'inv-organic',
	InvoiceNumber: 'INV-1',
	LineAmountTypes: 'Exclusive',
	SubTotal: 130,
	TotalTax: 19.5,
	Total: 149.5,
	LineItems: [
		{
			LineItemID: 'l1',
			ItemCode: 'ORG-OATS',
			Description: 'Organic rolled oats 25kg',
			Quantity: 2,
			UnitAmount: 40,
			LineAmount: 80,
			TaxAmount: 12,
		},
		{
			LineItemID: 'l2',
			ItemCode: 'RAI-10',
			Description: 'Non-organic raisins',
			Quantity: 1,
			UnitAmount: 30,
			LineAmount: 30,
			TaxAmount: 4.5,
		},
		{
			LineItemID: 'l3',
			ItemCode: 'ALM-1',
			Description: 'Almonds, organic',
			Quantity: 1,
			UnitAmount: 20,
			LineAmount: 20,
			TaxAmount: 3,
		},
	],
};
const conventionalBill = {
	Type: 'ACCPAY',
	InvoiceID: 'bill-conventional',
	LineItems: [{ ItemCode: 'WF-1', Description: 'Wheat flour 1kg', LineAmount: 10, TaxAmount: 1.5 }],
};
const organicLine = { ItemCode: 'ORGANIC_HONEY', Description: '', LineAmount: 12 };
const conventionalItem = { ItemID: 'item-1', Code: 'SUGAR', Name: 'Sugar', Description: 'Conventional cane sugar' };

const input = [organicInvoice, conventionalBill, organicLine, conventionalItem] as IDataObject[];

function filterNode(parameters: INodeParameters, extra: Partial<NodeSpec> = {}): NodeSpec {
	return { name: NODE, type: 'organicFilter', parameters, ...extra };
}

function ids(items: INodeExecutionData[]): unknown[] {
	return items.map((item) => item.json.InvoiceID ?? item.json.ItemCode ?? item.json.ItemID);
}

function paired(items: INodeExecutionData[]): unknown[] {
	return items.map((item) => item.pairedItem);
}

describe('Organic Filter node', () => {
	it('keeps documents with an organic line on the Organic output, the rest on Not Organic', async () => {
		const { output, error } = await runWorkflow({ input, nodes: [filterNode({ mode: 'keepDocuments' })] });
		expect(error).toBeUndefined();

		const organic = output(NODE, 0);
		const notOrganic = output(NODE, 1);
		expect(ids(organic)).toEqual(['inv-organic', 'ORGANIC_HONEY']);
		expect(ids(notOrganic)).toEqual(['bill-conventional', 'item-1']);
		expect(paired(organic)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(paired(notOrganic)).toEqual([{ item: 1 }, { item: 3 }]);

		// Documents pass unchanged, with the explanation under one key.
		const invoice = organic[0].json;
		expect(invoice.LineItems).toEqual(organicInvoice.LineItems);
		expect(invoice.Total).toBe(149.5);
		expect(invoice.organicMatch).toMatchObject({ organic: true, kind: 'document', lineCount: 3, organicLineCount: 2 });
		const lines = (invoice.organicMatch as IDataObject).lines as IDataObject[];
		expect(lines[0]).toMatchObject({
			lineIndex: 0,
			itemCode: 'ORG-OATS',
			organic: true,
			reason: 'matched',
			matches: [{ field: 'Description', rule: 'keyword', keyword: 'organic', text: 'Organic', index: 0 }],
		});
		expect(lines[1]).toMatchObject({
			organic: false,
			reason: 'excluded',
			excluded: [{ field: 'Description', keyword: 'organic', exclusion: 'non-organic', exclusionText: 'Non-organic' }],
		});
		expect(organic[1].json.organicMatch).toMatchObject({ kind: 'lineItem', organic: true });
		expect(notOrganic[1].json.organicMatch).toMatchObject({ kind: 'item', organic: false });
	});

	it('keeps only the organic lines, with the organic totals', async () => {
		const { output } = await runWorkflow({ input, nodes: [filterNode({ mode: 'keepLines' })] });
		const organic = output(NODE, 0);
		expect(ids(organic)).toEqual(['inv-organic', 'ORGANIC_HONEY']);

		const invoice = organic[0].json;
		expect((invoice.LineItems as IDataObject[]).map((line) => line.LineItemID)).toEqual(['l1', 'l3']);
		expect(invoice).toMatchObject({
			InvoiceNumber: 'INV-1',
			// the document's own totals stay as they were
			SubTotal: 130,
			Total: 149.5,
			OrganicLineCount: 2,
			OrganicSubTotal: 100,
			OrganicTotalTax: 15,
			OrganicTotal: 115,
		});
		// every line's decision is still explained, by its position in the original document
		expect(
			((invoice.organicMatch as IDataObject).lines as IDataObject[]).map((line) => [line.lineIndex, line.organic]),
		).toEqual([
			[0, true],
			[1, false],
			[2, true],
		]);

		const notOrganic = output(NODE, 1);
		expect(ids(notOrganic)).toEqual(['bill-conventional', 'item-1']);
		expect(notOrganic[0].json.LineItems).toEqual(conventionalBill.LineItems);
		expect(notOrganic[0].json.OrganicTotal).toBeUndefined();
		expect(paired(notOrganic)).toEqual([{ item: 1 }, { item: 3 }]);
	});

	it('annotates every document on the first output and drops nothing', async () => {
		const { output } = await runWorkflow({ input, nodes: [filterNode({ mode: 'annotate' })] });
		const all = output(NODE, 0);
		expect(ids(all)).toEqual(['inv-organic', 'bill-conventional', 'ORGANIC_HONEY', 'item-1']);
		expect(all.map((item) => (item.json.organicMatch as IDataObject).organic)).toEqual([true, false, true, false]);
		expect(paired(all)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(all[0].json.LineItems).toEqual(organicInvoice.LineItems);
		expect(output(NODE, 1)).toEqual([]);
	});

	it('uses the defaults: keep documents, item code and description', async () => {
		const { output } = await runWorkflow({ input, nodes: [filterNode({})] });
		expect(ids(output(NODE, 0))).toEqual(['inv-organic', 'ORGANIC_HONEY']);
		expect(ids(output(NODE, 1))).toEqual(['bill-conventional', 'item-1']);
	});

	it('applies the options: code prefixes, languages, no details', async () => {
		const { output } = await runWorkflow({
			input: [
				{ LineItems: [{ ItemCode: 'ORG-OATS', Description: 'Oats' }] },
				{ LineItems: [{ ItemCode: 'HAF-1', Description: 'Bio-Haferflocken' }] },
				{ LineItems: [{ ItemCode: 'HAF-2', Description: 'Haferflocken' }] },
			],
			nodes: [
				filterNode({
					mode: 'keepDocuments',
					keywords: 'organic',
					exclusions: 'non-organic, nicht bio',
					options: { codePrefixes: 'ORG-', languages: ['de'], includeDetails: false },
				}),
			],
		});
		const organic = output(NODE, 0);
		expect(organic.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(organic[0].json.organicMatch).toEqual({
			organic: true,
			kind: 'document',
			lineCount: 1,
			organicLineCount: 1,
		});
		expect(output(NODE, 1).map((item) => item.pairedItem)).toEqual([{ item: 2 }]);
	});

	it('fails on bad input, naming the item and the field', async () => {
		const { error, run } = await runWorkflow({
			input: [organicInvoice, { InvoiceID: 'bad', LineItems: 'Organic oats' }],
			nodes: [filterNode({})],
		});
		expect(run.status).toBe('error');
		expect(error?.message).toBe(
			"Item 1 (field 'LineItems'): 'LineItems' must be an array of line items, got a string (\"Organic oats\")",
		);
		expect(error?.name).toBe('NodeOperationError');
	});

	it('with Continue on error, sends the bad item to Not Organic and goes on', async () => {
		const { output, error } = await runWorkflow({
			input: [{ InvoiceID: 'bad', LineItems: { ItemCode: 'X' } }, organicInvoice, { LineItems: [null] }],
			nodes: [filterNode({}, { onError: 'continueRegularOutput' })],
		});
		expect(error).toBeUndefined();
		expect(ids(output(NODE, 0))).toEqual(['inv-organic']);
		expect(paired(output(NODE, 0))).toEqual([{ item: 1 }]);
		const failed = output(NODE, 1);
		expect(failed.map((item) => item.json.error)).toEqual([
			"Item 0 (field 'LineItems'): 'LineItems' must be an array of line items, got an object",
			"Item 2 (field 'LineItems[0]'): 'LineItems[0]' must be a line item object, got null",
		]);
		expect(paired(failed)).toEqual([{ item: 0 }, { item: 2 }]);
	});

	it('with the error output, sends the bad item there', async () => {
		const { output } = await runWorkflow({
			input: [{ LineItems: 7 }, organicInvoice],
			nodes: [filterNode({}, { onError: 'continueErrorOutput' })],
		});
		expect(ids(output(NODE, 0))).toEqual(['inv-organic']);
		expect(output(NODE, 1)).toEqual([]);
		const errors = output(NODE, 2);
		expect(errors).toHaveLength(1);
		expect(errors[0].json.error).toMatch(/^Item 0 \(field 'LineItems'\)/);
	});

	it('reports a rule that cannot be compiled, naming the parameter', async () => {
		const { error } = await runWorkflow({
			input: [organicInvoice],
			nodes: [filterNode({ options: { codePattern: '(ORG' } })],
		});
		expect(error?.message).toMatch(
			/^Parameter 'Item Code Pattern' \(item 0\): The item code pattern is not a valid regular expression/,
		);
	});

	it('evaluates expressions per item', async () => {
		const { output } = await runWorkflow({
			input: [
				{ keyword: 'organic', LineItems: [{ Description: 'Organic oats' }] },
				{ keyword: 'bio', LineItems: [{ Description: 'Bio oats' }] },
				{ keyword: 'bio', LineItems: [{ Description: 'Organic oats' }] },
			],
			nodes: [filterNode({ keywords: '={{ $json.keyword }}' })],
		});
		expect(paired(output(NODE, 0))).toEqual([{ item: 0 }, { item: 1 }]);
		expect(paired(output(NODE, 1))).toEqual([{ item: 2 }]);
	});

	it('passes binary data through', async () => {
		const pdf = { data: Buffer.from('%PDF').toString('base64'), mimeType: 'application/pdf', fileName: 'inv.pdf' };
		const { output } = await runWorkflow({
			nodes: [
				{
					name: 'Input With File',
					type: 'harness.items',
					parameters: { items: [organicInvoice] as unknown as INodeParameters[], binary: [{ data: pdf }] },
				},
				filterNode({}),
			],
			connections: [['Input With File', NODE]],
			startNode: 'Input With File',
		});
		expect(output(NODE, 0)[0].binary?.data).toMatchObject({ mimeType: 'application/pdf', fileName: 'inv.pdf' });
	});
});

describe('Organic Filter node, looking Items up in Xero', () => {
	const CREDENTIAL_TYPE = 'xeroAccountingOAuth2Api';
	let sandbox: XeroSandbox;
	let credentials: TestCredentials;
	let tenantId: string;

	beforeAll(async () => {
		sandbox = await startSandbox({ size: 2 });
		credentials = new TestCredentials({ [CREDENTIAL_TYPE]: { accessTokenUrl: `${sandbox.url}/connect/token` } });
		credentials.set('xero', CREDENTIAL_TYPE, {
			clientId: sandbox.client.clientId,
			clientSecret: sandbox.client.clientSecret,
			apiUrl: sandbox.url,
			oauthTokenData: sandbox.issueTokens() as unknown as IDataObject,
		});
		tenantId = sandbox.tenants[0].tenantId;
	});

	afterAll(async () => {
		expect(sandbox.specViolations).toEqual([]);
		await sandbox.close();
	});

	beforeEach(() => {
		sandbox.clearLog();
		sandbox.faults.clear();
	});

	const itemCalls = () => sandbox.log.filter((entry) => entry.path.endsWith('/Items'));

	// Seeded Items: COFFEE-FT "Fair trade coffee beans (certified organic)", TEA-GREEN "Green tea, 100 bags",
	// GROWN-Q "Organically grown? Certification pending", VEG-BOX "Weekly box of seasonal organics".
	const codeOnlyBills = [
		{
			InvoiceID: 'bill-1',
			LineItems: [
				{ ItemCode: 'coffee-ft', LineAmount: 21 },
				{ ItemCode: 'TEA-GREEN', Description: '' },
			],
		},
		{ InvoiceID: 'bill-2', LineItems: [{ ItemCode: 'TEA-GREEN' }, { ItemCode: 'GROWN-Q' }, { ItemCode: 'VEG-BOX' }] },
		{ InvoiceID: 'bill-3', LineItems: [{ ItemCode: 'COFFEE-FT', Description: 'Coffee beans' }] },
	];

	function lookupNode(parameters: INodeParameters = {}): NodeSpec {
		return filterNode(
			{
				lookupItems: true,
				authentication: 'oAuth2',
				tenantId: { __rl: true, mode: 'id', value: tenantId },
				...parameters,
			},
			{ credentials: credentials.ref('xero') },
		);
	}

	it('reads the description of lines that carry only a code, with one request for the run', async () => {
		const { output, error } = await runWorkflow({ input: codeOnlyBills, nodes: [lookupNode()], credentials });
		expect(error).toBeUndefined();
		expect(ids(output(NODE, 0))).toEqual(['bill-1']);
		expect(ids(output(NODE, 1))).toEqual(['bill-2', 'bill-3']);

		const lines = (output(NODE, 0)[0].json.organicMatch as IDataObject).lines as IDataObject[];
		expect(lines[0]).toMatchObject({
			organic: true,
			itemCode: 'coffee-ft',
		});
		// The seeded Item has the same sales and purchase description: both are reported.
		expect((lines[0].matches as IDataObject[]).map((hit) => [hit.field, hit.keyword, hit.text])).toEqual([
			['itemLookup.Description', 'organic', 'organic'],
			['itemLookup.PurchaseDescription', 'organic', 'organic'],
		]);
		const second = (output(NODE, 1)[0].json.organicMatch as IDataObject).lines as IDataObject[];
		expect(second.map((line) => line.reason)).toEqual(['noMatch', 'excluded', 'noMatch']);
		expect((second[1].excluded as IDataObject[])[0]).toMatchObject({
			keyword: 'organically',
			exclusion: 'certification pending',
			exclusionText: 'Certification pending',
		});

		// A line with its own description keeps it: "Coffee beans" is not organic.
		expect(output(NODE, 1)[1].json.organicMatch).toMatchObject({ organic: false });
		expect(itemCalls()).toHaveLength(1);
		expect(itemCalls()[0]).toMatchObject({ method: 'GET', tenantId, status: 200 });
	});

	it('uses the Item name when Item Name is inspected', async () => {
		const { output } = await runWorkflow({
			input: [{ InvoiceID: 'bill-4', LineItems: [{ ItemCode: 'ORGANIC-MILK' }, { ItemCode: 'BIO-HAFER' }] }],
			nodes: [lookupNode({ fields: ['itemName'], options: { languages: ['de'] } })],
			credentials,
		});
		const lines = (output(NODE, 0)[0].json.organicMatch as IDataObject).lines as IDataObject[];
		expect(lines.map((line) => (line.matches as IDataObject[])[0]?.field)).toEqual([
			'itemLookup.Name',
			'itemLookup.Name',
		]);
	});

	it('makes no request when no line needs a lookup', async () => {
		const { output, error } = await runWorkflow({
			input: [organicInvoice, conventionalBill, conventionalItem],
			nodes: [lookupNode()],
			credentials,
		});
		expect(error).toBeUndefined();
		expect(ids(output(NODE, 0))).toEqual(['inv-organic']);
		expect(sandbox.log).toEqual([]);
	});

	it('makes no request, and needs no credential, when lookups are off', async () => {
		const { output } = await runWorkflow({ input: codeOnlyBills, nodes: [filterNode({})] });
		expect(output(NODE, 0)).toEqual([]);
		expect(sandbox.log).toEqual([]);
	});

	it('a refused lookup fails the items that needed it, or only them with Continue', async () => {
		sandbox.faults.add({ path: '/Items', action: { kind: 'status', status: 403 }, times: Infinity });
		const failed = await runWorkflow({ input: codeOnlyBills, nodes: [lookupNode()], credentials });
		expect(failed.run.status).toBe('error');

		const { output } = await runWorkflow({
			input: [...codeOnlyBills, organicInvoice],
			nodes: [{ ...lookupNode(), onError: 'continueRegularOutput' }],
			credentials,
		});
		expect(ids(output(NODE, 0))).toEqual(['inv-organic']);
		// bill-3 needed no lookup (its line has a description): it is judged as usual.
		expect(paired(output(NODE, 1))).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output(NODE, 1).map((item) => typeof item.json.error)).toEqual(['string', 'string', 'undefined']);
		expect(output(NODE, 1)[0].json.error).toMatch(/^Xero denied access to \/Items/);
	});
});
