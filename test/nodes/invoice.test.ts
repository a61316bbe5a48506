import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';
import { getGlobalState } from 'n8n-workflow';
import { Invoice, ObjectSerializer } from 'xero-node';

import { startXero, type XeroFixture } from '../helpers/xero';
import type { XeroContact, XeroInvoice } from '../sandbox';

// Sales invoices (ACCREC) through the node, against the sandbox. Bills share the implementation
// and have their own file for what differs.

const API = '/api.xro/2.0';
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const byNumber = (value: string) => ({ __rl: true, mode: 'number', value });

let xero: XeroFixture;
let customer: XeroContact;

const org = () => xero.sandbox.store.tenant(xero.tenantId);
const calls = (method: string, path: string) => xero.sandbox.log.filter((l) => l.method === method && l.path === `${API}${path}`);
const writes = () => xero.sandbox.log.filter((l) => l.method !== 'GET');
const invoicesWith = (reference: string) => org().Invoices.filter((i) => i.Reference === reference);

function paidInvoice(): XeroInvoice {
	const invoice = storedInvoice('AUTHORISED', 20);
	xero.sandbox.store.create(xero.tenantId, 'Payments', {
		Invoice: { InvoiceID: invoice.InvoiceID },
		Account: { Code: '090' },
		Amount: invoice.AmountDue,
	});
	return org().Invoices.get(invoice.InvoiceID)!;
}

function storedInvoice(status: string, amount = 100, extra: IDataObject = {}): XeroInvoice {
	return xero.sandbox.store.create(xero.tenantId, 'Invoices', {
		Type: 'ACCREC',
		Contact: { ContactID: customer.ContactID },
		Status: status,
		LineItems: [{ Description: 'Seeded line', Quantity: 1, UnitAmount: amount, AccountCode: '200' }],
		...extra,
	}) as unknown as XeroInvoice;
}

beforeAll(async () => {
	xero = await startXero({ size: 5 });
	customer = xero.sandbox.store.create(xero.tenantId, 'Contacts', {
		Name: 'Invoice Test Customer',
		EmailAddress: 'accounts@invoice-test.example',
	}) as unknown as XeroContact;
});

beforeEach(() => xero.sandbox.clearLog());

afterAll(async () => {
	expect(xero.sandbox.specViolations).toEqual([]);
	await xero.close();
});

const create = (extra: IDataObject = {}) => ({
	resource: 'salesInvoice',
	operation: 'create',
	contactId: byId(customer.ContactID),
	...extra,
});

