import { randomUUID } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { startXero, type XeroFixture, type XeroRun } from '../helpers/xero';
import type { XeroContact, XeroInvoice } from '../sandbox';
import { Figures } from './figures';

// Bad input through n8n-core: every row feeds two items, a valid one and then the bad one, so the
// error must name item 1 (not 0) and the field, and nothing may reach Xero for either: the node
// checks every item before sending any.

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

let xero: XeroFixture;
let customer: XeroContact;
let supplier: XeroContact;
let approved: XeroInvoice;
const figures = new Figures('bad input');

const org = () => xero.sandbox.store.tenant(xero.tenantId);
const writes = () => xero.sandbox.log.filter((entry) => entry.method !== 'GET');
const counts = () => ({ invoices: org().Invoices.all().length, payments: org().Payments.all().length, orders: org().PurchaseOrders.all().length });

beforeAll(async () => {
	xero = await startXero({ size: 5 });
	customer = xero.sandbox.store.create(xero.tenantId, 'Contacts', { Name: 'Bad Input Customer' }) as unknown as XeroContact;
	supplier = xero.sandbox.store.create(xero.tenantId, 'Contacts', { Name: 'Bad Input Supplier' }) as unknown as XeroContact;
	approved = xero.sandbox.store.create(xero.tenantId, 'Invoices', {
		Type: 'ACCREC',
		Contact: { ContactID: customer.ContactID },
		Status: 'AUTHORISED',
		LineItems: [{ Description: 'Apples', Quantity: 1, UnitAmount: 100, AccountCode: '200' }],
	}) as unknown as XeroInvoice;
});

beforeEach(() => xero.sandbox.clearLog());

afterAll(async () => {
	await xero.close();
	figures.print();
	expect(xero.sandbox.specViolations).toEqual([]);
});

const line = (extra: IDataObject = {}) => ({ Description: 'Oats', Quantity: 1, UnitAmount: 5, AccountCode: '200', ...extra });

const operations = {
	salesInvoice: {
		parameters: {
			resource: 'salesInvoice',
			operation: 'create',
			contactId: byId('={{ $json.contact }}'),
			lineItemsSource: 'field',
			lineItemsField: 'lines',
			additionalFields: { Reference: '={{ $json.ref }}', Date: '={{ $json.date }}', CurrencyCode: '={{ $json.currency }}' },
		},
		valid: (): IDataObject => ({ contact: customer.ContactID, lines: [line()], ref: `valid-${randomUUID()}` }),
	},
	payment: {
		parameters: {
			resource: 'payment',
			operation: 'create',
			invoiceId: byId('={{ $json.invoice }}'),
			accountCode: '={{ $json.account }}',
			paymentOptions: { amount: '={{ $json.amount }}', date: '={{ $json.date }}', reference: '={{ $json.ref }}' },
		},
		valid: (): IDataObject => ({ invoice: approved.InvoiceID, account: '090', amount: 1, ref: 'valid payment' }),
	},
	purchaseOrder: {
		parameters: {
			resource: 'purchaseOrder',
			operation: 'create',
			contactId: byId('={{ $json.contact }}'),
			lineItemsSource: 'field',
			lineItemsField: 'lines',
			additionalFields: {
				DeliveryDate: '={{ $json.delivery }}',
				DeliveryInstructions: '={{ $json.instructions }}',
				CurrencyCode: '={{ $json.currency }}',
			},
		},
		valid: (): IDataObject => ({ contact: supplier.ContactID, lines: [line({ AccountCode: '300' })] }),
	},
};

type Operation = keyof typeof operations;
/** A row: what the bad item changes in a valid one (undefined removes the key), and the error expected. */
type Row = [name: string, operation: Operation, change: IDataObject, field: string, problem: string | RegExp];

const long = 'x'.repeat(4001);

