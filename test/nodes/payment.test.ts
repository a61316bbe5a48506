import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';
import { getGlobalState } from 'n8n-workflow';

import { startXero, type XeroFixture } from '../helpers/xero';
import type { XeroContact, XeroInvoice, XeroPayment } from '../sandbox';

const API = '/api.xro/2.0';
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const byNumber = (value: string) => ({ __rl: true, mode: 'number', value });

let xero: XeroFixture;
let customer: XeroContact;

const org = () => xero.sandbox.store.tenant(xero.tenantId);
const calls = (method: string, path: string) => xero.sandbox.log.filter((l) => l.method === method && l.path === `${API}${path}`);
const writes = () => xero.sandbox.log.filter((l) => l.method !== 'GET');
const invoice = (id: string) => org().Invoices.get(id)!;

function storedInvoice(status: string, amount = 100, extra: IDataObject = {}): XeroInvoice {
	return xero.sandbox.store.create(xero.tenantId, 'Invoices', {
		Type: 'ACCREC',
		Contact: { ContactID: customer.ContactID },
		Status: status,
		LineItems: [{ Description: 'Veg boxes', Quantity: 1, UnitAmount: amount, AccountCode: '200' }],
		...extra,
	}) as unknown as XeroInvoice;
}

beforeAll(async () => {
	xero = await startXero({ size: 5 });
	customer = xero.sandbox.store.create(xero.tenantId, 'Contacts', { Name: 'Payment Test Customer' }) as unknown as XeroContact;
});

beforeEach(() => xero.sandbox.clearLog());

afterAll(async () => {
	expect(xero.sandbox.specViolations).toEqual([]);
	await xero.close();
});

const pay = (extra: IDataObject = {}) => ({ resource: 'payment', operation: 'create', accountCode: '090', ...extra });