describe('create', () => {
	it('creates one invoice with its lines, contact, status and fields, once', async () => {
		const theme = org().BrandingThemes.find((t) => t.Name === 'Very Organic')!;
		const { items, error } = await xero.run(
			create({
				status: 'AUTHORISED',
				lineItems: {
					line: [
						{ ItemCode: 'ORGANIC-FLOUR', Quantity: 3 },
						{ Description: 'Delivery to the shop', Quantity: 1, UnitAmount: 12.5, AccountCode: '260', TaxType: 'NONE' },
					],
				},
				additionalFields: {
					Date: '2026-03-02',
					DueDate: '2026-03-31',
					Reference: 'create-one',
					InvoiceNumber: 'N8N-1001',
					CurrencyCode: 'USD',
					LineAmountTypes: 'Inclusive',
					BrandingThemeID: theme.BrandingThemeID,
				},
			}),
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json).toMatchObject({
			Type: 'ACCREC',
			InvoiceNumber: 'N8N-1001',
			Status: 'AUTHORISED',
			Contact: { ContactID: customer.ContactID, Name: 'Invoice Test Customer' },
			CurrencyCode: 'USD',
			Date: '2026-03-02T00:00:00.000Z',
			DueDate: '2026-03-31T00:00:00.000Z',
		});

		const stored = invoicesWith('create-one');
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({
			Type: 'ACCREC',
			Status: 'AUTHORISED',
			InvoiceNumber: 'N8N-1001',
			Contact: { ContactID: customer.ContactID },
			CurrencyCode: 'USD',
			LineAmountTypes: 'Inclusive',
			BrandingThemeID: theme.BrandingThemeID,
		});
		// The item line takes the item's sales description, price and account.
		expect(stored[0].LineItems).toEqual([
			expect.objectContaining({ ItemCode: 'ORGANIC-FLOUR', Quantity: 3, UnitAmount: 8.9, AccountCode: '200', TaxType: 'OUTPUT' }),
			expect.objectContaining({ Description: 'Delivery to the shop', Quantity: 1, UnitAmount: 12.5, AccountCode: '260', TaxType: 'NONE' }),
		]);
		expect(stored[0].Total).toBe(39.2);
		expect(calls('PUT', '/Invoices')).toHaveLength(1);
		expect(calls('PUT', '/Invoices')[0].query).toMatchObject({ summarizeErrors: 'false' });
	});

	it('creates 120 invoices in three calls, each output paired with its input', async () => {
		const input = Array.from({ length: 120 }, (_, n) => ({
			ref: `bulk-${n}`,
			contactId: customer.ContactID,
			LineItems: [{ Description: `Box ${n}`, Quantity: 1 + (n % 3), UnitAmount: 10, AccountCode: '200' }],
		}));
		const { items, error } = await xero.run(
			create({
				contactId: byId('={{ $json.contactId }}'),
				lineItemsSource: 'field',
				lineItemsField: 'LineItems',
				additionalFields: { Reference: '={{ $json.ref }}' },
			}),
			input,
		);
		expect(error).toBeUndefined();
		expect(calls('PUT', '/Invoices')).toHaveLength(3);
		expect(items).toHaveLength(120);
		items.forEach((item, n) => {
			expect(item.pairedItem).toEqual({ item: n });
			expect(item.json.Reference).toBe(`bulk-${n}`);
		});
		for (let n = 0; n < 120; n++) {
			const stored = invoicesWith(`bulk-${n}`);
			expect(stored).toHaveLength(1);
			expect(stored[0].LineItems[0]).toMatchObject({ Description: `Box ${n}`, Quantity: 1 + (n % 3) });
			expect(stored[0].Status).toBe('DRAFT');
		}
	});

	const mixedBatch = (tag: string) => [
		{ ref: `${tag}-0`, contactId: customer.ContactID, number: '' },
		{ ref: `${tag}-1`, contactId: customer.ContactID, number: 'TAKEN-1' }, // taken: Xero refuses it
		{ ref: `${tag}-2`, contactId: customer.ContactID, number: '' },
		{ ref: `${tag}-3`, contactId: '6f1e2a1c-1111-4c4c-8888-123456789abc', number: '' }, // no such contact
		{ ref: `${tag}-4`, contactId: customer.ContactID, number: '' },
	];
	const mixedParameters = () =>
		create({
		contactId: byId('={{ $json.contactId }}'),
		lineItems: { line: [{ Description: 'Oats', Quantity: 1, UnitAmount: 5, AccountCode: '200' }] },
		additionalFields: { Reference: '={{ $json.ref }}', InvoiceNumber: '={{ $json.number }}' },
	});

	it('with Continue On Fail, creates the invoices Xero accepts and returns its message for the others', async () => {
		storedInvoice('DRAFT', 1, { InvoiceNumber: 'TAKEN-1' });
		const { items, error } = await xero.run(mixedParameters(), mixedBatch('mixed-on'), { node: { onError: 'continueRegularOutput' } });
		expect(error).toBeUndefined();
		expect(calls('PUT', '/Invoices')).toHaveLength(1);
		expect(items.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		expect(items[1].json).toMatchObject({ details: { itemIndex: 1, xeroValidationErrors: ['Invoice # must be unique.'] } });
		expect(items[1].json.error).toMatch(/^Item 1: Xero refused the sales invoice: Invoice # must be unique\./);
		expect(items[3].json).toMatchObject({ details: { itemIndex: 3 } });
		expect(items[3].json.error).toMatch(/^Item 3: .*could not be found/);
		for (const n of [0, 2, 4]) {
			expect(items[n].json.InvoiceID).toBeDefined();
			expect(invoicesWith(`mixed-on-${n}`)).toHaveLength(1);
		}
		expect(invoicesWith('mixed-on-1')).toHaveLength(0);
		expect(invoicesWith('mixed-on-3')).toHaveLength(0);
	});

	it('without Continue On Fail, keeps the accepted invoices and stops naming every refused item', async () => {
		const { error } = await xero.run(mixedParameters(), mixedBatch('mixed-off'));
		expect(error?.message).toMatch(/^Item 1: Xero refused the sales invoice: Invoice # must be unique\./);
		expect(error?.description).toMatch(/Item 3: /);
		expect(error?.description).toMatch(/3 other sales invoice\(s\) were saved in Xero/);
		expect(calls('PUT', '/Invoices')).toHaveLength(1);
		for (const n of [0, 2, 4]) expect(invoicesWith(`mixed-off-${n}`)).toHaveLength(1);
	});

	const badQuantity = (tag: string) => [
		{ ref: `${tag}-0`, qty: 1 },
		{ ref: `${tag}-1`, qty: 'three' },
		{ ref: `${tag}-2`, qty: 2 },
	];
	const quantityParameters = () =>
		create({
		lineItems: { line: [{ Description: 'Honey', Quantity: '={{ $json.qty }}', UnitAmount: 24, AccountCode: '200' }] },
		additionalFields: { Reference: '={{ $json.ref }}' },
	});

	it('refuses an invalid item before sending anything, naming the item and the field', async () => {
		const { error, items } = await xero.run(quantityParameters(), badQuantity('local-off'));
		expect(items).toEqual([]);
		expect(error?.message).toBe('Item 1: "Line Items[0].Quantity" must be a number, got "three"');
		expect(writes()).toEqual([]);
		expect(org().Invoices.filter((i) => String(i.Reference).startsWith('local-off'))).toEqual([]);
	});

	it('with Continue On Fail, sends the valid items and reports the invalid one', async () => {
		const { error, items } = await xero.run(quantityParameters(), badQuantity('local-on'), { node: { onError: 'continueRegularOutput' } });
		expect(error).toBeUndefined();
		expect(items[1]).toEqual({
			json: expect.objectContaining({ error: 'Item 1: "Line Items[0].Quantity" must be a number, got "three"' }),
			pairedItem: { item: 1 },
		});
		expect(calls('PUT', '/Invoices')).toHaveLength(1);
		expect(invoicesWith('local-on-0')).toHaveLength(1);
		expect(invoicesWith('local-on-1')).toHaveLength(0);
		expect(invoicesWith('local-on-2')).toHaveLength(1);
	});

	it('refuses a currency the organisation does not use, and an unknown account code', async () => {
		const currency = await xero.run(
			create({ lineItems: { line: [{ Description: 'Tea', UnitAmount: 7.5 }] }, additionalFields: { CurrencyCode: 'EUR' } }),
		);
		expect(currency.error?.message).toBe('Item 0: "Currency" "EUR" is not enabled in this organisation (Settings > Currencies in Xero)');
		const account = await xero.run(create({ lineItems: { line: [{ Description: 'Tea', UnitAmount: 7.5, AccountCode: '999' }] } }));
		expect(account.error?.message).toBe('Item 0: "Line Items[0].AccountCode" "999" is not an account code in this organisation');
		const date = await xero.run(create({ lineItems: { line: [{ Description: 'Tea', UnitAmount: 7.5 }] }, additionalFields: { DueDate: 'soon' } }));
		expect(date.error?.message).toBe('Item 0: "Due Date" must be a date such as 2026-01-31, got "soon"');
		expect(writes()).toEqual([]);
	});

	it('sends a payload that survives the official xero-node serializer', async () => {
		// The build in dist/ is what the harness loads; watch its transport to see the payload sent.
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const transport = require('../../dist/nodes/shared/transport/request');
		const spy = jest.spyOn(transport, 'xeroRequest');
		try {
			const theme = org().BrandingThemes.all()[0];
			const { error } = await xero.run(
				create({
					status: 'SUBMITTED',
					lineItems: {
						line: [
							{ ItemCode: 'VEG-BOX', Quantity: 2, DiscountRate: 10, Tracking: [] },
							{ Description: 'Freight', Quantity: 1, UnitAmount: 9.95, AccountCode: '260', TaxType: 'OUTPUT' },
						],
					},
					additionalFields: {
						Date: '2026-04-01',
						DueDate: '2026-04-20',
						Reference: 'serializer',
						InvoiceNumber: 'N8N-SER-1',
						CurrencyCode: 'AUD',
						LineAmountTypes: 'Exclusive',
						BrandingThemeID: theme.BrandingThemeID,
					},
				}),
			);
			expect(error).toBeUndefined();
			const put = spy.mock.calls.find(([, options]) => (options as IDataObject).method === 'PUT');
			const payload = ((put![1] as IDataObject).body as { Invoices: IDataObject[] }).Invoices[0];
			expect(Object.keys(payload).sort()).toEqual(
				['BrandingThemeID', 'Contact', 'CurrencyCode', 'Date', 'DueDate', 'InvoiceNumber', 'LineAmountTypes', 'LineItems', 'Reference', 'Status', 'Type'].sort(),
			);
			const model = ObjectSerializer.deserialize(payload, 'Invoice') as Invoice;
			expect(model).toBeInstanceOf(Invoice);
			expect(ObjectSerializer.serialize(model, 'Invoice')).toMatchObject(payload);
		} finally {
			spy.mockRestore();
		}
	});
});

describe('get and get many', () => {
	it('gets an invoice by ID and by number, with its lines', async () => {
		const seeded = storedInvoice('AUTHORISED', 80, { Reference: 'get-one' });
		const byIdRun = await xero.run({ resource: 'salesInvoice', operation: 'get', invoiceId: byId(seeded.InvoiceID) });
		expect(byIdRun.items).toHaveLength(1);
		expect(byIdRun.items[0].json).toMatchObject({ InvoiceID: seeded.InvoiceID, Total: 92, LineItems: [expect.objectContaining({ UnitAmount: 80 })] });
		// Simplified output drops Xero's noise.
		expect(byIdRun.items[0].json).not.toHaveProperty('DateString');

		const byNumberRun = await xero.run({
			resource: 'salesInvoice',
			operation: 'get',
			invoiceId: byNumber(seeded.InvoiceNumber),
			simplify: false,
		});
		expect(byNumberRun.items[0].json).toMatchObject({ InvoiceID: seeded.InvoiceID, DateString: expect.any(String) });
	});

	it('refuses a bill given to the sales invoice operations', async () => {
		const bill = storedInvoice('DRAFT', 5, { Type: 'ACCPAY', InvoiceNumber: 'SUP-77', LineItems: [{ Description: 'Sacks', UnitAmount: 5, AccountCode: '300' }] });
		const { error } = await xero.run({ resource: 'salesInvoice', operation: 'get', invoiceId: byId(bill.InvoiceID) });
		expect(error?.message).toBe('Item 0: "Invoice" is a bill, not a sales invoice');
		const byNumberRun = await xero.run({ resource: 'salesInvoice', operation: 'get', invoiceId: byNumber('NO-SUCH-1') });
		expect(byNumberRun.error?.message).toBe('Item 0: "Invoice" matches nothing: no sales invoice is numbered "NO-SUCH-1" in this organisation');
	});

	it('lists only sales invoices, filtered on the server, in pages of 1,000', async () => {
		const all = await xero.run({ resource: 'salesInvoice', operation: 'getAll', returnAll: true });
		const expected = org().Invoices.filter((i) => i.Type === 'ACCREC');
		expect(all.items.map((i) => i.json.InvoiceID).sort()).toEqual(expected.map((i) => i.InvoiceID).sort());
		const [list] = calls('GET', '/Invoices');
		expect(list.query).toMatchObject({ where: 'Type=="ACCREC"', pageSize: '1000', page: '1' });

		xero.sandbox.clearLog();
		const filtered = await xero.run({
			resource: 'salesInvoice',
			operation: 'getAll',
			returnAll: true,
			filters: { statuses: ['AUTHORISED', 'PAID'], contactIds: customer.ContactID },
		});
		const wanted = expected.filter((i) => ['AUTHORISED', 'PAID'].includes(i.Status) && i.Contact.ContactID === customer.ContactID);
		expect(filtered.items.map((i) => i.json.InvoiceID).sort()).toEqual(wanted.map((i) => i.InvoiceID).sort());
		expect(calls('GET', '/Invoices')[0].query).toMatchObject({ Statuses: 'AUTHORISED,PAID', ContactIDs: customer.ContactID });

		const limited = await xero.run({ resource: 'salesInvoice', operation: 'getAll', limit: 2 });
		expect(limited.items).toHaveLength(2);

		storedInvoice('DRAFT', 1, { InvoiceNumber: 'LIST-1' });
		storedInvoice('DRAFT', 1, { InvoiceNumber: 'LIST-2' });
		const numbers = await xero.run({ resource: 'salesInvoice', operation: 'getAll', returnAll: true, filters: { numbers: 'LIST-1, LIST-2' } });
		expect(numbers.items.map((i) => i.json.InvoiceNumber).sort()).toEqual(['LIST-1', 'LIST-2']);
	});

	it('lists only invoices changed since a moment, and by date', async () => {
		const since = new Date(Date.now() - 1000).toISOString();
		const fresh = storedInvoice('DRAFT', 10, { Reference: 'modified-since', Date: '2031-01-15' });
		const { items } = await xero.run({ resource: 'salesInvoice', operation: 'getAll', returnAll: true, filters: { modifiedSince: since } });
		expect(items.map((i) => i.json.InvoiceID)).toContain(fresh.InvoiceID);
		expect(items.every((i) => Date.parse(String(i.json.UpdatedDateUTC)) > Date.parse(since))).toBe(true);
		expect(calls('GET', '/Invoices')[0].ifModifiedSince).toBeDefined();

		const dated = await xero.run({
			resource: 'salesInvoice',
			operation: 'getAll',
			returnAll: true,
			filters: { dateFrom: '2031-01-01', dateTo: '2031-01-31' },
		});
		expect(dated.items.map((i) => i.json.InvoiceID)).toEqual([fresh.InvoiceID]);
	});
});

describe('update, approve, void or delete', () => {
	it('updates fields and replaces lines of a draft', async () => {
		const draft = storedInvoice('DRAFT', 50, { Reference: 'before-update' });
		const other = xero.sandbox.store.create(xero.tenantId, 'Contacts', { Name: 'Invoice Test Other Customer' }) as unknown as XeroContact;
		const { items, error } = await xero.run({
			resource: 'salesInvoice',
			operation: 'update',
			invoiceId: byId(draft.InvoiceID),
			updateFields: { Reference: 'after-update', DueDate: '2026-12-24', contactId: byId(other.ContactID) },
			replaceLineItems: true,
			lineItems: { line: [{ ItemCode: 'TEA-GREEN', Quantity: 4 }] },
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ InvoiceID: draft.InvoiceID, Reference: 'after-update' });
		const stored = org().Invoices.get(draft.InvoiceID)!;
		expect(stored.Reference).toBe('after-update');
		expect(stored.Contact.ContactID).toBe(other.ContactID);
		expect(stored.DueDate).toBe(`/Date(${Date.UTC(2026, 11, 24)}+0000)/`);
		expect(stored.LineItems).toEqual([expect.objectContaining({ ItemCode: 'TEA-GREEN', Quantity: 4, UnitAmount: 7.5 })]);
		expect(calls('POST', '/Invoices')).toHaveLength(1);
	});

	it('keeps the lines when only fields change, and refuses an empty update', async () => {
		const draft = storedInvoice('DRAFT', 50);
		await xero.run({ resource: 'salesInvoice', operation: 'update', invoiceId: byId(draft.InvoiceID), updateFields: { Reference: 'lines-kept' } });
		expect(org().Invoices.get(draft.InvoiceID)!.LineItems).toEqual(draft.LineItems);
		const empty = await xero.run({ resource: 'salesInvoice', operation: 'update', invoiceId: byId(draft.InvoiceID) });
		expect(empty.error?.message).toBe('Item 0: "Update Fields" are empty: choose at least one field to change');
	});

	it('approves drafts, by ID and by number, in one call', async () => {
		const first = storedInvoice('DRAFT');
		const second = storedInvoice('SUBMITTED');
		const run = await xero.run(
			{ resource: 'salesInvoice', operation: 'approve', invoiceId: { __rl: true, mode: '={{ $json.mode }}', value: '={{ $json.value }}' } },
			[
				{ mode: 'id', value: first.InvoiceID },
				{ mode: 'number', value: second.InvoiceNumber },
			],
		);
		expect(run.error).toBeUndefined();
		expect(run.items.map((i) => i.json.Status)).toEqual(['AUTHORISED', 'AUTHORISED']);
		expect(org().Invoices.get(first.InvoiceID)!.Status).toBe('AUTHORISED');
		expect(org().Invoices.get(second.InvoiceID)!.Status).toBe('AUTHORISED');
		expect(calls('POST', '/Invoices')).toHaveLength(1);
	});

	it('deletes drafts and voids approved invoices, refusing paid ones, in one lookup and one write', async () => {
		const draft = storedInvoice('DRAFT');
		const approved = storedInvoice('AUTHORISED');
		const paid = paidInvoice();
		const { items, error } = await xero.run(
			{ resource: 'salesInvoice', operation: 'voidOrDelete', invoiceId: byId('={{ $json.id }}') },
			[{ id: draft.InvoiceID }, { id: approved.InvoiceID }, { id: paid.InvoiceID }],
			{ node: { onError: 'continueRegularOutput' } },
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ InvoiceID: draft.InvoiceID, Status: 'DELETED' });
		expect(items[1].json).toMatchObject({ InvoiceID: approved.InvoiceID, Status: 'VOIDED' });
		expect(items[2].json.error).toBe(
			'Item 2: "Invoice" has payments or credit notes allocated: remove them in Xero (or void the payments) before voiding it',
		);
		expect(org().Invoices.get(draft.InvoiceID)!.Status).toBe('DELETED');
		expect(org().Invoices.get(approved.InvoiceID)!.Status).toBe('VOIDED');
		expect(org().Invoices.get(paid.InvoiceID)!.Status).toBe('PAID');
		expect(calls('GET', '/Invoices')).toHaveLength(1);
		expect(calls('POST', '/Invoices')).toHaveLength(1);

		const again = await xero.run({ resource: 'salesInvoice', operation: 'voidOrDelete', invoiceId: byId(approved.InvoiceID) });
		expect(again.error?.message).toBe('Item 0: "Invoice" is already voided');
	});
});

describe('mark as paid', () => {
	it('pays the amount due into the chosen bank account, today', async () => {
		const invoice = storedInvoice('AUTHORISED', 200);
		const { items, error } = await xero.run({
			resource: 'salesInvoice',
			operation: 'markPaid',
			invoiceId: byId(invoice.InvoiceID),
			accountCode: '090',
			paymentOptions: { reference: 'Bank transfer 77' },
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ Amount: 230, Reference: 'Bank transfer 77', Invoice: { InvoiceID: invoice.InvoiceID } });
		const stored = org().Invoices.get(invoice.InvoiceID)!;
		expect(stored.AmountDue).toBe(0);
		expect(stored.Status).toBe('PAID');
		const payment = org().Payments.get(String(items[0].json.PaymentID))!;
		expect(payment).toMatchObject({ Amount: 230, Account: { Code: '090' }, Status: 'AUTHORISED' });
		const today = DateTime.now().setZone(getGlobalState().defaultTimezone).toISODate();
		expect(String(items[0].json.Date).slice(0, 10)).toBe(today);
		expect(calls('PUT', '/Payments')).toHaveLength(1);
	});

	it('pays part of an invoice given by number, on a given date', async () => {
		const invoice = storedInvoice('AUTHORISED', 100);
		const { error } = await xero.run({
			resource: 'salesInvoice',
			operation: 'markPaid',
			invoiceId: byNumber(invoice.InvoiceNumber),
			accountCode: '091',
			paymentOptions: { amount: 40, date: '2026-05-05' },
		});
		expect(error).toBeUndefined();
		const stored = org().Invoices.get(invoice.InvoiceID)!;
		expect(stored.AmountDue).toBe(75);
		expect(stored.Status).toBe('AUTHORISED');
		expect(stored.Payments).toEqual([expect.objectContaining({ Amount: 40, Date: `/Date(${Date.UTC(2026, 4, 5)}+0000)/` })]);
	});

	it('refuses drafts, overpayments and accounts that take no payments, before sending', async () => {
		const draft = storedInvoice('DRAFT');
		const approved = storedInvoice('AUTHORISED', 10);
		const byNumberOf = (invoice: XeroInvoice) => byNumber(invoice.InvoiceNumber);
		const run = (invoiceId: string | IDataObject, accountCode: string, paymentOptions: IDataObject = {}) =>
			xero.run({
				resource: 'salesInvoice',
				operation: 'markPaid',
				invoiceId: typeof invoiceId === 'string' ? byId(invoiceId) : invoiceId,
				accountCode,
				paymentOptions,
			});
		expect((await run(draft.InvoiceID, '090')).error?.message).toBe(
			'Item 0: "Invoice" is draft: only approved invoices and bills awaiting payment can be paid',
		);
		expect((await run(approved.InvoiceID, '200')).error?.message).toBe(
			'Item 0: "Bank Account" "200" is neither a bank account nor an account enabled for payments',
		);
		expect((await run(byNumberOf(approved), '090', { amount: 50 })).error?.message).toBe(
			'Item 0: "Amount" (50) is more than the amount due (11.5)',
		);
		expect(writes()).toEqual([]);
	});

	it("reports Xero's refusal of an overpayment of an invoice given by ID (no lookup is made then)", async () => {
		const approved = storedInvoice('AUTHORISED', 10);
		const { error } = await xero.run({
			resource: 'salesInvoice',
			operation: 'markPaid',
			invoiceId: byId(approved.InvoiceID),
			accountCode: '090',
			paymentOptions: { amount: 50 },
		});
		expect(error?.message).toBe('Item 0: Xero refused the payment: Payment amount exceeds the amount outstanding on this document');
		expect(calls('GET', '/Invoices')).toEqual([]);
		expect(org().Invoices.get(approved.InvoiceID)!.AmountPaid).toBe(0);
	});
});

describe('send, online URL, PDF and attachments', () => {
	it('emails an approved invoice and marks it sent', async () => {
		const invoice = storedInvoice('AUTHORISED');
		const { items, error } = await xero.run({ resource: 'salesInvoice', operation: 'send', invoiceId: byId(invoice.InvoiceID) });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ InvoiceID: invoice.InvoiceID, sent: true });
		expect(org().Invoices.get(invoice.InvoiceID)!.SentToContact).toBe(true);
		expect(calls('POST', `/Invoices/${invoice.InvoiceID}/Email`)).toEqual([expect.objectContaining({ status: 204 })]);
	});

	it("reports Xero's refusal to email a draft", async () => {
		const draft = storedInvoice('DRAFT');
		const { error } = await xero.run({ resource: 'salesInvoice', operation: 'send', invoiceId: byId(draft.InvoiceID) });
		expect(error?.message).toMatch(/approved/);
	});

	it('gets the online invoice URL', async () => {
		const invoice = storedInvoice('AUTHORISED');
		const { items, error } = await xero.run({ resource: 'salesInvoice', operation: 'getOnlineUrl', invoiceId: byNumber(invoice.InvoiceNumber) });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ InvoiceID: invoice.InvoiceID, OnlineInvoiceUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/in\//) });
	});

	it('downloads the PDF as binary data', async () => {
		const invoice = storedInvoice('AUTHORISED');
		const { items, error } = await xero.run({
			resource: 'salesInvoice',
			operation: 'downloadPdf',
			invoiceId: byNumber(invoice.InvoiceNumber),
			binaryPropertyName: 'invoicePdf',
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ InvoiceID: invoice.InvoiceID, fileName: `${invoice.InvoiceNumber}.pdf` });
		const file = items[0].binary!.invoicePdf;
		expect(file).toMatchObject({ mimeType: 'application/pdf', fileName: `${invoice.InvoiceNumber}.pdf`, fileExtension: 'pdf' });
		expect(Buffer.from(file.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
		expect(calls('GET', `/Invoices/${invoice.InvoiceID}`)).toHaveLength(1);
	});

	it('uploads an attachment from binary data, shown online', async () => {
		const invoice = storedInvoice('AUTHORISED');
		const content = Buffer.from('timesheet for March\n');
		const { items, error } = await xero.run(
			{ resource: 'salesInvoice', operation: 'uploadAttachment', invoiceId: byId(invoice.InvoiceID), options: { includeOnline: true } },
			[{}],
			{ binary: [{ data: { data: content.toString('base64'), mimeType: 'text/plain', fileName: 'timesheet march.txt' } }] },
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ InvoiceID: invoice.InvoiceID, FileName: 'timesheet march.txt', MimeType: 'text/plain', ContentLength: content.length });
		const [stored] = org().attachments.get(invoice.InvoiceID)!;
		expect(stored).toMatchObject({ FileName: 'timesheet march.txt', MimeType: 'text/plain', IncludeOnline: true });
		expect(stored.content.equals(content)).toBe(true);
	});

	it('names the missing binary field', async () => {
		const invoice = storedInvoice('AUTHORISED');
		const { error } = await xero.run({ resource: 'salesInvoice', operation: 'uploadAttachment', invoiceId: byId(invoice.InvoiceID) });
		expect(error?.message).toMatch(/data/);
		expect(writes()).toEqual([]);
	});
});
