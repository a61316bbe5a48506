import type { IDataObject } from 'n8n-workflow';

import { startXero, type XeroFixture } from '../helpers/xero';
import type { XeroContact, XeroCreditNote, XeroInvoice } from '../sandbox';

const API = '/api.xro/2.0';
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const byNumber = (value: string) => ({ __rl: true, mode: 'number', value });

let xero: XeroFixture;
let customer: XeroContact;
let supplier: XeroContact;

const org = () => xero.sandbox.store.tenant(xero.tenantId);
const calls = (method: string, path: string) => xero.sandbox.log.filter((l) => l.method === method && l.path === `${API}${path}`);
const writes = () => xero.sandbox.log.filter((l) => l.method !== 'GET');

function storedInvoice(amount: number, extra: IDataObject = {}): XeroInvoice {
	return xero.sandbox.store.create(xero.tenantId, 'Invoices', {
		Type: 'ACCREC',
		Contact: { ContactID: customer.ContactID },
		Status: 'AUTHORISED',
		LineItems: [{ Description: 'Flour', Quantity: 1, UnitAmount: amount, AccountCode: '200' }],
		...extra,
	}) as unknown as XeroInvoice;
}

function storedNote(amount: number, extra: IDataObject = {}): XeroCreditNote {
	return xero.sandbox.store.create(xero.tenantId, 'CreditNotes', {
		Type: 'ACCRECCREDIT',
		Contact: { ContactID: customer.ContactID },
		Status: 'AUTHORISED',
		LineItems: [{ Description: 'Damaged flour', Quantity: 1, UnitAmount: amount, AccountCode: '200' }],
		...extra,
	}) as unknown as XeroCreditNote;
}

beforeAll(async () => {
	xero = await startXero({ size: 5 });
	customer = xero.sandbox.store.create(xero.tenantId, 'Contacts', { Name: 'Credit Test Customer' }) as unknown as XeroContact;
	supplier = xero.sandbox.store.create(xero.tenantId, 'Contacts', { Name: 'Credit Test Supplier' }) as unknown as XeroContact;
});

beforeEach(() => xero.sandbox.clearLog());

afterAll(async () => {
	expect(xero.sandbox.specViolations).toEqual([]);
	await xero.close();
});

describe('create', () => {
	it('creates a sales credit note with its lines, once', async () => {
		const { items, error } = await xero.run({
			resource: 'creditNote',
			operation: 'create',
			type: 'ACCRECCREDIT',
			contactId: byId(customer.ContactID),
			status: 'AUTHORISED',
			lineItems: { line: [{ ItemCode: 'ORGANIC-HONEY', Quantity: 1 }, { Description: 'Goodwill', UnitAmount: 5, AccountCode: '260' }] },
			additionalFields: { Reference: 'cn-one', Date: '2026-08-01', CreditNoteNumber: 'CN-N8N-1' },
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ Type: 'ACCRECCREDIT', CreditNoteNumber: 'CN-N8N-1', Status: 'AUTHORISED', Date: '2026-08-01T00:00:00.000Z' });
		const stored = org().CreditNotes.filter((c) => c.Reference === 'cn-one');
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({ Contact: { ContactID: customer.ContactID }, Total: 33.35, RemainingCredit: 33.35 });
		expect(stored[0].LineItems).toEqual([
			expect.objectContaining({ ItemCode: 'ORGANIC-HONEY', UnitAmount: 24, AccountCode: '200' }),
			expect.objectContaining({ Description: 'Goodwill', UnitAmount: 5, AccountCode: '260' }),
		]);
		expect(calls('PUT', '/CreditNotes')).toHaveLength(1);
	});

	it('creates purchase credit notes in one call, reporting the ones Xero refuses', async () => {
		const { items, error } = await xero.run(
			{
				resource: 'creditNote',
				operation: 'create',
				type: 'ACCPAYCREDIT',
				contactId: byId('={{ $json.contact }}'),
				lineItems: { line: [{ ItemCode: 'COFFEE-FT', Quantity: '={{ $json.qty }}' }] },
				additionalFields: { Reference: '={{ $json.ref }}' },
			},
			[
				{ contact: supplier.ContactID, qty: 1, ref: 'pcn-0' },
				{ contact: '5d7c6b1a-2222-4c4c-8888-123456789abc', qty: 1, ref: 'pcn-1' },
				{ contact: supplier.ContactID, qty: 3, ref: 'pcn-2' },
			],
			{ node: { onError: 'continueRegularOutput' } },
		);
		expect(error).toBeUndefined();
		expect(calls('PUT', '/CreditNotes')).toHaveLength(1);
		expect(items[1].json).toMatchObject({ details: { itemIndex: 1 } });
		expect(items[1].json.error).toMatch(/^Item 1: Xero refused the credit note: .*could not be found/);
		expect(org().CreditNotes.filter((c) => c.Reference === 'pcn-0')).toEqual([
			expect.objectContaining({ Type: 'ACCPAYCREDIT', LineItems: [expect.objectContaining({ UnitAmount: 21, AccountCode: '300' })] }),
		]);
		expect(org().CreditNotes.filter((c) => c.Reference === 'pcn-1')).toEqual([]);
		expect(org().CreditNotes.filter((c) => c.Reference === 'pcn-2')).toHaveLength(1);
	});

	it('refuses a credit note without lines before sending', async () => {
		const { error } = await xero.run({ resource: 'creditNote', operation: 'create', type: 'ACCRECCREDIT', contactId: byId(customer.ContactID) });
		expect(error?.message).toBe('Item 0: "Line Items" must have at least one line');
		expect(writes()).toEqual([]);
	});
});

