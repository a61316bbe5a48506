import type { IDataObject } from 'n8n-workflow';

import { loadPackage } from '../harness';
import { startXero, type XeroFixture } from '../helpers/xero';
import type { XeroContact, XeroInvoice } from '../sandbox';

// Bills (ACCPAY) share the sales invoice implementation; these tests cover what differs: the
// purchase side of items, the type filter, bill numbers, and the operations bills do not have.

const API = '/api.xro/2.0';
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const byNumber = (value: string) => ({ __rl: true, mode: 'number', value });

let xero: XeroFixture;
let supplier: XeroContact;

const org = () => xero.sandbox.store.tenant(xero.tenantId);
const calls = (method: string, path: string) => xero.sandbox.log.filter((l) => l.method === method && l.path === `${API}${path}`);
const writes = () => xero.sandbox.log.filter((l) => l.method !== 'GET');

function storedBill(status: string, amount = 100, extra: IDataObject = {}): XeroInvoice {
	return xero.sandbox.store.create(xero.tenantId, 'Invoices', {
		Type: 'ACCPAY',
		Contact: { ContactID: supplier.ContactID },
		Status: status,
		LineItems: [{ Description: 'Seed sacks', Quantity: 1, UnitAmount: amount, AccountCode: '300' }],
		...extra,
	}) as unknown as XeroInvoice;
}

beforeAll(async () => {
	xero = await startXero({ size: 5 });
	supplier = xero.sandbox.store.create(xero.tenantId, 'Contacts', { Name: 'Bill Test Supplier' }) as unknown as XeroContact;
});

beforeEach(() => xero.sandbox.clearLog());

afterAll(async () => {
	expect(xero.sandbox.specViolations).toEqual([]);
	await xero.close();
});

it('offers the invoice operations except emailing and online invoices', async () => {
	const pkg = await loadPackage();
	const { properties } = pkg.nodeTypes.getByNameAndVersion(pkg.fullType('xeroAccounting')).description;
	const operations = (resource: string) =>
		properties
			.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource))!
			.options!.map((o) => (o as { value: string }).value);
	expect(operations('bill')).toEqual([
		'approve',
		'create',
		'downloadPdf',
		'get',
		'getAll',
		'markPaid',
		'update',
		'uploadAttachment',
		'voidOrDelete',
	]);
	expect(operations('salesInvoice')).toEqual(expect.arrayContaining(['send', 'getOnlineUrl']));
	const resources = properties.find((p) => p.name === 'resource')!.options!.map((o) => (o as { name: string }).name);
	expect(resources).toEqual(expect.arrayContaining(['Bill', 'Sales Invoice', 'Payment', 'Credit Note']));
	// Every operation names the Xero scope it needs, for people and for AI agents.
	for (const resource of ['bill', 'salesInvoice', 'payment', 'creditNote']) {
		const picker = properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource))!;
		for (const option of picker.options as Array<{ description: string }>) expect(option.description).toMatch(/\(scope: accounting\.[a-z.]+\)$/);
	}
});

it("creates a bill with the items' purchase prices and the supplier's number", async () => {
	const { items, error } = await xero.run({
		resource: 'bill',
		operation: 'create',
		contactId: byId(supplier.ContactID),
		status: 'AUTHORISED',
		lineItems: { line: [{ ItemCode: 'COFFEE-FT', Quantity: 2 }, { Description: 'Courier', UnitAmount: 15, AccountCode: '425' }] },
		additionalFields: { InvoiceNumber: 'SUP-INV-9', DueDate: '2026-06-30' },
	});
	expect(error).toBeUndefined();
	expect(items[0].json).toMatchObject({ Type: 'ACCPAY', InvoiceNumber: 'SUP-INV-9', Status: 'AUTHORISED' });
	const stored = org().Invoices.filter((i) => i.InvoiceNumber === 'SUP-INV-9');
	expect(stored).toHaveLength(1);
	expect(stored[0].Type).toBe('ACCPAY');
	expect(stored[0].Contact.ContactID).toBe(supplier.ContactID);
	expect(stored[0].LineItems).toEqual([
		expect.objectContaining({ ItemCode: 'COFFEE-FT', Quantity: 2, UnitAmount: 21, AccountCode: '300', TaxType: 'INPUT' }),
		expect.objectContaining({ Description: 'Courier', UnitAmount: 15, AccountCode: '425' }),
	]);
	expect(calls('PUT', '/Invoices')).toHaveLength(1);
});

it('lists bills only, and refuses a sales invoice given as a bill', async () => {
	const { items } = await xero.run({ resource: 'bill', operation: 'getAll', returnAll: true });
	const expected = org().Invoices.filter((i) => i.Type === 'ACCPAY');
	expect(items.map((i) => i.json.InvoiceID).sort()).toEqual(expected.map((i) => i.InvoiceID).sort());
	expect(calls('GET', '/Invoices')[0].query.where).toBe('Type=="ACCPAY"');

	const sales = xero.sandbox.store.create(xero.tenantId, 'Invoices', {
		Type: 'ACCREC',
		Contact: { ContactID: supplier.ContactID },
		LineItems: [{ Description: 'Resold sacks', UnitAmount: 3 }],
	}) as unknown as XeroInvoice;
	const wrong = await xero.run({ resource: 'bill', operation: 'approve', invoiceId: byId(sales.InvoiceID) });
	expect(wrong.error?.message).toBe(`Item 0: "Bill" is a sales invoice ("${sales.InvoiceNumber}"), not a bill`);
	const update = await xero.run({ resource: 'bill', operation: 'update', invoiceId: byId(sales.InvoiceID), updateFields: { Reference: 'x' } });
	expect(update.error?.message).toBe(`Item 0: "Bill" is a sales invoice ("${sales.InvoiceNumber}"), not a bill`);
	expect(writes()).toEqual([]);
	const get = await xero.run({ resource: 'bill', operation: 'get', invoiceId: byId(sales.InvoiceID) });
	expect(get.error?.message).toBe('Item 0: "Bill" is a sales invoice, not a bill');
	const byNumberRun = await xero.run({ resource: 'bill', operation: 'voidOrDelete', invoiceId: byNumber(sales.InvoiceNumber) });
	expect(byNumberRun.error?.message).toBe(`Item 0: "Bill" matches nothing: no bill is numbered "${sales.InvoiceNumber}" in this organisation`);
	expect(org().Invoices.get(sales.InvoiceID)!.Status).toBe('DRAFT');
});