describe('create', () => {
	it('pays an invoice given by ID: the amount due, today', async () => {
		const target = storedInvoice('AUTHORISED', 60);
		const { items, error } = await xero.run(pay({ invoiceId: byId(target.InvoiceID) }));
		expect(error).toBeUndefined();
		const today = DateTime.now().setZone(getGlobalState().defaultTimezone).toISODate();
		expect(items[0].json).toMatchObject({ Amount: 69, Status: 'AUTHORISED', Invoice: { InvoiceID: target.InvoiceID }, Account: { Code: '090' } });
		expect(String(items[0].json.Date).slice(0, 10)).toBe(today);
		expect(invoice(target.InvoiceID)).toMatchObject({ Status: 'PAID', AmountDue: 0, AmountPaid: 69 });
		expect(org().Payments.filter((p) => p.Invoice?.InvoiceID === target.InvoiceID)).toHaveLength(1);
	});

	it('pays an invoice given by number, with an amount, date and reference', async () => {
		const target = storedInvoice('AUTHORISED', 100);
		const { items, error } = await xero.run(
			pay({ invoiceId: byNumber(target.InvoiceNumber), paymentOptions: { amount: 25.5, date: '2026-07-01', reference: 'Cash at market' } }),
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ Amount: 25.5, Reference: 'Cash at market', Date: '2026-07-01T00:00:00.000Z' });
		expect(invoice(target.InvoiceID)).toMatchObject({ Status: 'AUTHORISED', AmountDue: 89.5 });
		// The number is turned into an ID by one list call.
		expect(calls('GET', '/Invoices')).toHaveLength(1);
		expect(calls('GET', '/Invoices')[0].query).toMatchObject({ InvoiceNumbers: target.InvoiceNumber });
	});

	it('pays 120 invoices with three lookups and three payment calls', async () => {
		const targets = Array.from({ length: 120 }, (_, n) => storedInvoice('AUTHORISED', 10 + n));
		const { items, error } = await xero.run(
			pay({ invoiceId: byId('={{ $json.id }}'), paymentOptions: { reference: '={{ "batch " + $json.n }}' } }),
			targets.map((t, n) => ({ id: t.InvoiceID, n })),
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(120);
		expect(calls('PUT', '/Payments')).toHaveLength(3);
		// Amounts due are read in bulk: one call per 50 invoices.
		expect(calls('GET', '/Invoices')).toHaveLength(3);
		targets.forEach((t, n) => {
			expect(items[n].pairedItem).toEqual({ item: n });
			expect(items[n].json).toMatchObject({ Reference: `batch ${n}`, Invoice: { InvoiceID: t.InvoiceID } });
			expect(invoice(t.InvoiceID)).toMatchObject({ Status: 'PAID', AmountDue: 0 });
			expect(org().Payments.filter((p) => p.Invoice?.InvoiceID === t.InvoiceID)).toHaveLength(1);
		});
	});

	const mixed = () => {
		const good = storedInvoice('AUTHORISED', 40);
		const draft = storedInvoice('DRAFT', 40);
		const paid = storedInvoice('AUTHORISED', 40);
		xero.sandbox.store.create(xero.tenantId, 'Payments', { Invoice: { InvoiceID: paid.InvoiceID }, Account: { Code: '090' }, Amount: 46 });
		const other = storedInvoice('AUTHORISED', 40);
		return {
			good,
			draft,
			other,
			input: [
				{ id: good.InvoiceID, amount: '' },
				{ id: draft.InvoiceID, amount: 10 }, // by ID with an amount: no lookup, Xero refuses it
				{ id: paid.InvoiceID, amount: '' }, // looked up: refused before sending
				{ id: other.InvoiceID, amount: 20 },
			],
		};
	};
	const mixedParameters = pay({ invoiceId: byId('={{ $json.id }}'), paymentOptions: { amount: '={{ $json.amount }}' } });

	it('with Continue On Fail, pays the valid items and reports the others with their index', async () => {
		const { good, draft, other, input } = mixed();
		const { items, error } = await xero.run(mixedParameters, input, { node: { onError: 'continueRegularOutput' } });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(items[0].json).toMatchObject({ Amount: 46 });
		expect(items[1].json).toMatchObject({
			error: 'Item 1: Xero refused the payment: Payments can only be made against Authorised documents',
			details: { itemIndex: 1 },
		});
		expect(items[2].json.error).toBe('Item 2: "Invoice or Bill" is paid: only approved invoices and bills awaiting payment can be paid');
		expect(items[3].json).toMatchObject({ Amount: 20 });
		expect(invoice(good.InvoiceID).Status).toBe('PAID');
		expect(invoice(draft.InvoiceID).AmountPaid).toBe(0);
		expect(invoice(other.InvoiceID).AmountDue).toBe(26);
		expect(calls('PUT', '/Payments')).toHaveLength(1);
	});

	it('without Continue On Fail, stops at a locally invalid item before sending anything', async () => {
		const { good, input } = mixed();
		const { error } = await xero.run(mixedParameters, input);
		expect(error?.message).toBe('Item 2: "Invoice or Bill" is paid: only approved invoices and bills awaiting payment can be paid');
		expect(writes()).toEqual([]);
		expect(invoice(good.InvoiceID).AmountPaid).toBe(0);
	});

	it("without Continue On Fail, keeps the accepted payments and reports Xero's refusal", async () => {
		const { good, other, input } = mixed();
		input.splice(2, 1);
		const { error } = await xero.run(mixedParameters, input);
		expect(error?.message).toBe('Item 1: Xero refused the payment: Payments can only be made against Authorised documents');
		expect(error?.description).toMatch(/2 other payment\(s\) were saved in Xero/);
		expect(invoice(good.InvoiceID).Status).toBe('PAID');
		expect(invoice(other.InvoiceID).AmountDue).toBe(26);
	});

	it('names the invalid field of an item', async () => {
		const target = storedInvoice('AUTHORISED', 40);
		const cases: Array<[IDataObject, string]> = [
			// (A literal non-GUID is stopped by the editor's validation; an expression can still produce one.)
			[{ invoiceId: byId('={{ "not-a-guid" }}') }, 'Item 0: "Invoice or Bill" must be a Xero ID (a GUID), got "not-a-guid"'],
			[{ invoiceId: byId(target.InvoiceID), accountCode: '={{ "" }}' }, 'Item 0: "Bank Account" is required but empty'],
			[{ invoiceId: byId(target.InvoiceID), accountCode: '777' }, 'Item 0: "Bank Account" "777" is not an account code in this organisation'],
			[{ invoiceId: byId(target.InvoiceID), paymentOptions: { date: '31/12/2026' } }, 'Item 0: "Date" must be a date such as 2026-01-31, got "31/12/2026"'],
			[{ invoiceId: byId(target.InvoiceID), paymentOptions: { amount: 0 } }, 'Item 0: "Amount" must be more than zero, got 0'],
			[{ invoiceId: byNumber('NOPE-1') }, 'Item 0: "Invoice or Bill" matches nothing: no invoice or bill is numbered "NOPE-1" in this organisation'],
		];
		for (const [parameters, message] of cases) {
			const { error } = await xero.run(pay(parameters));
			expect(error?.message).toBe(message);
		}
		expect(writes()).toEqual([]);
	});
});

