import { startSandbox, type XeroSandbox } from './index';
import { seedOrganisations } from './seed';
import { fromMsDate } from './xero-format';
import { apiClient, type ApiClient } from './test-helpers';

const q = (where: string) => encodeURIComponent(where);

describe('Xero sandbox: listing, filters and paging', () => {
	let sandbox: XeroSandbox;
	let api: ApiClient;

	beforeAll(async () => {
		sandbox = await startSandbox({ size: 60 });
		api = apiClient(sandbox);
	});
	afterAll(() => sandbox.close());
	afterEach(() => {
		const violations = [...sandbox.specViolations];
		sandbox.specViolations.length = 0;
		expect(violations).toEqual([]);
	});

	const org = () => sandbox.store.tenant(api.tenantId);

	it('seeds two deterministic organisations with the documents a client expects', async () => {
		const again = await startSandbox({ size: 60, validateResponses: false });
		try {
			expect(again.tenants).toEqual(sandbox.tenants);
			expect(again.tenants.map((t) => t.tenantName)).toEqual(['Green Fields Organic Ltd', 'Harbour Trading Co']);
			const a = again.store.tenant(again.tenants[0].tenantId).Invoices.all().map((i) => [i.InvoiceID, i.InvoiceNumber, i.Total, i.Status]);
			expect(a).toEqual(org().Invoices.all().map((i) => [i.InvoiceID, i.InvoiceNumber, i.Total, i.Status]));
		} finally {
			await again.close();
		}
		const o = org();
		expect(o.Invoices.filter((i) => i.Type === 'ACCREC')).toHaveLength(60);
		expect(o.Invoices.filter((i) => i.Type === 'ACCPAY')).toHaveLength(60);
		expect(o.PurchaseOrders.size).toBe(60);
		expect(new Set(o.Invoices.all().map((i) => i.Status))).toEqual(new Set(['DRAFT', 'SUBMITTED', 'AUTHORISED', 'PAID', 'VOIDED', 'DELETED']));
		expect(o.itemByCode('ORGANIC-OATS')?.Name).toBe('Organic rolled oats 1kg');
		expect(o.Items.all().map((i) => i.Name)).toEqual(expect.arrayContaining(['Non-organic oats', 'Inorganic fertiliser 20kg', 'Bio Haferflocken 500g', 'Organically grown?']));
		expect(o.accountByCode('090')?.Type).toBe('BANK');
		expect(o.accountByCode('855')?.EnablePaymentsToAccount).toBe(true);
		expect(o.BankTransactions.filter((t) => t.IsReconciled).length).toBeGreaterThan(0);
		expect(o.BankTransactions.filter((t) => !t.IsReconciled).length).toBeGreaterThan(0);
		for (const inv of o.Invoices.values()) {
			const lines = inv.LineItems.reduce((s, l) => s + l.LineAmount, 0);
			const expectedSub = inv.LineAmountTypes === 'Inclusive' ? lines - inv.TotalTax : lines;
			expect(inv.SubTotal).toBeCloseTo(expectedSub, 2);
			expect(inv.Total).toBeCloseTo(inv.SubTotal + inv.TotalTax, 2);
			if (!['VOIDED', 'DELETED'].includes(inv.Status)) expect(inv.AmountDue).toBeCloseTo(inv.Total - inv.AmountPaid - inv.AmountCredited, 2);
		}
		const stamps = o.Invoices.all().map((i) => fromMsDate(i.UpdatedDateUTC));
		expect(new Set(stamps).size).toBe(stamps.length);
		expect(Math.min(...stamps)).toBeGreaterThan(Date.now() - 200 * 86_400_000);
	});

	it('pages with page/pageSize and the pagination block; unpaged lists leave out line items', async () => {
		const total = org().Invoices.size;
		const first = await api.get('/Invoices?page=1&pageSize=50');
		expect(first.body.pagination).toEqual({ page: 1, pageSize: 50, pageCount: Math.ceil(total / 50), itemCount: total });
		expect(first.body.Invoices).toHaveLength(50);
		expect(first.body.Invoices[0].LineItems.length).toBeGreaterThan(0);
		const last = await api.get(`/Invoices?page=${Math.ceil(total / 50)}&pageSize=50`);
		expect(last.body.Invoices).toHaveLength(total - 50 * (Math.ceil(total / 50) - 1));
		const beyond = await api.get('/Invoices?page=99&pageSize=50');
		expect(beyond.body.Invoices).toEqual([]);
		const defaults = await api.get('/Invoices?page=1');
		expect(defaults.body.pagination.pageSize).toBe(100);
		const capped = await api.get('/Invoices?page=1&pageSize=5000');
		expect(capped.body.pagination.pageSize).toBe(1000);
		const unpaged = await api.get('/Invoices');
		expect(unpaged.body.pagination).toBeUndefined();
		expect(unpaged.body.Invoices).toHaveLength(total);
		expect(unpaged.body.Invoices.every((i: { LineItems: unknown[] }) => i.LineItems.length === 0)).toBe(true);
		// Purchase orders are always paged.
		const pos = await api.get('/PurchaseOrders');
		expect(pos.body.pagination).toMatchObject({ page: 1, pageSize: 100, itemCount: 60 });
	});

	it('lists in UpdatedDateUTC order by default and honours order', async () => {
		const all = (await api.get('/Invoices?page=1&pageSize=1000')).body.Invoices as { UpdatedDateUTC: string; Date: string; InvoiceNumber: string }[];
		const stamps = all.map((i) => fromMsDate(i.UpdatedDateUTC));
		expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
		const byDate = (await api.get(`/Invoices?page=1&pageSize=1000&order=${q('Date DESC')}`)).body.Invoices as { Date: string }[];
		const dates = byDate.map((i) => fromMsDate(i.Date));
		expect(dates).toEqual([...dates].sort((a, b) => b - a));
		const contacts = (await api.get(`/Contacts?order=${q('Name ASC')}`)).body.Contacts as { Name: string }[];
		const names = contacts.map((c) => c.Name.toLowerCase());
		expect(names).toEqual([...names].sort());
	});

	it('returns only documents changed after If-Modified-Since', async () => {
		const all = org().Invoices.all();
		const pivot = all[Math.floor(all.length / 2)];
		const since = new Date(fromMsDate(pivot.UpdatedDateUTC)).toISOString();
		const answer = await api.get('/Invoices?page=1&pageSize=1000', { 'If-Modified-Since': since });
		const expected = all.filter((i) => fromMsDate(i.UpdatedDateUTC) > fromMsDate(pivot.UpdatedDateUTC)).map((i) => i.InvoiceID);
		expect(answer.body.Invoices.map((i: { InvoiceID: string }) => i.InvoiceID)).toEqual(expected);
		expect(expected.length).toBeGreaterThan(0);
		expect(sandbox.log[sandbox.log.length - 1].ifModifiedSince).toBe(since);
	});

	it('moves UpdatedDateUTC on every change, monotonically, and lists the changed document last', async () => {
		const target = org().Invoices.find((i) => i.Status === 'DRAFT')!;
		const before = fromMsDate(target.UpdatedDateUTC);
		const stamps: number[] = [];
		for (let n = 0; n < 3; n++) {
			const answer = await api.post(`/Invoices/${target.InvoiceID}`, { Invoices: [{ Reference: `change ${n}` }] });
			expect(answer.status).toBe(200);
			stamps.push(fromMsDate(answer.body.Invoices[0].UpdatedDateUTC));
		}
		expect(stamps[0]).toBeGreaterThan(before);
		expect(stamps[1]).toBeGreaterThan(stamps[0]);
		expect(stamps[2]).toBeGreaterThan(stamps[1]);
		const since = new Date(stamps[1]).toISOString();
		const changed = await api.get('/Invoices?page=1', { 'If-Modified-Since': since });
		expect(changed.body.Invoices.map((i: { InvoiceID: string }) => i.InvoiceID)).toEqual([target.InvoiceID]);
		const all = org().Invoices.all();
		expect(all[all.length - 1].InvoiceID).toBe(target.InvoiceID);
	});

	it('filters with where: equality, ranges, AND/OR, guid(), DateTime(), booleans and Contains', async () => {
		const o = org();
		const ids = async (path: string) => ((await api.get(path)).body as Record<string, { [k: string]: string }[]>);
		const check = async (where: string, predicate: (i: (typeof o.Invoices extends { all(): (infer T)[] } ? T : never)) => boolean) => {
			const body = await ids(`/Invoices?page=1&pageSize=1000&where=${q(where)}`);
			const got = body.Invoices.map((i) => i.InvoiceID).sort();
			const want = o.Invoices.filter(predicate).map((i) => i.InvoiceID).sort();
			expect(got).toEqual(want);
			return want.length;
		};
		expect(await check('Status=="AUTHORISED"', (i) => i.Status === 'AUTHORISED')).toBeGreaterThan(0);
		expect(await check('Type=="ACCPAY" AND Status!="PAID"', (i) => i.Type === 'ACCPAY' && i.Status !== 'PAID')).toBeGreaterThan(0);
		expect(await check('Status=="DRAFT" OR Status=="SUBMITTED"', (i) => i.Status === 'DRAFT' || i.Status === 'SUBMITTED')).toBeGreaterThan(0);
		const contact = o.Invoices.all()[0].Contact.ContactID;
		expect(await check(`Contact.ContactID==guid("${contact}")`, (i) => i.Contact.ContactID === contact)).toBeGreaterThan(0);
		const mid = new Date(Date.now() - 60 * 86_400_000);
		const dt = `DateTime(${mid.getUTCFullYear()},${String(mid.getUTCMonth() + 1).padStart(2, '0')},${String(mid.getUTCDate()).padStart(2, '0')})`;
		const midMs = Date.UTC(mid.getUTCFullYear(), mid.getUTCMonth(), mid.getUTCDate());
		expect(await check(`Date>=${dt}`, (i) => fromMsDate(i.Date) >= midMs)).toBeGreaterThan(0);
		expect(await check(`Date<${dt} && AmountDue>0`, (i) => fromMsDate(i.Date) < midMs && i.AmountDue > 0)).toBeGreaterThan(0);

		const txs = await ids(`/BankTransactions?page=1&pageSize=1000&where=${q('IsReconciled==false')}`);
		expect(txs.BankTransactions.length).toBe(o.BankTransactions.filter((t) => !t.IsReconciled).length);
		const customer = o.Contacts.find((c) => c.IsCustomer)!;
		const byEmail = await ids(`/Contacts?where=${q(`EmailAddress=="${customer.EmailAddress}"`)}`);
		expect(byEmail.Contacts.map((c) => c.ContactID)).toEqual([customer.ContactID]);
		const byAccount = await ids(`/Contacts?where=${q(`AccountNumber=="${customer.AccountNumber}"`)}`);
		expect(byAccount.Contacts.map((c) => c.ContactID)).toEqual([customer.ContactID]);
		const contains = await ids(`/Contacts?where=${q('Name.Contains("Organic")')}`);
		expect(contains.Contacts.map((c) => c.Name)).toEqual(o.Contacts.filter((c) => c.ContactStatus === 'ACTIVE' && c.Name.toLowerCase().includes('organic')).map((c) => c.Name));
		const accounts = await ids(`/Accounts?where=${q('Code=="200"')}`);
		expect(accounts.Accounts.map((a) => a.Name)).toEqual(['Sales']);
		const items = await ids(`/Items?where=${q('Name.Contains("oats")')}`);
		expect(items.Items.length).toBeGreaterThan(1);
		const bad = await api.get(`/Invoices?where=${q('Status=="AUTHORISED" AND (')}`);
		expect(bad.status).toBe(400);
		expect(bad.body.Type).toBe('QueryParseException');
	});

	it('applies the list filters: IDs, InvoiceNumbers, ContactIDs, Statuses, searchTerm, Status and dates for POs', async () => {
		const o = org();
		const [a, b] = o.Invoices.filter((i) => i.Type === 'ACCREC').slice(0, 2);
		const byIds = await api.get(`/Invoices?page=1&IDs=${a.InvoiceID},${b.InvoiceID}`);
		expect(byIds.body.Invoices.map((i: { InvoiceID: string }) => i.InvoiceID).sort()).toEqual([a.InvoiceID, b.InvoiceID].sort());
		const byNumbers = await api.get(`/Invoices?page=1&InvoiceNumbers=${a.InvoiceNumber}`);
		expect(byNumbers.body.Invoices.map((i: { InvoiceID: string }) => i.InvoiceID)).toEqual([a.InvoiceID]);
		const byContact = await api.get(`/Invoices?page=1&pageSize=1000&ContactIDs=${a.Contact.ContactID}`);
		expect(byContact.body.Invoices).toHaveLength(o.Invoices.filter((i) => i.Contact.ContactID === a.Contact.ContactID).length);
		const byStatus = await api.get('/Invoices?page=1&pageSize=1000&Statuses=PAID,VOIDED');
		expect(byStatus.body.Invoices).toHaveLength(o.Invoices.filter((i) => i.Status === 'PAID' || i.Status === 'VOIDED').length);
		const search = await api.get(`/Invoices?page=1&searchTerm=${a.InvoiceNumber.toLowerCase()}`);
		expect(search.body.Invoices.map((i: { InvoiceID: string }) => i.InvoiceID)).toContain(a.InvoiceID);
		const summary = await api.get('/Invoices?page=1&summaryOnly=true');
		expect(summary.body.Invoices[0].LineItems).toBeUndefined();

		const drafts = await api.get('/PurchaseOrders?Status=DRAFT&page=1&pageSize=1000');
		expect(drafts.body.PurchaseOrders).toHaveLength(o.PurchaseOrders.filter((p) => p.Status === 'DRAFT').length);
		const from = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
		const recent = await api.get(`/PurchaseOrders?DateFrom=${from}&page=1&pageSize=1000`);
		expect(recent.body.PurchaseOrders).toHaveLength(o.PurchaseOrders.filter((p) => fromMsDate(p.Date) >= Date.parse(from)).length);

		const active = await api.get('/Contacts');
		expect(active.body.Contacts.some((c: { ContactStatus: string }) => c.ContactStatus === 'ARCHIVED')).toBe(false);
		const withArchived = await api.get('/Contacts?includeArchived=true');
		expect(withArchived.body.Contacts.some((c: { ContactStatus: string }) => c.ContactStatus === 'ARCHIVED')).toBe(true);
		const contactSearch = await api.get('/Contacts?searchTerm=kauri');
		expect(contactSearch.body.Contacts.map((c: { Name: string }) => c.Name)).toEqual(['Kauri Cafe']);
	});

	it('keeps the two organisations apart', async () => {
		const other = apiClient(sandbox, 1);
		const mine = (await api.get('/Organisation')).body.Organisations[0];
		const theirs = (await other.get('/Organisation')).body.Organisations[0];
		expect(mine.Name).toBe('Green Fields Organic Ltd');
		expect(theirs.Name).toBe('Harbour Trading Co');
		expect(theirs.BaseCurrency).toBe('AUD');
		const invoice = org().Invoices.all()[0];
		expect((await other.get(`/Invoices/${invoice.InvoiceID}`)).status).toBe(404);
	});

	it('generates organisations in linear time and filters large ones quickly', async () => {
		// CPU time, not wall time: the machine may be busy with other work.
		const cpu = (size: number) => {
			const before = process.cpuUsage();
			seedOrganisations({ seed: 3, size, now: Date.now() });
			const used = process.cpuUsage(before);
			return (used.user + used.system) / 1000;
		};
		cpu(100);
		const small = cpu(600);
		const large = cpu(2400);
		// Four times the documents: about four times the work (quadratic would be sixteen).
		expect(large / small).toBeLessThan(8);
		expect(large).toBeLessThan(10_000);

		const big = await startSandbox({ size: 2500, validateResponses: false });
		try {
			const bigApi = apiClient(big);
			const before = process.cpuUsage();
			const answer = await bigApi.get(`/Invoices?page=2&pageSize=1000&where=${q('Status=="AUTHORISED"')}`);
			const used = process.cpuUsage(before);
			expect(answer.status).toBe(200);
			expect(answer.body.pagination.itemCount).toBeGreaterThan(1000);
			expect(answer.body.Invoices).toHaveLength(Math.min(1000, answer.body.pagination.itemCount - 1000));
			expect((used.user + used.system) / 1000).toBeLessThan(3000);
		} finally {
			await big.close();
		}
	});
});