it('finds a bill by its number, and asks for the ID when two bills share it', async () => {
	const first = storedBill('DRAFT', 10, { InvoiceNumber: 'SHARED-1' });
	const got = await xero.run({ resource: 'bill', operation: 'get', invoiceId: byNumber('SHARED-1') });
	expect(got.items[0].json.InvoiceID).toBe(first.InvoiceID);
	storedBill('DRAFT', 20, { InvoiceNumber: 'SHARED-1' });
	const ambiguous = await xero.run({ resource: 'bill', operation: 'get', invoiceId: byNumber('SHARED-1') });
	expect(ambiguous.error?.message).toBe('Item 0: "Bill" is ambiguous: 2 bills are numbered "SHARED-1"; give the one you mean by ID');
});

it('updates, approves, pays part of, and voids a bill', async () => {
	const bill = storedBill('DRAFT', 100);
	const updated = await xero.run({
		resource: 'bill',
		operation: 'update',
		invoiceId: byId(bill.InvoiceID),
		updateFields: { InvoiceNumber: 'SUP-UPD-1', Date: '2026-02-01' },
	});
	expect(updated.error).toBeUndefined();
	expect(org().Invoices.get(bill.InvoiceID)!.InvoiceNumber).toBe('SUP-UPD-1');

	const approved = await xero.run({ resource: 'bill', operation: 'approve', invoiceId: byNumber('SUP-UPD-1') });
	expect(approved.error).toBeUndefined();
	expect(org().Invoices.get(bill.InvoiceID)!.Status).toBe('AUTHORISED');

	const paid = await xero.run({
		resource: 'bill',
		operation: 'markPaid',
		invoiceId: byId(bill.InvoiceID),
		accountCode: '855',
		paymentOptions: { amount: 15 },
	});
	expect(paid.error).toBeUndefined();
	expect(paid.items[0].json).toMatchObject({ Amount: 15, PaymentType: 'ACCPAYPAYMENT' });
	expect(org().Invoices.get(bill.InvoiceID)!.AmountDue).toBe(100);

	const refused = await xero.run({ resource: 'bill', operation: 'voidOrDelete', invoiceId: byId(bill.InvoiceID) });
	expect(refused.error?.message).toMatch(/^Item 0: "Bill" has payments or credit notes allocated/);

	const other = storedBill('AUTHORISED', 30);
	const voided = await xero.run({ resource: 'bill', operation: 'voidOrDelete', invoiceId: byId(other.InvoiceID) });
	expect(voided.items[0].json).toMatchObject({ Status: 'VOIDED' });
	expect(org().Invoices.get(other.InvoiceID)!.Status).toBe('VOIDED');
});

it('downloads the PDF of a bill and attaches a receipt', async () => {
	const bill = storedBill('AUTHORISED', 12);
	const pdf = await xero.run({ resource: 'bill', operation: 'downloadPdf', invoiceId: byId(bill.InvoiceID) });
	expect(pdf.error).toBeUndefined();
	expect(pdf.items[0].binary!.data).toMatchObject({ mimeType: 'application/pdf', fileName: `${bill.InvoiceID}.pdf` });

	const receipt = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
	const attached = await xero.run(
		{ resource: 'bill', operation: 'uploadAttachment', invoiceId: byId(bill.InvoiceID), binaryPropertyName: 'receipt', options: { fileName: 'receipt.png' } },
		[{}],
		{ binary: [{ receipt: { data: receipt.toString('base64'), mimeType: 'image/png', fileName: 'IMG_0001.png' } }] },
	);
	expect(attached.error).toBeUndefined();
	const [stored] = org().attachments.get(bill.InvoiceID)!;
	expect(stored).toMatchObject({ FileName: 'receipt.png', MimeType: 'image/png', IncludeOnline: false });
	expect(stored.content.equals(receipt)).toBe(true);
	expect(calls('PUT', `/Invoices/${bill.InvoiceID}/Attachments/receipt.png`)).toHaveLength(1);
});

it('refuses a file name with a slash before sending', async () => {
	const bill = storedBill('AUTHORISED', 12);
	const { error } = await xero.run(
		{ resource: 'bill', operation: 'uploadAttachment', invoiceId: byId(bill.InvoiceID), options: { fileName: 'a/b.txt' } },
		[{}],
		{ binary: [{ data: { data: Buffer.from('x').toString('base64'), mimeType: 'text/plain', fileName: 'x.txt' } }] },
	);
	expect(error?.message).toBe('Item 0: "File Name" must not contain slashes, got "a/b.txt"');
	expect(writes()).toEqual([]);
});
