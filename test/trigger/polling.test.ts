import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runPoll } from '../harness';
import { CREDENTIAL_ID, startXero, type XeroFixture } from '../helpers/xero';
import type { RequestLogEntry, XeroContact, XeroInvoice } from '../sandbox';

// The polling trigger through n8n-core's PollContext, against the sandbox. Each test keeps its own
// static data, playing the active workflow's (see test/harness/README.md, Triggers).

const API = '/api.xro/2.0';
const DAY = 86_400_000;

let xero: XeroFixture;
let customer: XeroContact;
let supplier: XeroContact;

const org = () => xero.sandbox.store.tenant(xero.tenantId);
const tenant2 = () => xero.sandbox.tenants[1].tenantId;
const gets = (path?: string) =>
	xero.sandbox.log.filter((l) => l.method === 'GET' && (path === undefined || l.path === `${API}${path}`));

function triggerNode(parameters: IDataObject, tenantId = xero.tenantId) {
	return {
		name: 'Xero Trigger',
		type: 'xeroAccountingTrigger',
		credentials: xero.credentials.ref(CREDENTIAL_ID),
		parameters: {
			pollTimes: { item: [{ mode: 'everyX', value: 15, unit: 'minutes' }] },
			authentication: 'oAuth2',
			tenantId: { __rl: true, mode: 'id', value: tenantId },
			...parameters,
		},
	};
}

/** One tick of the active workflow: the emitted items ([] for a null poll). */
async function poll(parameters: IDataObject, staticData: IDataObject, tenantId?: string): Promise<IDataObject[]> {
	const result = await runPoll({ node: triggerNode(parameters, tenantId), credentials: xero.credentials, staticData });
	return (result?.[0] ?? []).map((item: INodeExecutionData) => item.json);
}

const idOf = (item: IDataObject) =>
	String(item.InvoiceID ?? item.ContactID ?? item.PurchaseOrderID ?? item.PaymentID ?? item.CreditNoteID ?? '');
const keysOf = (items: IDataObject[]) => items.map((item) => `${idOf(item)}@${String(item.UpdatedDateUTC)}`);
const stamp = (doc: { UpdatedDateUTC: string }) => Number(/\d+/.exec(doc.UpdatedDateUTC)![0]);

function salesInvoice(status: string, extra: IDataObject = {}): XeroInvoice {
	return xero.sandbox.store.create(xero.tenantId, 'Invoices', {
		Type: 'ACCREC',
		Contact: { ContactID: customer.ContactID },
		Status: status,
		LineItems: [{ Description: 'Organic oats', Quantity: 2, UnitAmount: 50, AccountCode: '200' }],
		...extra,
	}) as unknown as XeroInvoice;
}

function bill(status: string): XeroInvoice {
	return xero.sandbox.store.create(xero.tenantId, 'Invoices', {
		Type: 'ACCPAY',
		Contact: { ContactID: supplier.ContactID },
		Status: status,
		LineItems: [{ Description: 'Flour', Quantity: 1, UnitAmount: 80, AccountCode: '300' }],
	}) as unknown as XeroInvoice;
}

function purchaseOrder(status: string): IDataObject {
	return xero.sandbox.store.create(xero.tenantId, 'PurchaseOrders', {
		Contact: { ContactID: supplier.ContactID },
		Status: status,
		LineItems: [{ Description: 'Seed line', Quantity: 2, UnitAmount: 10, AccountCode: '300' }],
	}) as IDataObject;
}

function pay(invoice: XeroInvoice): IDataObject {
	return xero.sandbox.store.create(xero.tenantId, 'Payments', {
		Invoice: { InvoiceID: invoice.InvoiceID },
		Account: { Code: '090' },
		Amount: org().Invoices.get(invoice.InvoiceID)!.AmountDue,
	}) as IDataObject;
}