describe('get and get many', () => {
	it('gets a credit note by ID', async () => {
		const note = storedNote(10);
		const { items, error } = await xero.run({ resource: 'creditNote', operation: 'get', creditNoteId: note.CreditNoteID });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ CreditNoteID: note.CreditNoteID, Total: 11.5, LineItems: [expect.objectContaining({ UnitAmount: 10 })] });
	});

	it('lists credit notes by type, status, contact and number, with filters in where', async () => {
		const mine = storedNote(7, { CreditNoteNumber: 'CN-LIST-7' });
		storedNote(8, { Status: 'DRAFT' });
		const { items, error } = await xero.run({
			resource: 'creditNote',
			operation: 'getAll',
			returnAll: true,
			filters: { type: 'ACCRECCREDIT', statuses: ['AUTHORISED'], contactIds: customer.ContactID },
		});
		expect(error).toBeUndefined();
		const expected = org().CreditNotes.filter(
			(c) => c.Type === 'ACCRECCREDIT' && c.Status === 'AUTHORISED' && c.Contact.ContactID === customer.ContactID,
		);
		expect(items.map((i) => i.json.CreditNoteID).sort()).toEqual(expected.map((c) => c.CreditNoteID).sort());
		expect(calls('GET', '/CreditNotes')[0].query.where).toBe(
			`Type=="ACCRECCREDIT" AND (Contact.ContactID==guid("${customer.ContactID}")) AND (Status=="AUTHORISED")`,
		);

		const byNumberRun = await xero.run({ resource: 'creditNote', operation: 'getAll', returnAll: true, filters: { numbers: 'CN-LIST-7' } });
		expect(byNumberRun.items.map((i) => i.json.CreditNoteID)).toEqual([mine.CreditNoteID]);

		const all = await xero.run({ resource: 'creditNote', operation: 'getAll', limit: 3 });
		expect(all.items).toHaveLength(3);
	});
});

describe('allocate', () => {
	it('allocates an amount on a date to an invoice given by ID', async () => {
		const invoice = storedInvoice(100);
		const note = storedNote(20);
		const { items, error } = await xero.run({
			resource: 'creditNote',
			operation: 'allocate',
			creditNoteId: note.CreditNoteID,
			invoiceId: byId(invoice.InvoiceID),
			allocationOptions: { amount: 10, date: '2026-09-09' },
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ Amount: 10, Date: '2026-09-09T00:00:00.000Z', Invoice: { InvoiceID: invoice.InvoiceID } });
		expect(org().Invoices.get(invoice.InvoiceID)).toMatchObject({ AmountCredited: 10, AmountDue: 105 });
		expect(org().CreditNotes.get(note.CreditNoteID)).toMatchObject({ RemainingCredit: 13 });
		// Given by ID with an amount: nothing to look up.
		expect(xero.sandbox.log.map((l) => `${l.method} ${l.path}`)).toEqual([`PUT ${API}/CreditNotes/${note.CreditNoteID}/Allocations`]);
	});

	it('allocates as much as possible to an invoice given by number', async () => {
		const invoice = storedInvoice(10);
		const note = storedNote(20);
		const { items, error } = await xero.run({
			resource: 'creditNote',
			operation: 'allocate',
			creditNoteId: note.CreditNoteID,
			invoiceId: byNumber(invoice.InvoiceNumber),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ Amount: 11.5 });
		expect(org().Invoices.get(invoice.InvoiceID)).toMatchObject({ Status: 'PAID', AmountDue: 0 });
		expect(org().CreditNotes.get(note.CreditNoteID)).toMatchObject({ RemainingCredit: 11.5 });
	});

	it("reports Xero's refusal of a credit note of another contact", async () => {
		const invoice = storedInvoice(10);
		const note = storedNote(5, { Contact: { ContactID: supplier.ContactID } });
		const { error } = await xero.run({
			resource: 'creditNote',
			operation: 'allocate',
			creditNoteId: note.CreditNoteID,
			invoiceId: byId(invoice.InvoiceID),
			allocationOptions: { amount: 1 },
		});
		expect(error?.message).toMatch(/same contact/);
		expect(org().Invoices.get(invoice.InvoiceID)!.AmountCredited).toBe(0);
	});

	it('refuses an allocation when there is nothing to allocate', async () => {
		const invoice = storedInvoice(10);
		const note = storedNote(5);
		xero.sandbox.store.create(xero.tenantId, 'Payments', { Invoice: { InvoiceID: invoice.InvoiceID }, Account: { Code: '090' }, Amount: 11.5 });
		const { error } = await xero.run({
			resource: 'creditNote',
			operation: 'allocate',
			creditNoteId: note.CreditNoteID,
			invoiceId: byId(invoice.InvoiceID),
		});
		expect(error?.message).toBe('Item 0: "Invoice or Bill" cannot take credit: the credit note has 5.75 left and the amount due is 0');
		expect(writes()).toEqual([]);
	});
});
