import { startSandbox, type XeroSandbox } from './index';
import { apiClient, type Answer, type ApiClient } from './test-helpers';

describe('Xero sandbox: validation against the OpenAPI spec', () => {
	let sandbox: XeroSandbox;
	let api: ApiClient;

	beforeAll(async () => {
		sandbox = await startSandbox();
		api = apiClient(sandbox);
	});
	afterAll(() => sandbox.close());

	const requestViolations = () => sandbox.specViolations.filter((v) => v.direction === 'request');

	function expectRejected(answer: Answer, path: RegExp): void {
		expect(answer.status).toBe(400);
		expect(answer.body).toEqual(expect.objectContaining({ ErrorNumber: expect.any(Number), Type: expect.any(String), Message: expect.any(String) }));
		const last = requestViolations().pop();
		expect(last?.errors.map((e) => e.path).join(' ')).toMatch(path);
	}

	beforeEach(() => {
		sandbox.specViolations.length = 0;
	});

	it('rejects an invoice Type outside the enum, and writes nothing', async () => {
		const before = sandbox.store.tenant(api.tenantId).Invoices.size;
		const answer = await api.put('/Invoices', { Invoices: [{ Type: 'BOGUS', Contact: { Name: 'Someone' }, LineItems: [] }] });
		expectRejected(answer, /Invoices\/0\/Type/);
		expect(answer.body.Type).toBe('PostDataInvalidException');
		expect(sandbox.store.tenant(api.tenantId).Invoices.size).toBe(before);
	});

	it('rejects Invoices that is not an array', async () => {
		expectRejected(await api.put('/Invoices', { Invoices: { Type: 'ACCREC' } }), /requestBody\/Invoices/);
	});

	it('rejects page=abc and malformed IDs', async () => {
		expectRejected(await api.get('/Invoices?page=abc'), /query\/page/);
		expectRejected(await api.get('/Invoices?IDs=not-a-guid'), /query\/IDs/);
	});

	it('rejects query parameters the endpoint does not define', async () => {
		expectRejected(await api.get('/PurchaseOrders?where=Status%3D%3D%22DRAFT%22'), /query/);
	});

	it('rejects invalid JSON', async () => {
		const answer = await api.call('PUT', '/Contacts', { raw: '{"Contacts": [', headers: { 'content-type': 'application/json' } });
		expect(answer.status).toBe(400);
		expect(answer.body.Type).toBe('PostDataInvalidException');
		expect(requestViolations()).toHaveLength(1);
	});

	it('records a request without xero-tenant-id as a violation (and answers 403 like Xero)', async () => {
		const answer = await api.get('/Invoices', { 'xero-tenant-id': '' });
		expect(answer.status).toBe(403);
		expect(requestViolations()).toEqual([expect.objectContaining({ errors: [expect.objectContaining({ path: '/header/xero-tenant-id' })] })]);
	});

	it('records response violations instead of hiding them', async () => {
		// A document whose stored shape breaks the spec must show up, not be silently served.
		const org = sandbox.store.tenant(api.tenantId);
		const item = org.Items.all()[0];
		const original = item.IsSold;
		(item as Record<string, unknown>).IsSold = 'yes';
		try {
			expect((await api.get('/Items')).status).toBe(200);
			expect(sandbox.specViolations).toEqual([expect.objectContaining({ direction: 'response', operationId: 'getItems' })]);
		} finally {
			item.IsSold = original;
		}
	});

	it('serves every implemented endpoint with responses that validate', async () => {
		const org = sandbox.store.tenant(api.tenantId);
		const invoice = org.Invoices.find((i) => i.Type === 'ACCREC' && i.Status === 'AUTHORISED' && i.AmountDue > 0)!;
		const bill = org.Invoices.find((i) => i.Type === 'ACCPAY')!;
		const contact = org.Contacts.find((c) => c.IsCustomer)!;
		const po = org.PurchaseOrders.all()[0];
		const note = sandbox.store.create(api.tenantId, 'CreditNotes', {
			Type: 'ACCRECCREDIT',
			Status: 'AUTHORISED',
			Contact: { ContactID: invoice.Contact.ContactID },
			LineItems: [{ Description: 'Credit', Quantity: 1, UnitAmount: 10, AccountCode: '200' }],
		}) as { CreditNoteID: string };
		const tx = org.BankTransactions.all()[0];
		const payment = org.Payments.find((p) => !p.IsReconciled && p.Status === 'AUTHORISED')!;
		const account = org.Accounts.all()[0];
		const category = org.TrackingCategories.all()[0];
		const theme = org.BrandingThemes.all()[0];
		const item = org.Items.all()[0];
		const calls: [string, string, unknown?, number?][] = [
			['GET', '/Invoices'],
			['GET', '/Invoices?page=1&pageSize=5&order=Date%20DESC&where=Type%3D%3D%22ACCREC%22'],
			['GET', '/Invoices?page=1&summaryOnly=true'],
			['GET', `/Invoices/${invoice.InvoiceID}`],
			['GET', `/Invoices/${invoice.InvoiceID}/OnlineInvoice`],
			['GET', `/Invoices/${invoice.InvoiceID}/Attachments`],
			['PUT', '/Invoices', { Invoices: [{ Type: 'ACCREC', Contact: { ContactID: contact.ContactID }, LineItems: [{ Description: 'Oats', Quantity: 2, UnitAmount: 5, AccountCode: '200', TaxType: 'OUTPUT' }], Date: '2026-01-05', Status: 'AUTHORISED' }] }],
			['POST', '/Invoices', { Invoices: [{ InvoiceID: bill.InvoiceID, Reference: 'checked' }] }],
			['POST', `/Invoices/${invoice.InvoiceID}`, { Invoices: [{ Reference: 'Updated' }] }],
			['PUT', '/Invoices?summarizeErrors=false', { Invoices: [{ Type: 'ACCREC', Contact: { ContactID: '00000000-0000-4000-8000-000000000000' }, LineItems: [] }] }],
			['PUT', '/Invoices', { Invoices: [{ Type: 'ACCREC', Contact: { ContactID: '00000000-0000-4000-8000-000000000000' }, LineItems: [] }] }, 400],
			['GET', '/Contacts'],
			['GET', '/Contacts?page=1&searchTerm=a&includeArchived=true'],
			['GET', `/Contacts/${contact.ContactID}`],
			['PUT', '/Contacts', { Contacts: [{ Name: 'Validation Test Ltd', EmailAddress: 'v@test.example' }] }],
			['POST', `/Contacts/${contact.ContactID}`, { Contacts: [{ Website: undefined, FirstName: 'Ann' }] }],
			['POST', '/Contacts?summarizeErrors=false', { Contacts: [{ Name: '' }, { Name: 'Another Validation Ltd' }] }],
			['GET', '/Items'],
			['GET', `/Items/${item.ItemID}`],
			['PUT', '/Items', { Items: [{ Code: 'VAL-ITEM', Name: 'Validation item', SalesDetails: { UnitPrice: 3, AccountCode: '200' } }] }],
			['POST', `/Items/${item.ItemID}`, { Items: [{ Code: item.Code, Description: 'Changed' }] }],
			['GET', '/PurchaseOrders'],
			['GET', '/PurchaseOrders?Status=DRAFT&DateFrom=2020-01-01&DateTo=2099-01-01&page=1'],
			['GET', `/PurchaseOrders/${po.PurchaseOrderID}`],
			['GET', `/PurchaseOrders/${po.PurchaseOrderNumber}`],
			['PUT', '/PurchaseOrders', { PurchaseOrders: [{ Contact: { ContactID: po.Contact.ContactID }, LineItems: [{ Description: 'Sacks', Quantity: 1, UnitAmount: 9.1234 }] }] }],
			['POST', `/PurchaseOrders/${po.PurchaseOrderID}`, { PurchaseOrders: [{ Reference: 'Ref' }] }],
			['GET', '/CreditNotes'],
			['GET', '/CreditNotes?page=1'],
			['GET', `/CreditNotes/${note.CreditNoteID}`],
			['PUT', '/CreditNotes', { CreditNotes: [{ Type: 'ACCRECCREDIT', Contact: { ContactID: contact.ContactID }, LineItems: [{ Description: 'Refund', Quantity: 1, UnitAmount: 4, AccountCode: '200' }] }] }],
			['POST', `/CreditNotes/${note.CreditNoteID}`, { CreditNotes: [{ Reference: 'x' }] }],
			['PUT', `/CreditNotes/${note.CreditNoteID}/Allocations`, { Allocations: [{ Invoice: { InvoiceID: invoice.InvoiceID }, Amount: 0.01, Date: '2026-01-06' }] }],
			['GET', '/Payments'],
			['GET', '/Payments?page=1'],
			['GET', `/Payments/${payment.PaymentID}`],
			['PUT', '/Payments', { Payments: [{ Invoice: { InvoiceID: invoice.InvoiceID }, Account: { Code: '090' }, Amount: 1, Date: '2026-01-07' }] }],
			['POST', `/Payments/${payment.PaymentID}`, { Status: 'DELETED' }],
			['GET', '/BankTransactions'],
			['GET', '/BankTransactions?page=1&where=IsReconciled%3D%3Dfalse'],
			['GET', `/BankTransactions/${tx.BankTransactionID}`],
			['PUT', '/BankTransactions', { BankTransactions: [{ Type: 'SPEND', Contact: { ContactID: contact.ContactID }, BankAccount: { Code: '090' }, LineItems: [{ Description: 'Fees', Quantity: 1, UnitAmount: 3, AccountCode: '404' }] }] }],
			['POST', `/BankTransactions/${tx.BankTransactionID}`, { BankTransactions: [{ Type: tx.Type, BankAccount: { Code: '090' }, LineItems: tx.LineItems, IsReconciled: true }] }],
			['GET', '/Accounts'],
			['GET', `/Accounts/${account.AccountID}`],
			['GET', '/TaxRates'],
			['GET', '/TaxRates/OUTPUT'],
			['GET', '/Currencies'],
			['GET', '/TrackingCategories'],
			['GET', `/TrackingCategories/${category.TrackingCategoryID}`],
			['GET', '/BrandingThemes'],
			['GET', `/BrandingThemes/${theme.BrandingThemeID}`],
			['GET', '/Organisation'],
			['GET', `/Reports/AgedReceivablesByContact?contactId=${contact.ContactID}`],
			['GET', `/Reports/AgedPayablesByContact?contactId=${bill.Contact.ContactID}&date=2030-01-01`],
			['GET', '/Reports/ProfitAndLoss?fromDate=2020-01-01&toDate=2030-12-31'],
			['GET', '/Reports/BalanceSheet'],
			['GET', '/Reports/BankSummary'],
			['GET', '/Reports/TrialBalance'],
		];
		for (const [method, path, body, expected = 200] of calls) {
			const answer = await api.call(method, path, { body });
			expect({ method, path, status: answer.status }).toEqual({ method, path, status: expected });
		}
		expect(sandbox.specViolations.filter((v) => v.direction === 'response')).toEqual([]);
		expect(requestViolations()).toEqual([]);
	});
});