function isoDay(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

beforeAll(async () => {
	xero = await startXero({ size: 5, seed: 11 });
	customer = xero.sandbox.store.create(xero.tenantId, 'Contacts', { Name: 'Trigger Test Customer' }) as unknown as XeroContact;
	supplier = xero.sandbox.store.create(xero.tenantId, 'Contacts', { Name: 'Trigger Test Supplier' }) as unknown as XeroContact;
});

beforeEach(() => {
	xero.sandbox.clearLog();
	xero.sandbox.faults.clear();
});

afterAll(async () => {
	expect(xero.sandbox.specViolations).toEqual([]);
	await xero.close();
});

describe('first poll', () => {
	it('emits every document changed in the backfill window, with line items, and nothing older', async () => {
		const events = ['salesInvoice', 'bill', 'contact', 'purchaseOrder'];
		const now = Date.now();
		const cutoff = now - 30 * DAY;
		// One document on each side of the window, and none too close to its edge to tell.
		const [older, newer] = org().Invoices.filter((i) => i.Type === 'ACCREC');
		xero.sandbox.store.touch(xero.tenantId, 'Invoices', older.InvoiceID, cutoff - 2 * DAY);
		xero.sandbox.store.touch(xero.tenantId, 'Invoices', newer.InvoiceID, cutoff + 2 * DAY);
		for (const name of ['Invoices', 'Contacts', 'PurchaseOrders'] as const) {
			for (const doc of org()[name].all() as Array<{ UpdatedDateUTC: string } & IDataObject>) {
				if (Math.abs(stamp(doc) - cutoff) < 60_000) {
					xero.sandbox.store.touch(xero.tenantId, name, idOf(doc), cutoff - 120_000);
				}
			}
		}
		const expected = (name: 'Invoices' | 'Contacts' | 'PurchaseOrders', keep: (doc: IDataObject) => boolean = () => true) =>
			(org()[name].all() as unknown as IDataObject[])
				.filter((doc) => stamp(doc as { UpdatedDateUTC: string }) >= cutoff && keep(doc))
				.map(idOf)
				.sort();

		const items = await poll({ events, options: { backfillDays: 30 } }, {});

		const emitted = (type: string) => items.filter((item) => item.documentType === type).map(idOf).sort();
		expect(emitted('salesInvoice')).toEqual(expected('Invoices', (doc) => doc.Type === 'ACCREC'));
		expect(emitted('bill')).toEqual(expected('Invoices', (doc) => doc.Type === 'ACCPAY'));
		expect(emitted('contact')).toEqual(expected('Contacts'));
		expect(emitted('purchaseOrder')).toEqual(expected('PurchaseOrders'));
		expect(emitted('salesInvoice')).toContain(newer.InvoiceID);
		expect(emitted('salesInvoice')).not.toContain(older.InvoiceID);
		for (const item of items) {
			expect(item).toMatchObject({ event: 'changed', change: 'created', backfill: true, tenantId: xero.tenantId });
		}
		// List pages carry line items: the trigger always asks page by page.
		const invoice = items.find((item) => item.InvoiceID === newer.InvoiceID)!;
		expect((invoice.LineItems as IDataObject[]).length).toBe(newer.LineItems.length);
		expect(newer.LineItems.length).toBeGreaterThan(0);
		// Items come oldest change first.
		const stamps = items.map((item) => Date.parse(String(item.UpdatedDateUTC)));
		expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
	});

	it('starts from now with Backfill Days 0', async () => {
		const staticData: IDataObject = {};
		expect(await poll({ events: ['salesInvoice', 'contact'], options: { backfillDays: 0 } }, staticData)).toEqual([]);
		const invoice = salesInvoice('DRAFT');
		const items = await poll({ events: ['salesInvoice', 'contact'], options: { backfillDays: 0 } }, staticData);
		expect(items.map(idOf)).toEqual([invoice.InvoiceID]);
		expect(items[0]).not.toHaveProperty('backfill');
	});
});

describe('later polls', () => {
	const events = ['salesInvoice', 'bill', 'contact', 'purchaseOrder'];

	it('emit exactly the changes since the last poll, once', async () => {
		const staticData: IDataObject = {};
		await poll({ events, options: { backfillDays: 0 } }, staticData);

		const invoice = salesInvoice('AUTHORISED');
		const newBill = bill('DRAFT');
		const po = purchaseOrder('DRAFT');
		const contact = xero.sandbox.store.update(xero.tenantId, 'Contacts', customer.ContactID, { EmailAddress: 'orders@customer.example' });

		const items = await poll({ events }, staticData);
		const summary = items.map((item) => [item.documentType, idOf(item), item.change]);
		expect(summary).toEqual(
			expect.arrayContaining([
				['salesInvoice', invoice.InvoiceID, 'created'],
				['bill', newBill.InvoiceID, 'created'],
				['purchaseOrder', po.PurchaseOrderID, 'created'],
				['contact', contact.ContactID, 'updated'],
			]),
		);
		expect(items).toHaveLength(4);
		expect(await poll({ events }, staticData)).toEqual([]);

		// The next change of a document already emitted is an update.
		xero.sandbox.store.update(xero.tenantId, 'Invoices', invoice.InvoiceID, { Reference: 'PO-7' });
		const next = await poll({ events }, staticData);
		expect(next.map((item) => [idOf(item), item.change, item.Reference])).toEqual([[invoice.InvoiceID, 'updated', 'PO-7']]);
	});

	it('cost one call per document type when nothing changed', async () => {
		const all = ['salesInvoice', 'bill', 'contact', 'purchaseOrder', 'payment', 'creditNote', 'bankTransaction', 'item', 'account'];
		const staticData: IDataObject = {};
		await poll({ events: all }, staticData);
		xero.sandbox.clearLog();

		expect(await poll({ events: all }, staticData)).toEqual([]);

		// Sales invoices and bills share one read of /Invoices.
		const paths = gets().map((l) => l.path.replace(API, ''));
		expect(paths.sort()).toEqual(
			['/Accounts', '/BankTransactions', '/Contacts', '/CreditNotes', '/Invoices', '/Items', '/Payments', '/PurchaseOrders'].sort(),
		);
		for (const entry of gets()) {
			expect(entry.ifModifiedSince).toBeDefined();
			if (!['/Items', '/Accounts'].includes(entry.path.replace(API, ''))) {
				expect(entry.query).toMatchObject({ page: '1', pageSize: '1000', order: 'UpdatedDateUTC ASC' });
			}
		}
	});

	it('emit documents updated in the same second as the cursor, each version once', async () => {
		const staticData: IDataObject = {};
		await poll({ events: ['contact'], options: { backfillDays: 0 } }, staticData);
		const [a, b, c] = org().Contacts.filter((contact) => contact.ContactStatus === 'ACTIVE');
		const second = Math.floor(Date.now() / 1000) * 1000 + 2000;

		xero.sandbox.store.update(xero.tenantId, 'Contacts', a.ContactID, { Website: 'https://a.example' }, { updatedDateUTC: second + 100 });
		expect((await poll({ events: ['contact'] }, staticData)).map(idOf)).toEqual([a.ContactID]);

		// Later in that second, and at the cursor's very millisecond.
		xero.sandbox.store.update(xero.tenantId, 'Contacts', b.ContactID, { Website: 'https://b.example' }, { updatedDateUTC: second + 900 });
		xero.sandbox.store.update(xero.tenantId, 'Contacts', c.ContactID, { Website: 'https://c.example' }, { updatedDateUTC: second + 100 });
		expect((await poll({ events: ['contact'] }, staticData)).map(idOf).sort()).toEqual([b.ContactID, c.ContactID].sort());
		expect(await poll({ events: ['contact'] }, staticData)).toEqual([]);
	});

	it('repeat nothing when n8n did not save the static data of a poll that emitted nothing', async () => {
		const parameters = { events: ['salesInvoice'], filters: { statuses: ['AUTHORISED'] }, options: { backfillDays: 0 } };
		const staticData: IDataObject = {};
		await poll(parameters, staticData);
		const first = salesInvoice('AUTHORISED');
		expect((await poll(parameters, staticData)).map(idOf)).toEqual([first.InvoiceID]);
		const saved = structuredClone(staticData);

		// Seen but filtered out: the cursor moves, but only in memory.
		salesInvoice('DRAFT');
		expect(await poll(parameters, staticData)).toEqual([]);
		expect(staticData).not.toEqual(saved);

		// n8n restarts with what it saved after the last emitting poll.
		const restarted = structuredClone(saved);
		const second = salesInvoice('AUTHORISED');
		expect((await poll(parameters, restarted)).map(idOf)).toEqual([second.InvoiceID]);
		expect(await poll(parameters, restarted)).toEqual([]);
	});

	it('emit nothing and keep their cursors when a call fails halfway', async () => {
		const staticData: IDataObject = {};
		await poll({ events, options: { backfillDays: 0 } }, staticData);
		const before = structuredClone(staticData);
		const invoice = salesInvoice('AUTHORISED');
		const po = purchaseOrder('DRAFT');

		xero.sandbox.faults.add({ method: 'GET', path: '/Contacts', action: { kind: 'status', status: 400 } });
		await expect(poll({ events }, staticData)).rejects.toThrow();
		expect(staticData).toEqual(before);

		const items = await poll({ events }, staticData);
		expect(items.map(idOf).sort()).toEqual([invoice.InvoiceID, po.PurchaseOrderID].sort());
	});

	it('filter by contact and, with New Only, leave updates out', async () => {
		const parameters = { events: ['salesInvoice', 'bill'], changes: 'new', filters: { contactIds: customer.ContactID.toUpperCase() } };
		const staticData: IDataObject = {};
		await poll({ ...parameters, options: { backfillDays: 0 } }, staticData);
		const mine = salesInvoice('DRAFT');
		bill('DRAFT');
		expect((await poll(parameters, staticData)).map(idOf)).toEqual([mine.InvoiceID]);

		xero.sandbox.store.update(xero.tenantId, 'Invoices', mine.InvoiceID, { Reference: 'changed' });
		expect(await poll(parameters, staticData)).toEqual([]);
	});
});

describe('paging', () => {
	// More than one page of contacts, in a tenant of their own.
	function manyContacts(tenantId: string, label: string, count: number, stampOf: (index: number) => number): XeroContact[] {
		const contacts: XeroContact[] = [];
		for (let i = 0; i < count; i++) {
			contacts.push(xero.sandbox.store.create(tenantId, 'Contacts', { Name: `${label} ${i}` }) as unknown as XeroContact);
		}
		const data = xero.sandbox.store.tenant(tenantId);
		contacts.forEach((contact, i) => (data.Contacts.get(contact.ContactID)!.UpdatedDateUTC = `/Date(${stampOf(i)}+0000)/`));
		data.Contacts.reorder();
		return contacts;
	}

	/**
	 * Runs `change` right after the sandbox lists the tenant's contacts for the first request that
	 * `when` accepts: that page is computed from the old state, the following ones see the change.
	 */
	function afterListing(tenantId: string, when: (request: RequestLogEntry) => boolean, change: () => void): void {
		const contacts = xero.sandbox.store.tenant(tenantId).Contacts;
		const original = contacts.values.bind(contacts);
		contacts.values = () => {
			const request = gets('/Contacts').at(-1);
			if (!request || !when(request)) return original();
			contacts.values = original;
			const snapshot = [...original()];
			change();
			return snapshot[Symbol.iterator]();
		};
	}

	it('emits a document updated while the poll pages, and skips none (keyset paging)', async () => {
		const tenantId = tenant2();
		const base = Date.now() - 2 * 60 * 60 * 1000;
		const contacts = manyContacts(tenantId, 'Keyset', 1100, (i) => base + i * 1000);
		const staticData: IDataObject = {};

		// A contact of the first page changes (and moves to the end) before the second page is read.
		const moved = contacts[10];
		afterListing(tenantId, () => true, () =>
			xero.sandbox.store.update(tenantId, 'Contacts', moved.ContactID, { Website: 'https://moved.example' }),
		);
		const items = await poll({ events: ['contact'] }, staticData, tenantId);

		const inWindow = xero.sandbox.store
			.tenant(tenantId)
			.Contacts.all()
			.filter((contact) => stamp(contact) >= Date.now() - 90 * DAY);
		const keys = keysOf(items);
		expect(new Set(keys).size).toBe(keys.length);
		// Every contact's current version, plus the moved contact's version read before it moved.
		expect(new Set(items.map(idOf))).toEqual(new Set(inWindow.map((contact) => contact.ContactID)));
		expect(items.filter((item) => item.ContactID === moved.ContactID)).toHaveLength(2);
		// The second request started again at page 1, just before the first page's last change.
		const [first, second] = gets('/Contacts');
		expect(second.query.page).toBe('1');
		expect(Date.parse(second.ifModifiedSince!)).toBeGreaterThan(Date.parse(first.ifModifiedSince!));

		expect(await poll({ events: ['contact'] }, staticData, tenantId)).toEqual([]);
	});

	it('emits every document exactly once when more than a page share one second and one moves mid-read', async () => {
		const tenantId = tenant2();
		const second = Math.floor((Date.now() - 60 * 60 * 1000) / 1000) * 1000;
		const contacts = manyContacts(tenantId, 'Dense', 1100, (i) => second + (i % 1000));
		const staticData: IDataObject = {};

		// Once a request starts in the dense second, its page 1 holds 1,000 documents of that second
		// and page 2 is asked by number: a document of page 1 changes before it (and moves to the
		// end), shifting one unread document onto the page already read. The next poll gets it.
		const moved = contacts[5];
		let movedStamp = 0;
		const inDenseSecond = (request: RequestLogEntry) =>
			Date.parse(String(request.ifModifiedSince)) >= second - 1000 && request.query.page === '1';
		afterListing(tenantId, inDenseSecond, () => {
			movedStamp = stamp(xero.sandbox.store.update(tenantId, 'Contacts', moved.ContactID, { Website: 'https://moved.example' }) as never);
		});
		const firstPoll = await poll({ events: ['contact'] }, staticData, tenantId);
		const secondPoll = await poll({ events: ['contact'] }, staticData, tenantId);
		expect(await poll({ events: ['contact'] }, staticData, tenantId)).toEqual([]);

		const all = [...firstPoll, ...secondPoll];
		const keys = keysOf(all);
		expect(new Set(keys).size).toBe(keys.length);
		const ids = new Set(all.map(idOf));
		for (const contact of contacts) expect(ids.has(contact.ContactID)).toBe(true);
		const versions = all.filter((item) => item.ContactID === moved.ContactID).map((item) => Date.parse(String(item.UpdatedDateUTC)));
		expect(versions).toContain(movedStamp);
		expect(secondPoll.length).toBeGreaterThan(0);
		expect(gets('/Contacts').some((entry) => entry.query.page === '2')).toBe(true);
	});
});

describe('status and overdue events', () => {
	it('emit a purchase order entering Authorised once', async () => {
		const parameters = { events: ['statusEntered'], statusDocumentType: 'purchaseOrder', purchaseOrderStatuses: ['AUTHORISED'] };
		const staticData: IDataObject = {};
		await poll({ ...parameters, options: { backfillDays: 0 } }, staticData);
		const po = purchaseOrder('DRAFT');
		expect(await poll(parameters, staticData)).toEqual([]);

		xero.sandbox.store.update(xero.tenantId, 'PurchaseOrders', String(po.PurchaseOrderID), { Status: 'AUTHORISED' });
		const items = await poll(parameters, staticData);
		expect(items.map((item) => [item.event, item.documentType, item.status, idOf(item)])).toEqual([
			['statusEntered', 'purchaseOrder', 'AUTHORISED', po.PurchaseOrderID],
		]);
		expect((items[0].LineItems as IDataObject[]).length).toBe(1);

		xero.sandbox.store.update(xero.tenantId, 'PurchaseOrders', String(po.PurchaseOrderID), { Reference: 'after approval' });
		expect(await poll(parameters, staticData)).toEqual([]);
	});

	it('emit a bill becoming Paid once, even when it is paid again', async () => {
		const parameters = { events: ['statusEntered'], statusDocumentType: 'bill', billStatuses: ['PAID'] };
		const staticData: IDataObject = {};
		await poll({ ...parameters, options: { backfillDays: 0 } }, staticData);
		const payable = bill('AUTHORISED');
		salesInvoice('AUTHORISED');
		expect(await poll(parameters, staticData)).toEqual([]);

		const payment = pay(payable);
		expect((await poll(parameters, staticData)).map((item) => [idOf(item), item.status])).toEqual([[payable.InvoiceID, 'PAID']]);

		xero.sandbox.store.update(xero.tenantId, 'Payments', String(payment.PaymentID), { Status: 'DELETED' });
		expect(org().Invoices.get(payable.InvoiceID)!.Status).toBe('AUTHORISED');
		pay(payable);
		expect(org().Invoices.get(payable.InvoiceID)!.Status).toBe('PAID');
		expect(await poll(parameters, staticData)).toEqual([]);
	});

	it('emit each sales invoice overdue by N days once, within the backfill window', async () => {
		const today = Date.now();
		const due = (days: number) => ({ DueDate: isoDay(today - days * DAY), Date: isoDay(today - (days + 30) * DAY) });
		const recent = salesInvoice('AUTHORISED', due(10));
		const tooOld = salesInvoice('AUTHORISED', due(60));
		const notYet = salesInvoice('AUTHORISED', due(3));
		const draft = salesInvoice('DRAFT', due(10));
		const parameters = { events: ['invoiceOverdue'], overdueDays: 7, options: { backfillDays: 30 } };
		const staticData: IDataObject = {};

		const items = await poll(parameters, staticData);
		const ids = items.map(idOf);
		expect(ids).toContain(recent.InvoiceID);
		for (const other of [tooOld, notYet, draft]) expect(ids).not.toContain(other.InvoiceID);
		// Exactly the approved, unpaid sales invoices due 7 to 37 days ago (edges left out).
		const expected = org()
			.Invoices.filter((invoice) => {
				const days = (today - Date.parse(`${invoice.DueDateString ?? ''}Z`)) / DAY;
				return invoice.Type === 'ACCREC' && invoice.Status === 'AUTHORISED' && invoice.AmountDue > 0 && days > 8 && days < 36;
			})
			.map((invoice) => invoice.InvoiceID);
		expect(ids).toEqual(expect.arrayContaining(expected));
		for (const item of items) expect(item.daysOverdue).toBeGreaterThanOrEqual(7);
		for (const item of items) expect(item.daysOverdue).toBeLessThanOrEqual(38);
		expect(items.find((item) => item.InvoiceID === recent.InvoiceID)).toMatchObject({
			event: 'invoiceOverdue',
			documentType: 'salesInvoice',
			daysOverdue: expect.any(Number),
		});

		xero.sandbox.clearLog();
		expect(await poll(parameters, staticData)).toEqual([]);
		expect(gets()).toHaveLength(1);

		pay(recent);
		const later = salesInvoice('AUTHORISED', due(8));
		expect((await poll(parameters, staticData)).map(idOf)).toEqual([later.InvoiceID]);
	});
});

describe('manual runs', () => {
	it('emit a few recent documents and move no cursor', async () => {
		const parameters = { events: ['salesInvoice', 'contact', 'invoiceOverdue'] };
		const staticData: IDataObject = {};
		await poll({ ...parameters, options: { backfillDays: 0 } }, staticData);
		const before = structuredClone(staticData);
		xero.sandbox.clearLog();

		const result = await runPoll({ node: triggerNode(parameters), credentials: xero.credentials, staticData, mode: 'manual' });
		const items = (result?.[0] ?? []).map((item) => item.json);
		const count = (type: string, event = 'changed') => items.filter((i) => i.documentType === type && i.event === event).length;
		expect(count('salesInvoice')).toBeGreaterThan(0);
		expect(count('salesInvoice')).toBeLessThanOrEqual(5);
		expect(count('contact')).toBeGreaterThan(0);
		expect(count('salesInvoice', 'invoiceOverdue')).toBeLessThanOrEqual(5);
		expect(gets().every((entry) => entry.ifModifiedSince === undefined)).toBe(true);
		expect(staticData).toEqual(before);

		const invoice = salesInvoice('DRAFT');
		expect((await poll(parameters, staticData)).map(idOf)).toEqual([invoice.InvoiceID]);
	});
});