const rows: Row[] = [
	['missing contact', 'salesInvoice', { contact: '' }, 'Contact', 'is required but empty'],
	['contact expression resolving to nothing', 'salesInvoice', { contact: undefined }, 'Contact', 'is required but empty'],
	['contact expression resolving to null', 'salesInvoice', { contact: null }, 'Contact', 'is required but empty'],
	['contact ID that is not a GUID', 'salesInvoice', { contact: 'Bad Input Customer' }, 'Contact', 'must be a Xero ID (a GUID), got "Bad Input Customer"'],
	['empty line items', 'salesInvoice', { lines: [] }, 'Line Items', 'must have at least one line'],
	['line items that are not a list', 'salesInvoice', { lines: 'oats' }, 'lines', 'must be a list of line items, got string'],
	['non-numeric quantity', 'salesInvoice', { lines: [line({ Quantity: 'three' })] }, 'Line Items[0].Quantity', 'must be a number, got "three"'],
	['price with a decimal comma', 'salesInvoice', { lines: [line(), line({ UnitAmount: '12,50' })] }, 'Line Items[1].UnitAmount', 'must be a number, got "12,50"'],
	['unknown tax type', 'salesInvoice', { lines: [line({ TaxType: 'MOON-GST' })] }, 'Line Items[0].TaxType', '"MOON-GST" is not a tax type in this organisation'],
	['unknown account code', 'salesInvoice', { lines: [line({ AccountCode: '9999' })] }, 'Line Items[0].AccountCode', '"9999" is not an account code in this organisation'],
	['a date that is not a date', 'salesInvoice', { date: '2026-02-30' }, 'Date', 'must be a date such as 2026-01-31, got "2026-02-30"'],
	['a currency the organisation has not enabled', 'salesInvoice', { currency: 'EUR' }, 'Currency', '"EUR" is not enabled in this organisation (Settings > Currencies in Xero)'],
	['a description over 4,000 characters', 'salesInvoice', { lines: [line({ Description: long })] }, 'Line Items[0].Description', 'is 4001 characters long; Xero accepts at most 4000'],
	['a reference over 255 characters', 'salesInvoice', { ref: 'r'.repeat(256) }, 'Reference', 'is 256 characters long; Xero accepts at most 255'],
	['a NUL in a description', 'salesInvoice', { lines: [line({ Description: 'Oats\u0000' })] }, 'Line Items[0].Description', 'contains control characters'],
	['an escape sequence in a reference', 'salesInvoice', { ref: '\u001b[31mred' }, 'Reference', 'contains control characters'],
	['invoice ID that is not a GUID', 'payment', { invoice: 'INV-0001' }, 'Invoice or Bill', 'must be a Xero ID (a GUID), got "INV-0001"'],
	['invoice expression resolving to nothing', 'payment', { invoice: undefined }, 'Invoice or Bill', 'is required but empty'],
	['non-numeric amount', 'payment', { amount: 'ten' }, 'Amount', 'must be a number, got "ten"'],
	['a payment date that is not a date', 'payment', { date: 'yesterday' }, 'Date', 'must be a date such as 2026-01-31, got "yesterday"'],
	['unknown bank account', 'payment', { account: '9999' }, 'Bank Account', '"9999" is not an account code in this organisation'],
	['a bell in a payment reference', 'payment', { ref: 'ding\u0007' }, 'Reference', 'contains control characters'],
	['missing supplier', 'purchaseOrder', { contact: undefined }, 'Contact', 'is required but empty'],
	['delivery date that is not a date', 'purchaseOrder', { delivery: 'next week' }, 'Delivery Date', 'must be a date such as 2026-01-31, got "next week"'],
	['delivery instructions over 4,000 characters', 'purchaseOrder', { instructions: long }, 'Delivery Instructions', 'is 4001 characters long; Xero accepts at most 4000'],
	['a form feed in delivery instructions', 'purchaseOrder', { instructions: 'Gate B\u000cthen left' }, 'Delivery Instructions', 'contains control characters'],
	['a purchase currency not enabled', 'purchaseOrder', { currency: 'EUR' }, 'Currency', /"EUR" is not enabled/],
	['non-numeric purchase quantity', 'purchaseOrder', { lines: [line({ AccountCode: '300', Quantity: '' }), line({ Quantity: 'a few' })] }, 'Line Items[1].Quantity', 'must be a number, got "a few"'],
];

function itemWith(valid: IDataObject, change: IDataObject): IDataObject {
	const item = { ...valid };
	for (const [key, value] of Object.entries(change)) {
		if (value === undefined) delete item[key];
		else item[key] = value;
	}
	return item;
}

function expectNamedError(run: XeroRun, index: number, field: string, problem: string | RegExp): void {
	const message = run.error?.message ?? '';
	const prefix = `Item ${index}: "${field}" `;
	expect(message.startsWith(prefix)).toBe(true);
	if (typeof problem === 'string') expect(message).toBe(`${prefix}${problem}`);
	else expect(message.slice(prefix.length)).toMatch(problem);
	expect(run.error?.description).toBe(`Fix "${field}" in input item ${index}; nothing was sent to Xero for this item.`);
	expect(run.items).toEqual([]);
}

describe('invalid input is refused before anything is written, naming the item and the field', () => {
	test.each(rows)('%s (%s)', async (_name, operation, change, field, problem) => {
		const before = counts();
		const { parameters, valid } = operations[operation];
		const run = await xero.run(parameters, [valid(), itemWith(valid(), change)]);
		expectNamedError(run, 1, field, problem);
		expect(writes()).toEqual([]);
		expect(counts()).toEqual(before);
		figures.add('rows refused locally, nothing written');
	});
});