describe('get many and void', () => {
	it('lists the payments of one invoice, and by status', async () => {
		const target = storedInvoice('AUTHORISED', 100);
		for (const amount of [10, 20]) {
			xero.sandbox.store.create(xero.tenantId, 'Payments', { Invoice: { InvoiceID: target.InvoiceID }, Account: { Code: '090' }, Amount: amount });
		}
		const { items, error } = await xero.run({ resource: 'payment', operation: 'getAll', returnAll: true, filters: { invoiceId: target.InvoiceID } });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.Amount).sort()).toEqual([10, 20]);
		expect(calls('GET', '/Payments')[0].query).toMatchObject({ where: `Invoice.InvoiceID==guid("${target.InvoiceID}")`, pageSize: '1000' });

		const all = await xero.run({ resource: 'payment', operation: 'getAll', returnAll: true, filters: { statuses: ['AUTHORISED'] } });
		expect(all.items).toHaveLength(org().Payments.filter((p) => p.Status === 'AUTHORISED').length);
		const limited = await xero.run({ resource: 'payment', operation: 'getAll', limit: 1 });
		expect(limited.items).toHaveLength(1);
	});

	it('voids a payment, so its invoice awaits payment again', async () => {
		const target = storedInvoice('AUTHORISED', 50);
		const payment = xero.sandbox.store.create(xero.tenantId, 'Payments', {
			Invoice: { InvoiceID: target.InvoiceID },
			Account: { Code: '090' },
			Amount: 57.5,
		}) as unknown as XeroPayment;
		expect(invoice(target.InvoiceID).Status).toBe('PAID');
		const { items, error } = await xero.run({ resource: 'payment', operation: 'void', paymentId: payment.PaymentID });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ PaymentID: payment.PaymentID, Status: 'DELETED' });
		expect(org().Payments.get(payment.PaymentID)!.Status).toBe('DELETED');
		expect(invoice(target.InvoiceID)).toMatchObject({ Status: 'AUTHORISED', AmountDue: 57.5 });

		const deleted = await xero.run({ resource: 'payment', operation: 'getAll', returnAll: true, filters: { statuses: ['DELETED'], invoiceId: target.InvoiceID } });
		expect(deleted.items.map((i) => i.json.PaymentID)).toEqual([payment.PaymentID]);
	});

	it('refuses a payment ID that is not a GUID', async () => {
		const { error } = await xero.run({ resource: 'payment', operation: 'void', paymentId: '123' });
		expect(error?.message).toBe('Item 0: "Payment ID" must be a Xero ID (a GUID), got "123"');
		expect(writes()).toEqual([]);
	});
});
