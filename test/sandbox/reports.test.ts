import { startSandbox, type XeroSandbox } from './index';
import { fromMsDate, round2 } from './xero-format';
import { apiClient, type ApiClient } from './test-helpers';

type Row = { RowType: string; Title?: string; Cells?: { Value: string; Attributes?: { Id: string; Value: string }[] }[]; Rows?: Row[] };

function rows(report: { Rows: Row[] }): Row[] {
	return report.Rows.flatMap((r) => (r.RowType === 'Section' ? (r.Rows ?? []) : [r]));
}

function value(report: { Rows: Row[] }, label: string, column = 1): number {
	const row = rows(report).find((r) => r.Cells?.[0].Value === label);
	if (!row) throw new Error(`No row ${label}`);
	return Number(row.Cells![column].Value);
}

describe('Xero sandbox: reports computed from the data', () => {
	let sandbox: XeroSandbox;
	let api: ApiClient;

	beforeAll(async () => {
		sandbox = await startSandbox({ size: 40 });
		api = apiClient(sandbox);
	});
	afterAll(() => sandbox.close());
	afterEach(() => {
		const violations = [...sandbox.specViolations];
		sandbox.specViolations.length = 0;
		expect(violations).toEqual([]);
	});

	const org = () => sandbox.store.tenant(api.tenantId);
	const report = async (path: string) => {
		const answer = await api.get(`/Reports/${path}`);
		expect(answer.status).toBe(200);
		return answer.body.Reports[0];
	};

	it('ProfitAndLoss sums approved sales and purchases in the period', async () => {
		const from = '2000-01-01';
		const to = '2100-12-31';
		const pl = await report(`ProfitAndLoss?fromDate=${from}&toDate=${to}`);
		expect(pl.ReportID).toBe('ProfitAndLoss');
		expect(pl.ReportTitles).toEqual(['Profit & Loss', 'Green Fields Organic Ltd', '1 January 2000 to 31 December 2100']);
		let sales = 0;
		for (const inv of org().Invoices.values()) {
			if (inv.Type !== 'ACCREC' || !['AUTHORISED', 'PAID'].includes(inv.Status)) continue;
			for (const l of inv.LineItems) if (l.AccountCode === '200') sales += inv.LineAmountTypes === 'Inclusive' ? l.LineAmount - l.TaxAmount : l.LineAmount;
		}
		for (const note of org().CreditNotes.values()) {
			if (note.Type !== 'ACCRECCREDIT' || !['AUTHORISED', 'PAID'].includes(note.Status)) continue;
			for (const l of note.LineItems) if (l.AccountCode === '200') sales -= l.LineAmount;
		}
		expect(value(pl, 'Sales')).toBeCloseTo(sales, 2);
		expect(value(pl, 'Gross Profit')).toBeCloseTo(value(pl, 'Total Income') - value(pl, 'Total Cost of Sales'), 2);
		expect(value(pl, 'Net Profit')).toBeCloseTo(value(pl, 'Gross Profit') - value(pl, 'Total Operating Expenses'), 2);

		// A new approved invoice moves the report by exactly its net amount.
		const contact = org().Contacts.find((c) => c.IsCustomer)!;
		sandbox.store.create(api.tenantId, 'Invoices', { Type: 'ACCREC', Status: 'AUTHORISED', Contact: { ContactID: contact.ContactID }, Date: '2050-06-01', LineItems: [{ Description: 'x', Quantity: 1, UnitAmount: 1000, AccountCode: '200' }] });
		const after = await report(`ProfitAndLoss?fromDate=${from}&toDate=${to}`);
		expect(round2(value(after, 'Sales') - value(pl, 'Sales'))).toBe(1000);
		const june = await report('ProfitAndLoss?fromDate=2050-06-01&toDate=2050-06-30');
		expect(value(june, 'Sales')).toBe(1000);
	});

	it('TrialBalance balances and BalanceSheet equity equals net assets', async () => {
		const tb = await report('TrialBalance');
		const totals = rows(tb).find((r) => r.RowType === 'SummaryRow' && r.Cells?.[0].Value === 'Total')!;
		expect(Number(totals.Cells![1].Value)).toBeCloseTo(Number(totals.Cells![2].Value), 2);
		expect(Number(totals.Cells![1].Value)).toBeGreaterThan(0);
		const ar = rows(tb).find((r) => r.Cells?.[0].Value === 'Accounts Receivable (610)')!;
		// As at today: the invoice dated 2050 above is not in it yet.
		const outstanding = org().Invoices.filter((i) => i.Type === 'ACCREC' && i.Status === 'AUTHORISED' && fromMsDate(i.Date) <= Date.now()).reduce((s, i) => s + i.AmountDue, 0);
		const credits = org().CreditNotes.filter((c) => c.Type === 'ACCRECCREDIT' && c.Status === 'AUTHORISED').reduce((s, c) => s + c.RemainingCredit, 0);
		expect(Number(ar.Cells![1].Value || 0) - Number(ar.Cells![2].Value || 0)).toBeCloseTo(outstanding - credits, 2);
		expect(ar.Cells![0].Attributes).toEqual([{ Id: 'account', Value: org().accountByCode('610')!.AccountID }]);

		const bs = await report('BalanceSheet');
		expect(value(bs, 'Net Assets')).toBeCloseTo(value(bs, 'Total Equity'), 2);
		expect(value(bs, 'Total Assets')).toBeGreaterThan(0);
	});

	it('BankSummary moves with a payment', async () => {
		const to = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
		const before = await report(`BankSummary?fromDate=2000-01-01&toDate=${to}`);
		const bank = value(before, 'Business Bank Account', 4);
		expect(bank).toBeCloseTo(value(before, 'Business Bank Account', 1) + value(before, 'Business Bank Account', 2) - value(before, 'Business Bank Account', 3), 2);
		const invoice = org().Invoices.find((i) => i.Type === 'ACCREC' && i.Status === 'AUTHORISED' && i.AmountDue > 5)!;
		const paid = await api.put('/Payments', { Payments: [{ Invoice: { InvoiceID: invoice.InvoiceID }, Account: { Code: '090' }, Amount: 5, Date: new Date().toISOString().slice(0, 10) }] });
		expect(paid.status).toBe(200);
		const after = await report(`BankSummary?fromDate=2000-01-01&toDate=${to}`);
		expect(round2(value(after, 'Business Bank Account', 4) - bank)).toBe(5);
	});

	it('AgedReceivablesByContact lists the contact’s outstanding invoices', async () => {
		const invoices = org().Invoices.filter((i) => i.Type === 'ACCREC' && i.Status === 'AUTHORISED' && i.AmountDue > 0);
		const contactId = invoices[0].Contact.ContactID;
		const mine = invoices.filter((i) => i.Contact.ContactID === contactId).sort((a, b) => fromMsDate(a.Date) - fromMsDate(b.Date));
		const aged = await report(`AgedReceivablesByContact?contactId=${contactId}`);
		expect(aged.ReportTitles[1]).toBe(org().Contacts.get(contactId)!.Name);
		const invoiceRows = rows(aged).filter((r) => r.RowType === 'Row' && r.Cells![0].Attributes);
		expect(invoiceRows.map((r) => r.Cells![1].Value)).toEqual(mine.map((i) => i.InvoiceNumber));
		expect(invoiceRows[0].Cells![0].Attributes).toEqual([{ Value: mine[0].InvoiceID, Id: 'invoiceID' }]);
		const closing = rows(aged).find((r) => r.Cells?.[0].Value === 'Closing Balance')!;
		expect(Number(closing.Cells![7].Value)).toBeCloseTo(mine.reduce((s, i) => s + i.AmountDue, 0), 2);
		const bills = org().Invoices.filter((i) => i.Type === 'ACCPAY' && i.Status === 'AUTHORISED' && i.AmountDue > 0);
		const payables = await report(`AgedPayablesByContact?contactId=${bills[0].Contact.ContactID}`);
		expect(payables.ReportType).toBe('AgedPayablesByContact');
		expect(rows(payables).some((r) => r.Cells?.[1]?.Value === bills[0].InvoiceNumber)).toBe(true);
	});
});