describe('accepted input', () => {
	it('stores unicode text intact', async () => {
		const text = 'Crème brûlée 🍰 — 東京';
		const reference = `${text} ${randomUUID()}`;
		const { parameters } = operations.salesInvoice;
		const { items, error } = await xero.run(parameters, [
			{ contact: customer.ContactID, ref: reference, lines: [line({ Description: text }), line({ Description: 'x'.repeat(4000) })] },
		]);
		expect(error).toBeUndefined();
		const stored = org().Invoices.filter((invoice) => invoice.Reference === reference);
		expect(stored).toHaveLength(1);
		expect(stored[0].LineItems[0].Description).toBe(text);
		expect(stored[0].LineItems[1].Description).toHaveLength(4000);
		expect(items[0].json.Reference).toBe(reference);
		expect((items[0].json.LineItems as IDataObject[])[0].Description).toBe(text);
		// Tabs and line breaks are text, not control characters.
		const multiline = `Line one\n\tindented\r\nline three ${randomUUID()}`;
		const second = await xero.run(parameters, [{ contact: customer.ContactID, ref: 'multiline', lines: [line({ Description: multiline })] }]);
		expect(second.error).toBeUndefined();
		expect(org().Invoices.filter((invoice) => invoice.LineItems[0]?.Description === multiline)).toHaveLength(1);
	});
});

describe('Xero-side refusals', () => {
	it('an organisation the credential cannot reach: a 403 naming the organisation and the scope, nothing created', async () => {
		const before = counts();
		const { parameters, valid } = operations.salesInvoice;
		const { error, items } = await xero.run({ ...parameters, tenantId: randomUUID() }, [valid()]);
		expect(items).toEqual([]);
		expect(error?.message).toMatch(/^Xero denied access to \/\w+: the organisation is not connected to this credential, or the scope "accounting\.\w+(\.read)?" is missing$/);
		expect(error?.description).toMatch(/Check the Organisation selected in the node/);
		expect(xero.sandbox.log.every((entry) => entry.status === 403)).toBe(true);
		expect(counts()).toEqual(before);
	});

	it('an organisation ID that is not a GUID is refused without calling Xero', async () => {
		// A literal one is stopped by the editor's validation; an expression can still produce one.
		const { parameters, valid } = operations.salesInvoice;
		const { error } = await xero.run({ ...parameters, tenantId: '={{ "Greenfields Ltd" }}' }, [valid()]);
		expect(error?.message).toBe('Item 0: "Organisation" must be a Xero ID (a GUID), got "Greenfields Ltd"');
		expect(xero.sandbox.log).toEqual([]);
	});
});

describe('a mixed run under Continue On Fail', () => {
	it('creates the valid items exactly once and returns the invalid one as an error item naming itself', async () => {
		const tag = randomUUID();
		const { parameters } = operations.salesInvoice;
		const input = [
			{ contact: customer.ContactID, ref: `${tag}-0`, lines: [line({ Description: 'Crème fraîche' })] },
			{ contact: customer.ContactID, ref: `${tag}-1`, lines: [line({ Description: 'Butter\u0008' })] },
			{ contact: customer.ContactID, ref: `${tag}-2`, lines: [line({ Quantity: 2 })] },
		];
		const { items, error } = await xero.run(parameters, input, { node: { onError: 'continueRegularOutput' } });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json).toMatchObject({ Reference: `${tag}-0`, InvoiceID: expect.any(String) });
		expect(items[2].json).toMatchObject({ Reference: `${tag}-2`, InvoiceID: expect.any(String) });
		expect(items[1].json).toEqual({
			error: 'Item 1: "Line Items[0].Description" contains control characters',
			details: {
				itemIndex: 1,
				description: 'Fix "Line Items[0].Description" in input item 1; nothing was sent to Xero for this item.',
			},
		});
		const puts = writes();
		expect(puts).toHaveLength(1);
		expect(puts[0]).toMatchObject({ method: 'PUT', path: '/api.xro/2.0/Invoices', status: 200 });
		for (const n of [0, 2]) {
			const stored = org().Invoices.filter((invoice) => invoice.Reference === `${tag}-${n}`);
			expect(stored).toHaveLength(1);
			expect(stored[0].InvoiceID).toBe(items[n].json.InvoiceID);
		}
		expect(org().Invoices.filter((invoice) => invoice.Reference === `${tag}-1`)).toHaveLength(0);
		expect(org().Invoices.get(String(items[0].json.InvoiceID))!.LineItems[0].Description).toBe('Crème fraîche');
	});
});
