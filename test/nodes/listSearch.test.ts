import type { IDataObject, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { listSearch } from '../harness';
import { startXero, type XeroFixture } from '../helpers/xero';
import type { OrganisationData, XeroContact, XeroInvoice, XeroItem, XeroPurchaseOrder } from '../sandbox';

// The searchable "From List" pickers of the Xero Accounting node, called as the editor calls them,
// against the sandbox: what they list, how the search box narrows them, and how they page.

const API = '/api.xro/2.0';

interface Search {
	filter?: string;
	paginationToken?: string;
	tenantId?: string;
}

function searcher(fixture: () => XeroFixture) {
	return async (method: string, parameter: string, { filter, paginationToken, tenantId }: Search = {}): Promise<INodeListSearchResult> => {
		const xero = fixture();
		return await listSearch({
			node: {
				name: 'Xero',
				type: 'xeroAccounting',
				parameters: { authentication: 'oAuth2', tenantId: { __rl: true, mode: 'id', value: tenantId ?? xero.tenantId } },
				credentials: xero.credentials.ref('xero'),
			},
			method,
			parameter,
			filter,
			paginationToken,
			credentials: xero.credentials,
		});
	};
}

const values = (result: INodeListSearchResult) => result.results.map((r) => String(r.value));
const names = (result: INodeListSearchResult) => result.results.map((r) => r.name);
const msOf = (date: string) => Number(/^\/Date\((-?\d+)/.exec(date)![1]);
const label = (result: INodeListSearchResult, value: string) => result.results.find((r: INodeListSearchItems) => r.value === value)?.name;
const sorted = (list: string[]) => [...list].sort();

function isNonIncreasing(numbers: number[]): boolean {
	return numbers.every((n, i) => i === 0 || numbers[i - 1] >= n);
}

describe('list search', () => {
	let xero: XeroFixture;
	let customer: XeroContact;
	let supplier: XeroContact;
	const org = (): OrganisationData => xero.sandbox.store.tenant(xero.tenantId);
	const search = searcher(() => xero);
	const gets = (path: string) => xero.sandbox.log.filter((entry) => entry.method === 'GET' && entry.path === `${API}${path}`);

	function invoice(type: 'ACCREC' | 'ACCPAY', status: string, extra: IDataObject = {}): XeroInvoice {
		const doc = xero.sandbox.store.create(xero.tenantId, 'Invoices', {
			Type: type,
			Contact: { ContactID: (type === 'ACCREC' ? customer : supplier).ContactID },
			Status: status === 'VOIDED' ? 'AUTHORISED' : status === 'DELETED' ? 'DRAFT' : status,
			LineItems: [{ Description: 'Flat whites', Quantity: 2, UnitAmount: 50, AccountCode: type === 'ACCREC' ? '200' : '300' }],
			...extra,
		});
		const id = String(doc.InvoiceID);
		if (status === 'VOIDED' || status === 'DELETED') xero.sandbox.store.update(xero.tenantId, 'Invoices', id, { Status: status });
		return org().Invoices.get(id)!;
	}

	function purchaseOrder(extra: IDataObject = {}): XeroPurchaseOrder {
		const doc = xero.sandbox.store.create(xero.tenantId, 'PurchaseOrders', {
			Contact: { ContactID: supplier.ContactID },
			LineItems: [{ Description: 'Cup sleeves', Quantity: 3, UnitAmount: 20, AccountCode: '300' }],
			...extra,
		});
		return org().PurchaseOrders.get(String(doc.PurchaseOrderID))!;
	}

	function item(fields: IDataObject): XeroItem {
		const doc = xero.sandbox.store.create(xero.tenantId, 'Items', fields);
		return org().Items.get(String(doc.ItemID))!;
	}

	beforeAll(async () => {
		xero = await startXero({ size: 5 });
		customer = xero.sandbox.store.create(xero.tenantId, 'Contacts', {
			Name: 'Tuatara Espresso Bar',
			EmailAddress: 'orders@flatwhite-hamilton.example',
		}) as unknown as XeroContact;
		supplier = xero.sandbox.store.create(xero.tenantId, 'Contacts', { Name: 'Pukeko Packaging Ltd' }) as unknown as XeroContact;
	});

	beforeEach(() => xero.sandbox.clearLog());

	afterEach(() => {
		expect(xero.sandbox.specViolations).toEqual([]);
		expect(xero.sandbox.log.filter((entry) => entry.status !== 200)).toEqual([]);
	});

	afterAll(async () => {
		await xero.close();
	});

	describe('contacts', () => {
		it('lists the active contacts by name, alphabetically, with their IDs as values', async () => {
			const archived = xero.sandbox.store.create(xero.tenantId, 'Contacts', { Name: 'Tuatara Old Roastery' });
			xero.sandbox.store.update(xero.tenantId, 'Contacts', String(archived.ContactID), { ContactStatus: 'ARCHIVED' });

			const result = await search('searchContacts', 'contactId');

			const active = org().Contacts.filter((c) => c.ContactStatus === 'ACTIVE');
			expect(sorted(values(result))).toEqual(sorted(active.map((c) => c.ContactID)));
			expect(label(result, customer.ContactID)).toBe('Tuatara Espresso Bar');
			expect(label(result, supplier.ContactID)).toBe('Pukeko Packaging Ltd');
			expect(values(result)).not.toContain(String(archived.ContactID));
			const lower = names(result).map((n) => n.toLowerCase());
			expect(lower).toEqual([...lower].sort());
			expect(result.paginationToken).toBeUndefined();

			expect(gets('/Contacts')).toHaveLength(1);
			expect(gets('/Contacts')[0]).toMatchObject({
				tenantId: xero.tenantId,
				query: { page: '1', pageSize: '100', summaryOnly: 'true', order: 'Name ASC' },
			});
			expect(gets('/Contacts')[0].query.searchTerm).toBeUndefined();
		});

		it('narrows to the contacts matching the search, in any case, by name or email address', async () => {
			const byName = await search('searchContacts', 'contactId', { filter: 'TUATARA' });
			expect(byName.results).toEqual([{ name: 'Tuatara Espresso Bar', value: customer.ContactID }]);
			expect(gets('/Contacts')[0].query).toMatchObject({ searchTerm: 'TUATARA' });

			const byEmail = await search('searchContacts', 'contactId', { filter: 'flatwhite-hamilton' });
			expect(values(byEmail)).toEqual([customer.ContactID]);

			const none = await search('searchContacts', 'contactId', { filter: 'no such contact anywhere' });
			expect(none).toEqual({ results: [], paginationToken: undefined });
		});
	});

	describe('sales invoices, bills and both', () => {
		let authorised: XeroInvoice;
		let voided: XeroInvoice;
		let deleted: XeroInvoice;
		let bill: XeroInvoice;
		let unnumberedBill: XeroInvoice;
		let deletedBill: XeroInvoice;

		beforeAll(() => {
			authorised = invoice('ACCREC', 'AUTHORISED', { Reference: 'Kiosk order 4471', Date: '2020-03-05' });
			voided = invoice('ACCREC', 'VOIDED', { Date: '2020-01-10' });
			deleted = invoice('ACCREC', 'DELETED', { Reference: 'Kiosk order 4472' });
			bill = invoice('ACCPAY', 'AUTHORISED', { InvoiceNumber: 'PKK-88104', Reference: 'Kiosk sleeves', Date: '2020-02-01' });
			unnumberedBill = invoice('ACCPAY', 'DRAFT');
			deletedBill = invoice('ACCPAY', 'DELETED', { InvoiceNumber: 'PKK-88105' });
		});

		const live = (type?: string) => org().Invoices.filter((i) => i.Status !== 'DELETED' && (!type || i.Type === type));
		const dates = (result: INodeListSearchResult) => values(result).map((id) => msOf(org().Invoices.get(id)!.Date));

		it('lists the sales invoices that are not deleted, newest first, by number, customer, total and status', async () => {
			const result = await search('searchSalesInvoices', 'invoiceId');

			expect(sorted(values(result))).toEqual(sorted(live('ACCREC').map((i) => i.InvoiceID)));
			expect(values(result)).not.toContain(deleted.InvoiceID);
			expect(values(result)).not.toContain(bill.InvoiceID);
			expect(values(result)).not.toContain(unnumberedBill.InvoiceID);
			expect(label(result, authorised.InvoiceID)).toBe(`${authorised.InvoiceNumber} · Tuatara Espresso Bar · ${authorised.Total} NZD · authorised`);
			expect(authorised.Total).toBe(115);
			expect(label(result, voided.InvoiceID)).toBe(`${voided.InvoiceNumber} · Tuatara Espresso Bar · ${voided.Total} NZD · voided`);
			expect(isNonIncreasing(dates(result))).toBe(true);
			expect(values(result).indexOf(authorised.InvoiceID)).toBeLessThan(values(result).indexOf(voided.InvoiceID));
			expect(result.paginationToken).toBeUndefined();

			expect(gets('/Invoices')).toHaveLength(1);
			expect(gets('/Invoices')[0]).toMatchObject({
				tenantId: xero.tenantId,
				query: { page: '1', pageSize: '100', summaryOnly: 'true', order: 'Date DESC', where: 'Status!="DELETED" AND Type=="ACCREC"' },
			});
		});

		it('finds a sales invoice by its number or its reference, in any case', async () => {
			const byNumber = await search('searchSalesInvoices', 'invoiceId', { filter: authorised.InvoiceNumber.toLowerCase() });
			expect(values(byNumber)).toContain(authorised.InvoiceID);
			for (const id of values(byNumber)) expect(org().Invoices.get(id)!.InvoiceNumber.toLowerCase()).toContain(authorised.InvoiceNumber.toLowerCase());
			expect(gets('/Invoices')[0].query).toMatchObject({ searchTerm: authorised.InvoiceNumber.toLowerCase() });

			const byReference = await search('searchSalesInvoices', 'invoiceId', { filter: 'KIOSK ORDER' });
			expect(values(byReference)).toEqual([authorised.InvoiceID]); // the deleted one with the same words is left out
		});

		it('lists bills only, and names the ones without a number', async () => {
			const result = await search('searchBills', 'invoiceId');

			expect(sorted(values(result))).toEqual(sorted(live('ACCPAY').map((i) => i.InvoiceID)));
			expect(values(result)).not.toContain(authorised.InvoiceID);
			expect(values(result)).not.toContain(deletedBill.InvoiceID);
			expect(label(result, bill.InvoiceID)).toBe(`PKK-88104 · Pukeko Packaging Ltd · ${bill.Total} NZD · authorised`);
			expect(label(result, unnumberedBill.InvoiceID)).toBe(`(no number) · Pukeko Packaging Ltd · ${unnumberedBill.Total} NZD · draft`);
			expect(isNonIncreasing(dates(result))).toBe(true);
			expect(gets('/Invoices')[0].query).toMatchObject({ where: 'Status!="DELETED" AND Type=="ACCPAY"' });

			const bySupplierNumber = await search('searchBills', 'invoiceId', { filter: 'pkk-881' });
			expect(values(bySupplierNumber)).toEqual([bill.InvoiceID]);

			const salesReference = await search('searchBills', 'invoiceId', { filter: 'kiosk order' });
			expect(salesReference.results).toEqual([]);
		});

		it('lists sales invoices and bills together, saying which is which', async () => {
			const result = await search('searchInvoices', 'invoiceId');

			expect(sorted(values(result))).toEqual(sorted(live().map((i) => i.InvoiceID)));
			expect(values(result)).not.toContain(deleted.InvoiceID);
			expect(values(result)).not.toContain(deletedBill.InvoiceID);
			expect(label(result, authorised.InvoiceID)).toBe(`Invoice ${authorised.InvoiceNumber} · Tuatara Espresso Bar · ${authorised.Total} NZD · authorised`);
			expect(label(result, bill.InvoiceID)).toBe(`Bill PKK-88104 · Pukeko Packaging Ltd · ${bill.Total} NZD · authorised`);
			expect(isNonIncreasing(dates(result))).toBe(true);
			expect(gets('/Invoices')[0].query).toMatchObject({ where: 'Status!="DELETED"', order: 'Date DESC', summaryOnly: 'true' });

			const kiosk = await search('searchInvoices', 'invoiceId', { filter: 'Kiosk' });
			expect(names(kiosk)).toEqual([
				`Invoice ${authorised.InvoiceNumber} · Tuatara Espresso Bar · ${authorised.Total} NZD · authorised`,
				`Bill PKK-88104 · Pukeko Packaging Ltd · ${bill.Total} NZD · authorised`,
			]);
		});
	});

	describe('purchase orders', () => {
		let submitted: XeroPurchaseOrder;
		let older: XeroPurchaseOrder;

		beforeAll(() => {
			submitted = purchaseOrder({ Status: 'SUBMITTED', Reference: 'Takeaway lids', Date: '2020-06-01' });
			older = purchaseOrder({ Date: '2020-05-01' });
		});

		it('lists purchase orders newest first, by number, supplier, total, status and reference', async () => {
			const result = await search('searchPurchaseOrders', 'purchaseOrderId');

			expect(sorted(values(result))).toEqual(sorted(org().PurchaseOrders.filter((po) => po.Status !== 'DELETED').map((po) => po.PurchaseOrderID)));
			expect(label(result, submitted.PurchaseOrderID)).toBe(
				`${submitted.PurchaseOrderNumber} · Pukeko Packaging Ltd · ${submitted.Total} NZD · submitted · Takeaway lids`,
			);
			expect(submitted.Total).toBe(69);
			expect(label(result, older.PurchaseOrderID)).toBe(`${older.PurchaseOrderNumber} · Pukeko Packaging Ltd · ${older.Total} NZD · draft`);
			const dates = values(result).map((id) => msOf(org().PurchaseOrders.get(id)!.Date));
			expect(isNonIncreasing(dates)).toBe(true);
			expect(values(result).indexOf(submitted.PurchaseOrderID)).toBeLessThan(values(result).indexOf(older.PurchaseOrderID));
			expect(result.paginationToken).toBeUndefined();

			expect(gets('/PurchaseOrders')).toHaveLength(1);
			expect(gets('/PurchaseOrders')[0]).toMatchObject({ tenantId: xero.tenantId, query: { page: '1', pageSize: '100', order: 'Date DESC' } });
		});

		it('narrows by number, supplier or reference, in any case', async () => {
			const byNumber = await search('searchPurchaseOrders', 'purchaseOrderId', { filter: submitted.PurchaseOrderNumber.toLowerCase() });
			expect(values(byNumber)).toContain(submitted.PurchaseOrderID);
			for (const name of names(byNumber)) expect(name.toLowerCase()).toContain(submitted.PurchaseOrderNumber.toLowerCase());

			const bySupplier = await search('searchPurchaseOrders', 'purchaseOrderId', { filter: 'PUKEKO' });
			expect(sorted(values(bySupplier))).toEqual(sorted([submitted.PurchaseOrderID, older.PurchaseOrderID]));

			const byReference = await search('searchPurchaseOrders', 'purchaseOrderId', { filter: 'takeaway LIDS' });
			expect(values(byReference)).toEqual([submitted.PurchaseOrderID]);

			const none = await search('searchPurchaseOrders', 'purchaseOrderId', { filter: 'no such order' });
			expect(none).toEqual({ results: [], paginationToken: undefined });
		});
	});

	describe('items', () => {
		let cups: XeroItem;
		let lids: XeroItem;

		beforeAll(() => {
			cups = item({ Code: 'PKK-CUP-8OZ', Name: 'Pukeko compostable cup 8oz' });
			lids = item({ Code: 'TUA-LID' });
		});

		it('lists every item by code and name, alphabetically, with its ID as value and no further page', async () => {
			const result = await search('searchItems', 'itemId');

			expect(sorted(values(result))).toEqual(sorted(org().Items.all().map((i) => i.ItemID)));
			expect(label(result, cups.ItemID)).toBe('PKK-CUP-8OZ - Pukeko compostable cup 8oz');
			expect(label(result, lids.ItemID)).toBe('TUA-LID');
			const honey = org().itemByCode('ORGANIC-HONEY')!;
			expect(label(result, honey.ItemID)).toBe(`ORGANIC-HONEY - ${honey.Name}`);
			expect(names(result)).toEqual([...names(result)].sort((a, b) => a.localeCompare(b)));
			expect(result.paginationToken).toBeUndefined();
			expect(gets('/Items')).toHaveLength(1);
			expect(gets('/Items')[0].tenantId).toBe(xero.tenantId);
		});

		it('narrows by code or name, in any case', async () => {
			const byCode = await search('searchItems', 'itemId', { filter: 'tua-l' });
			expect(byCode.results).toEqual([{ name: 'TUA-LID', value: lids.ItemID }]);

			const byName = await search('searchItems', 'itemId', { filter: 'COMPOSTABLE' });
			expect(byName.results).toEqual([{ name: 'PKK-CUP-8OZ - Pukeko compostable cup 8oz', value: cups.ItemID }]);

			const manuka = await search('searchItems', 'itemId', { filter: 'Manuka' });
			const expected = org().Items.filter((i) => `${i.Code} ${i.Name ?? ''}`.toLowerCase().includes('manuka'));
			expect(expected.length).toBeGreaterThan(0);
			expect(sorted(values(manuka))).toEqual(sorted(expected.map((i) => i.ItemID)));

			expect((await search('searchItems', 'itemId', { filter: 'nothing like this' })).results).toEqual([]);
		});

		it('lists the chosen organisation\'s items', async () => {
			const other = xero.sandbox.tenants[1].tenantId;
			const result = await search('searchItems', 'itemId', { tenantId: other });

			const items = xero.sandbox.store.tenant(other).Items.all();
			expect(sorted(values(result))).toEqual(sorted(items.map((i) => i.ItemID)));
			expect(values(result)).not.toContain(cups.ItemID);
			expect(gets('/Items')[0].tenantId).toBe(other);
		});
	});
});

describe('list search paging', () => {
	const PAGE = 100;
	let xero: XeroFixture;
	let org: OrganisationData;
	let customer: string;
	let supplier: string;
	let oldestOrder: XeroPurchaseOrder;
	const search = searcher(() => xero);

	beforeAll(async () => {
		xero = await startXero({ size: 5 });
		org = xero.sandbox.store.tenant(xero.tenantId);
		customer = String(xero.sandbox.store.create(xero.tenantId, 'Contacts', { Name: 'Paging Customer' }).ContactID);
		supplier = String(xero.sandbox.store.create(xero.tenantId, 'Contacts', { Name: 'Paging Supplier' }).ContactID);
		const line = (account: string) => [{ Description: 'Beans', Quantity: 1, UnitAmount: 10, AccountCode: account }];
		for (let n = 0; n < PAGE; n++) {
			xero.sandbox.store.create(xero.tenantId, 'Contacts', { Name: `Paging Contact ${String(n).padStart(3, '0')}` });
			xero.sandbox.store.create(xero.tenantId, 'Invoices', { Type: 'ACCREC', Contact: { ContactID: customer }, Status: 'AUTHORISED', LineItems: line('200') });
			xero.sandbox.store.create(xero.tenantId, 'PurchaseOrders', { Contact: { ContactID: supplier }, LineItems: line('300') });
		}
		for (let n = 0; n < 3; n++) {
			xero.sandbox.store.create(xero.tenantId, 'Invoices', { Type: 'ACCPAY', Contact: { ContactID: supplier }, Status: 'DRAFT', LineItems: line('300') });
		}
		const doc = xero.sandbox.store.create(xero.tenantId, 'PurchaseOrders', {
			Contact: { ContactID: supplier },
			Reference: 'Tuatara backorder',
			Date: '2015-01-01',
			LineItems: line('300'),
		});
		oldestOrder = org.PurchaseOrders.get(String(doc.PurchaseOrderID))!;
	});

	beforeEach(() => xero.sandbox.clearLog());

	afterEach(() => {
		expect(xero.sandbox.specViolations).toEqual([]);
		expect(xero.sandbox.log.filter((entry) => entry.status !== 200)).toEqual([]);
	});

	afterAll(async () => {
		await xero.close();
	});

	async function allPages(method: string, parameter: string, filter?: string) {
		const pages: INodeListSearchResult[] = [];
		let paginationToken: string | undefined;
		do {
			const page = await search(method, parameter, { filter, paginationToken });
			pages.push(page);
			paginationToken = page.paginationToken;
		} while (paginationToken && pages.length < 10);
		return pages;
	}

	function expectPaged(pages: INodeListSearchResult[], expected: string[], path: string) {
		expect(expected.length).toBeGreaterThan(PAGE);
		expect(expected.length).toBeLessThanOrEqual(2 * PAGE);
		expect(pages).toHaveLength(2);
		expect(pages[0].results).toHaveLength(PAGE);
		expect(pages[0].paginationToken).toBe('2');
		expect(pages[1].paginationToken).toBeUndefined();
		const all = pages.flatMap(values);
		expect(new Set(all).size).toBe(all.length);
		expect(sorted(all)).toEqual(sorted(expected));
		const calls = xero.sandbox.log.filter((entry) => entry.path === `${API}${path}`);
		expect(calls.map((entry) => entry.query.page)).toEqual(['1', '2']);
	}

	it('pages through the contacts', async () => {
		const pages = await allPages('searchContacts', 'contactId');
		expectPaged(
			pages,
			org.Contacts.filter((c) => c.ContactStatus === 'ACTIVE').map((c) => c.ContactID),
			'/Contacts',
		);
		const lower = pages.flatMap(names).map((n) => n.toLowerCase());
		expect(lower).toEqual([...lower].sort());
	});

	it('pages through the sales invoices, and the type filter applies to every page', async () => {
		const pages = await allPages('searchSalesInvoices', 'invoiceId');
		expectPaged(
			pages,
			org.Invoices.filter((i) => i.Type === 'ACCREC' && i.Status !== 'DELETED').map((i) => i.InvoiceID),
			'/Invoices',
		);
		for (const entry of xero.sandbox.log) expect(entry.query.where).toBe('Status!="DELETED" AND Type=="ACCREC"');
	});

	it('does not offer a second page when there are fewer documents than a page', async () => {
		const pages = await allPages('searchBills', 'invoiceId');
		expect(pages).toHaveLength(1);
		expect(sorted(values(pages[0]))).toEqual(sorted(org.Invoices.filter((i) => i.Type === 'ACCPAY' && i.Status !== 'DELETED').map((i) => i.InvoiceID)));
	});

	it('pages through the purchase orders, and a search looks through 1,000 at a time', async () => {
		const deleted = xero.sandbox.store.create(xero.tenantId, 'PurchaseOrders', {
			Contact: { ContactID: supplier },
			Reference: 'Tuatara cancelled',
			LineItems: [{ Description: 'Beans', Quantity: 1, UnitAmount: 10, AccountCode: '300' }],
		});
		xero.sandbox.store.update(xero.tenantId, 'PurchaseOrders', String(deleted.PurchaseOrderID), { Status: 'DELETED' });
		xero.sandbox.clearLog();
		const pages = await allPages('searchPurchaseOrders', 'purchaseOrderId');
		expectPaged(
			pages,
			org.PurchaseOrders.filter((po) => po.Status !== 'DELETED').map((po) => po.PurchaseOrderID),
			'/PurchaseOrders',
		);
		expect(values(pages[1])).toContain(oldestOrder.PurchaseOrderID);
		expect(pages.flatMap(values)).not.toContain(deleted.PurchaseOrderID);

		xero.sandbox.clearLog();
		const found = await search('searchPurchaseOrders', 'purchaseOrderId', { filter: 'TUATARA' });
		expect(found).toEqual({
			results: [
				{
					name: `${oldestOrder.PurchaseOrderNumber} · Paging Supplier · ${oldestOrder.Total} NZD · draft · Tuatara backorder`,
					value: oldestOrder.PurchaseOrderID,
				},
			],
			paginationToken: undefined,
		});
		expect(xero.sandbox.log.map((entry) => entry.query)).toEqual([{ page: '1', pageSize: '1000', order: 'Date DESC' }]);
	});
});
