import type { IDataObject } from 'n8n-workflow';

import { startXero, type XeroFixture } from '../helpers/xero';
import type { OrganisationData, XeroInvoice } from '../sandbox';

const rl = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Report', () => {
	let xero: XeroFixture;
	let org: OrganisationData;

	beforeAll(async () => {
		xero = await startXero({ size: 30 });
		org = xero.sandbox.store.tenant(xero.tenantId);
	});

	afterAll(async () => {
		expect(xero.sandbox.specViolations).toEqual([]);
		await xero.close();
	});

	beforeEach(() => xero.sandbox.clearLog());

	const reportCall = (name: string) => xero.sandbox.log.find((entry) => entry.path.endsWith(`/Reports/${name}`))!;

	/** The contact with the most outstanding documents of one side. */
	function contactWithOpen(type: 'ACCREC' | 'ACCPAY'): string {
		const counts = new Map<string, number>();
		for (const invoice of org.Invoices.filter((i) => i.Type === type && i.Status === 'AUTHORISED' && i.AmountDue > 0)) {
			counts.set(invoice.Contact.ContactID, (counts.get(invoice.Contact.ContactID) ?? 0) + 1);
		}
		const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
		if (!best) throw new Error(`The sandbox has no open ${type} documents`);
		return best[0];
	}

	function openInvoices(type: 'ACCREC' | 'ACCPAY', contactId: string): XeroInvoice[] {
		return org.Invoices.filter((i) => i.Type === type && i.Contact.ContactID === contactId && i.Status === 'AUTHORISED' && i.AmountDue > 0);
	}

	const round = (n: number) => Math.round(n * 100) / 100;

	it('turns aged receivables for a contact into one row per invoice, matching the sandbox', async () => {
		const contactId = contactWithOpen('ACCREC');
		const expected = openInvoices('ACCREC', contactId);
		const { items, error } = await xero.run({ resource: 'report', operation: 'agedReceivables', contactId: rl(contactId) });
		expect(error).toBeUndefined();
		expect(reportCall('AgedReceivablesByContact').query).toEqual({ contactId });

		const invoiceRows = items.filter((i) => i.json.InvoiceID);
		expect(invoiceRows.map((i) => i.json.InvoiceID).sort()).toEqual(expected.map((i) => i.InvoiceID).sort());
		for (const row of invoiceRows) {
			const invoice = expected.find((i) => i.InvoiceID === row.json.InvoiceID)!;
			expect(row.json).toMatchObject({
				RowType: 'Row',
				Number: invoice.InvoiceNumber,
				Total: invoice.Total,
				Paid: invoice.AmountPaid,
				Credited: invoice.AmountCredited,
				Due: invoice.AmountDue,
			});
			expect(typeof row.json.Due).toBe('number');
			expect(row.json).toHaveProperty('Overdue');
		}
		const total = items.find((i) => i.json.RowType === 'SummaryRow' && i.json.Date === 'Total')!;
		expect(total.json.Due).toBe(round(expected.reduce((sum, i) => sum + i.AmountDue, 0)));
		expect(items.every((i) => (i.pairedItem as { item: number } | undefined)?.item === 0)).toBe(true);
	});

	it('reads aged payables for a supplier as at a date', async () => {
		const contactId = contactWithOpen('ACCPAY');
		const expected = openInvoices('ACCPAY', contactId);
		const { items, error } = await xero.run({
			resource: 'report',
			operation: 'agedPayables',
			contactId: rl(contactId),
			date: '2030-01-31',
			options: { fromDate: '2000-01-01' },
		});
		expect(error).toBeUndefined();
		expect(reportCall('AgedPayablesByContact').query).toEqual({ contactId, date: '2030-01-31', fromDate: '2000-01-01' });
		const rows = items.filter((i) => i.json.InvoiceID);
		expect(rows.map((i) => i.json.InvoiceID).sort()).toEqual(expected.map((i) => i.InvoiceID).sort());
		for (const row of rows) expect(row.json.Overdue).toMatch(/days overdue/);
	});

	it('requires the contact for an aged report', async () => {
		// An expression that resolves to nothing gets past n8n's own required-parameter check.
		const { error } = await xero.run({ resource: 'report', operation: 'agedReceivables', contactId: rl('={{ $json.contact }}') }, [{ contact: '' }]);
		expect(error?.message).toMatch(/Contact.*required/);
		expect(xero.sandbox.log).toHaveLength(0);
	});

	it('returns profit and loss rows with sections, accounts and numbers', async () => {
		const raw = await xero.run({ resource: 'report', operation: 'profitAndLoss', fromDate: '2000-01-01', toDate: '2100-12-31', output: 'raw' });
		expect(raw.error).toBeUndefined();
		expect(raw.items).toHaveLength(1);
		expect(raw.items[0].json.ReportType).toBe('ProfitAndLoss');
		const period = ((raw.items[0].json.Rows as IDataObject[])[0].Cells as IDataObject[])[1].Value as string;

		const { items, error } = await xero.run({ resource: 'report', operation: 'profitAndLoss', fromDate: '2000-01-01', toDate: '2100-12-31' });
		expect(error).toBeUndefined();
		expect(reportCall('ProfitAndLoss').query).toEqual({ fromDate: '2000-01-01', toDate: '2100-12-31' });
		const accountRows = items.filter((i) => i.json.AccountID);
		expect(accountRows.length).toBeGreaterThan(0);
		for (const row of accountRows) {
			const account = org.Accounts.get(String(row.json.AccountID))!;
			expect(row.json).toMatchObject({ Account: account.Name, AccountName: account.Name, RowType: 'Row' });
			expect(typeof row.json[period]).toBe('number');
		}
		const income = items.filter((i) => i.json.Section === 'Income' && i.json.RowType === 'Row');
		const totalIncome = items.find((i) => i.json.Account === 'Total Income')!;
		expect(totalIncome.json.Section).toBe('Income');
		expect(totalIncome.json[period]).toBeCloseTo(income.reduce((sum, i) => sum + Number(i.json[period]), 0), 2);
		expect(items.find((i) => i.json.Account === 'Net Profit')).toBeDefined();
	});

	it('passes periods and timeframe for a compared profit and loss', async () => {
		const { error } = await xero.run({
			resource: 'report',
			operation: 'profitAndLoss',
			fromDate: '2026-01-01',
			toDate: '2026-01-31',
			options: { periods: 3, timeframe: 'MONTH', paymentsOnly: true },
		});
		expect(error).toBeUndefined();
		expect(reportCall('ProfitAndLoss').query).toEqual({ fromDate: '2026-01-01', toDate: '2026-01-31', periods: '3', timeframe: 'MONTH', paymentsOnly: 'true' });
		const bad = await xero.run({ resource: 'report', operation: 'profitAndLoss', fromDate: '2026-02-01', toDate: '2026-01-01' });
		expect(bad.error?.message).toMatch(/To Date.*before From Date/);
	});

	it('returns the balance sheet at a date', async () => {
		const { items, error } = await xero.run({ resource: 'report', operation: 'balanceSheet', date: '2030-06-30' });
		expect(error).toBeUndefined();
		expect(reportCall('BalanceSheet').query).toEqual({ date: '2030-06-30' });
		const bank = items.filter((i) => i.json.Section === 'Bank' && i.json.RowType === 'Row');
		for (const row of bank) expect(org.Accounts.get(String(row.json.AccountID))!.Type).toBe('BANK');
		const amount = (label: string) => {
			const row = items.find((i) => i.json.Account === label)!.json;
			const column = Object.keys(row).find((key) => !['Section', 'RowType', 'Account'].includes(key))!;
			return row[column] as number;
		};
		expect(typeof amount('Total Assets')).toBe('number');
		expect(amount('Total Assets')).toBeCloseTo(amount('Total Bank') + amount('Total Current Assets') + amount('Total Fixed Assets'), 2);
		expect(amount('Total Bank')).toBeCloseTo(bank.reduce((sum, i) => sum + Number(Object.values(i.json).find((v) => typeof v === 'number')), 0), 2);
	});

	it('returns the bank summary, one row per bank account', async () => {
		const { items, error } = await xero.run({ resource: 'report', operation: 'bankSummary', fromDate: '2000-01-01', toDate: '2100-12-31' });
		expect(error).toBeUndefined();
		expect(reportCall('BankSummary').query).toEqual({ fromDate: '2000-01-01', toDate: '2100-12-31' });
		const rows = items.filter((i) => i.json.RowType === 'Row');
		expect(rows.map((i) => i.json.AccountID).sort()).toEqual(org.Accounts.filter((a) => a.Type === 'BANK').map((a) => a.AccountID).sort());
		for (const { json } of rows) {
			expect(json['Bank Accounts']).toBe(json.AccountName);
			expect(json['Closing Balance']).toBeCloseTo(Number(json['Opening Balance']) + Number(json['Cash Received']) - Number(json['Cash Spent']), 2);
		}
	});

	it('returns the trial balance with account codes and balanced totals', async () => {
		const { items, error } = await xero.run({ resource: 'report', operation: 'trialBalance', date: '2030-06-30' });
		expect(error).toBeUndefined();
		expect(reportCall('TrialBalance').query).toEqual({ date: '2030-06-30' });
		const rows = items.filter((i) => i.json.RowType === 'Row');
		expect(rows.length).toBeGreaterThan(0);
		for (const { json } of rows) {
			const account = org.Accounts.get(String(json.AccountID))!;
			expect(json).toMatchObject({ AccountName: account.Name, AccountCode: account.Code, Account: `${account.Name} (${account.Code})` });
		}
		const debit = rows.reduce((sum, i) => sum + (Number(i.json.Debit) || 0), 0);
		const credit = rows.reduce((sum, i) => sum + (Number(i.json.Credit) || 0), 0);
		const total = items.find((i) => i.json.Account === 'Total')!;
		expect(total.json.Debit).toBeCloseTo(debit, 2);
		expect(total.json.Credit).toBeCloseTo(credit, 2);
		expect(total.json.Debit).toBeCloseTo(Number(total.json.Credit), 2);
	});
});
