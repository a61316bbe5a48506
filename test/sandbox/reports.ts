import { randomUUID } from 'crypto';
import { XeroValidationError, type Engine } from './engine';
import { balances, financialYearStart, postings, type Posting } from './ledger';
import { queryValue, type Query } from './listing';
import type { OrganisationData } from './store';
import type { Json, XeroAccount, XeroInvoice } from './types';
import { DAY_MS, amountText, dateString, fromMsDate, longDate, msDate, parseRequestDate, round2, shortDate, startOfDay } from './xero-format';

// Reports in Xero's Reports → Rows (Header, Section, Row, SummaryRow) → Cells shape,
// computed from the organisation's documents through the ledger.

type Cell = { Value: string; Attributes?: { Id: string; Value: string }[] };
type Row = { RowType: 'Header' | 'Section' | 'Row' | 'SummaryRow'; Title?: string; Cells?: Cell[]; Rows?: Row[] };

const cell = (value: string, accountId?: string, id = 'account'): Cell =>
	accountId ? { Value: value, Attributes: [{ Value: accountId, Id: id }] } : { Value: value };
const header = (...values: string[]): Row => ({ RowType: 'Header', Cells: values.map((v) => cell(v)) });
const section = (title: string, rows: Row[]): Row => ({ RowType: 'Section', Title: title, Rows: rows });
const summary = (...values: string[]): Row => ({ RowType: 'SummaryRow', Cells: values.map((v) => cell(v)) });

function dateParam(query: Query, name: string, fallback: number): number {
	const raw = queryValue(query, name);
	if (raw === undefined || raw === '') return fallback;
	const ms = parseRequestDate(raw);
	if (Number.isNaN(ms)) throw new XeroValidationError(`${name} '${raw}' is not a valid date`);
	return ms;
}

function monthStart(ms: number): number {
	const d = new Date(ms);
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function monthEnd(ms: number): number {
	const d = new Date(ms);
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0);
}

function wrap(engine: Engine, id: string, name: string, titles: string[], rows: Row[]): Json {
	const now = engine.now();
	return {
		ReportID: id,
		ReportName: name,
		ReportType: id,
		ReportTitles: titles,
		ReportDate: longDate(now),
		UpdatedDateUTC: msDate(now),
		Fields: [],
		Rows: rows,
	};
}

function accountsOf(org: OrganisationData, types: string[]): XeroAccount[] {
	return org.Accounts.filter((a) => types.includes(a.Type)).sort((a, b) => (a.Code ?? '').localeCompare(b.Code ?? ''));
}

const INCOME = ['REVENUE', 'SALES'];
const OTHER_INCOME = ['OTHERINCOME'];
const DIRECT = ['DIRECTCOSTS'];
const EXPENSES = ['EXPENSE', 'OVERHEADS', 'DEPRECIATN'];

/** Income minus costs over the period (credit-positive). */
function netProfit(org: OrganisationData, sums: Map<string, number>): number {
	let total = 0;
	for (const a of org.Accounts.values()) {
		if ([...INCOME, ...OTHER_INCOME, ...DIRECT, ...EXPENSES].includes(a.Type)) total -= sums.get(a.Code ?? '') ?? 0;
	}
	return round2(total);
}

function accountRows(org: OrganisationData, types: string[], sums: Map<string, number>, sign: 1 | -1): { rows: Row[]; total: number } {
	const rows: Row[] = [];
	let total = 0;
	for (const a of accountsOf(org, types)) {
		const value = round2(sign * (sums.get(a.Code ?? '') ?? 0));
		if (value === 0) continue;
		total += value;
		rows.push({ RowType: 'Row', Cells: [cell(a.Name, a.AccountID), cell(amountText(value), a.AccountID)] });
	}
	return { rows, total: round2(total) };
}

export function profitAndLoss(engine: Engine, org: OrganisationData, query: Query): Json {
	const today = startOfDay(engine.now());
	const from = dateParam(query, 'fromDate', monthStart(today));
	const to = dateParam(query, 'toDate', monthEnd(today));
	const sums = balances(postings(org), from, to);
	const income = accountRows(org, INCOME, sums, -1);
	const direct = accountRows(org, DIRECT, sums, 1);
	const expenses = accountRows(org, EXPENSES, sums, 1);
	const other = accountRows(org, OTHER_INCOME, sums, -1);
	const gross = round2(income.total - direct.total);
	const rows: Row[] = [
		header('', shortDate(to)),
		section('Income', [...income.rows, summary('Total Income', amountText(income.total))]),
		section('Less Cost of Sales', [...direct.rows, summary('Total Cost of Sales', amountText(direct.total))]),
		section('', [{ RowType: 'Row', Cells: [cell('Gross Profit'), cell(amountText(gross))] }]),
	];
	if (other.rows.length) rows.push(section('Plus Other Income', [...other.rows, summary('Total Other Income', amountText(other.total))]));
	rows.push(section('Less Operating Expenses', [...expenses.rows, summary('Total Operating Expenses', amountText(expenses.total))]));
	rows.push(section('', [{ RowType: 'Row', Cells: [cell('Net Profit'), cell(amountText(netProfit(org, sums)))] }]));
	return wrap(engine, 'ProfitAndLoss', 'Profit and Loss', ['Profit & Loss', org.tenantName, `${longDate(from)} to ${longDate(to)}`], rows);
}

export function balanceSheet(engine: Engine, org: OrganisationData, query: Query): Json {
	const date = dateParam(query, 'date', monthEnd(startOfDay(engine.now())));
	const all = postings(org);
	const sums = balances(all, undefined, date);
	const o = org.Organisation;
	const yearStart = financialYearStart(date, Number(o.FinancialYearEndMonth ?? 3), Number(o.FinancialYearEndDay ?? 31));
	const currentYear = netProfit(org, balances(all, yearStart, date));
	const priorYears = netProfit(org, balances(all, undefined, yearStart - 1));
	const bank = accountRows(org, ['BANK'], sums, 1);
	const current = accountRows(org, ['CURRENT', 'INVENTORY', 'PREPAYMENT'], sums, 1);
	const fixed = accountRows(org, ['FIXED', 'NONCURRENT'], sums, 1);
	const currentLiab = accountRows(org, ['CURRLIAB', 'PAYG'], sums, -1);
	const longLiab = accountRows(org, ['TERMLIAB', 'LIABILITY'], sums, -1);
	const equity = accountRows(org, ['EQUITY'], sums, -1);
	const retainedRow = equity.rows.find((r) => r.Cells?.[0].Value === 'Retained Earnings');
	const equityRows = [
		{ RowType: 'Row' as const, Cells: [cell('Current Year Earnings'), cell(amountText(currentYear))] },
		...equity.rows.filter((r) => r !== retainedRow),
		{ RowType: 'Row' as const, Cells: [cell('Retained Earnings'), cell(amountText(round2(priorYears + (retainedRow ? Number(retainedRow.Cells![1].Value) : 0))))] },
	];
	const totalAssets = round2(bank.total + current.total + fixed.total);
	const totalLiabilities = round2(currentLiab.total + longLiab.total);
	const totalEquity = round2(equity.total + currentYear + priorYears);
	const rows: Row[] = [
		header('', shortDate(date)),
		section('Assets', []),
		section('Bank', [...bank.rows, summary('Total Bank', amountText(bank.total))]),
		section('Current Assets', [...current.rows, summary('Total Current Assets', amountText(current.total))]),
		section('Fixed Assets', [...fixed.rows, summary('Total Fixed Assets', amountText(fixed.total))]),
		section('', [summary('Total Assets', amountText(totalAssets))]),
		section('Liabilities', []),
		section('Current Liabilities', [...currentLiab.rows, summary('Total Current Liabilities', amountText(currentLiab.total))]),
		section('Non-current Liabilities', [...longLiab.rows, summary('Total Non-current Liabilities', amountText(longLiab.total))]),
		section('', [summary('Total Liabilities', amountText(totalLiabilities))]),
		section('', [{ RowType: 'Row', Cells: [cell('Net Assets'), cell(amountText(totalAssets - totalLiabilities))] }]),
		section('Equity', [...equityRows, summary('Total Equity', amountText(totalEquity))]),
	];
	return wrap(engine, 'BalanceSheet', 'Balance Sheet', ['Balance Sheet', org.tenantName, `As at ${longDate(date)}`], rows);
}

export function trialBalance(engine: Engine, org: OrganisationData, query: Query): Json {
	const date = dateParam(query, 'date', startOfDay(engine.now()));
	const all = postings(org);
	const o = org.Organisation;
	const yearStart = financialYearStart(date, Number(o.FinancialYearEndMonth ?? 3), Number(o.FinancialYearEndDay ?? 31));
	const sums = balances(all, undefined, date);
	const ytd = balances(all, yearStart, date);
	// Profit and loss of earlier years sits in retained earnings.
	const prior = -netProfit(org, balances(all, undefined, yearStart - 1));
	const groups: [string, string[]][] = [
		['Revenue', [...INCOME, ...OTHER_INCOME]],
		['Expenses', [...DIRECT, ...EXPENSES]],
		['Assets', ['BANK', 'CURRENT', 'INVENTORY', 'PREPAYMENT', 'FIXED', 'NONCURRENT']],
		['Liabilities', ['CURRLIAB', 'PAYG', 'TERMLIAB', 'LIABILITY']],
		['Equity', ['EQUITY']],
	];
	let debit = 0;
	let credit = 0;
	const rows: Row[] = [header('Account', 'Debit', 'Credit', 'YTD Debit', 'YTD Credit')];
	for (const [title, types] of groups) {
		const sectionRows: Row[] = [];
		for (const a of accountsOf(org, types)) {
			const isPl = title === 'Revenue' || title === 'Expenses';
			let value = isPl ? (ytd.get(a.Code ?? '') ?? 0) : (sums.get(a.Code ?? '') ?? 0);
			if (a.SystemAccount === 'RETAINEDEARNINGS') value = round2(value + prior);
			if (value === 0) continue;
			const dr = value > 0 ? amountText(value) : '';
			const cr = value < 0 ? amountText(-value) : '';
			if (value > 0) debit += value;
			else credit -= value;
			const label = `${a.Name} (${a.Code})`;
			sectionRows.push({ RowType: 'Row', Cells: [cell(label, a.AccountID), cell(dr, a.AccountID), cell(cr, a.AccountID), cell(dr, a.AccountID), cell(cr, a.AccountID)] });
		}
		rows.push(section(title, sectionRows));
	}
	rows.push(section('', [summary('Total', amountText(debit), amountText(credit), amountText(debit), amountText(credit))]));
	return wrap(engine, 'TrialBalance', 'Trial Balance', ['Trial Balance', org.tenantName, `As at ${longDate(date)}`], rows);
}

export function bankSummary(engine: Engine, org: OrganisationData, query: Query): Json {
	const today = startOfDay(engine.now());
	const from = dateParam(query, 'fromDate', monthStart(today));
	const to = dateParam(query, 'toDate', monthEnd(today));
	const all: Posting[] = postings(org);
	const rows: Row[] = [header('Bank Accounts', 'Opening Balance', 'Cash Received', 'Cash Spent', 'Closing Balance')];
	const totals = [0, 0, 0, 0];
	const accountRowsOut: Row[] = [];
	for (const a of accountsOf(org, ['BANK'])) {
		let opening = 0;
		let received = 0;
		let spent = 0;
		for (const p of all) {
			if (p.code !== a.Code || p.date > to) continue;
			if (p.date < from) opening += p.amount;
			else if (p.amount > 0) received += p.amount;
			else spent -= p.amount;
		}
		const values = [opening, received, spent, opening + received - spent].map(round2);
		values.forEach((v, i) => (totals[i] += v));
		accountRowsOut.push({ RowType: 'Row', Cells: [cell(a.Name, a.AccountID), ...values.map((v) => cell(amountText(v), a.AccountID))] });
	}
	rows.push(section('', [...accountRowsOut, summary('Total', ...totals.map((v) => amountText(v)))]));
	return wrap(engine, 'BankSummary', 'Bank Summary', ['Bank Summary', org.tenantName, `From ${longDate(from)} to ${longDate(to)}`], rows);
}

/** AgedReceivablesByContact / AgedPayablesByContact for one contact. */
export function agedByContact(engine: Engine, org: OrganisationData, query: Query, side: 'ACCREC' | 'ACCPAY'): Json {
	const contactId = queryValue(query, 'contactId') ?? queryValue(query, 'ContactID') ?? '';
	const contact = org.Contacts.get(contactId);
	if (!contact) throw new XeroValidationError(`The contact with the specified ContactID '${contactId}' could not be found`);
	const date = dateParam(query, 'date', startOfDay(engine.now()));
	const from = dateParam(query, 'fromDate', 0);
	const to = dateParam(query, 'toDate', date);
	const invoices = org.Invoices.filter((i: XeroInvoice) => {
		if (i.Type !== side || i.Contact.ContactID !== contact.ContactID) return false;
		if (i.Status !== 'AUTHORISED' || i.AmountDue <= 0) return false;
		const d = fromMsDate(i.Date);
		return d >= from && d <= to;
	}).sort((a, b) => fromMsDate(a.Date) - fromMsDate(b.Date));
	const rows: Row[] = [header('Date', side === 'ACCREC' ? 'Number' : 'Reference', 'Due Date', '', 'Total', 'Paid', 'Credited', 'Due')];
	const start = from > 0 ? from : invoices.length ? fromMsDate(invoices[0].Date) : date;
	rows.push(section('', [{ RowType: 'Row', Cells: [cell(dateString(start)), cell('Opening Balance'), cell(''), cell(''), cell(''), cell(''), cell(''), cell('0.00')] }]));
	const totals = [0, 0, 0, 0];
	const invoiceRows: Row[] = invoices.map((i) => {
		const due = i.DueDate ? fromMsDate(i.DueDate) : undefined;
		const overdueDays = due !== undefined ? Math.floor((date - due) / DAY_MS) : 0;
		const values = [i.Total, i.AmountPaid, i.AmountCredited, i.AmountDue];
		values.forEach((v, n) => (totals[n] += v));
		const id = i.InvoiceID;
		return {
			RowType: 'Row' as const,
			Cells: [
				cell(dateString(fromMsDate(i.Date)), id, 'invoiceID'),
				cell(i.InvoiceNumber, id, 'invoiceID'),
				cell(due !== undefined ? dateString(due) : '', id, 'invoiceID'),
				cell(overdueDays > 0 ? `${overdueDays} days overdue` : '', id, 'invoiceID'),
				...values.map((v) => cell(amountText(v), id, 'invoiceID')),
			],
		};
	});
	const totalText = totals.map((v) => amountText(v));
	rows.push(section('', [...invoiceRows, summary('Total', '', '', '', ...totalText)]));
	rows.push(section('', [summary('Closing Balance', '', '', '', ...totalText)]));
	const id = side === 'ACCREC' ? 'AgedReceivablesByContact' : 'AgedPayablesByContact';
	const name = side === 'ACCREC' ? 'Aged Receivables By Contact' : 'Aged Payables By Contact';
	const report = wrap(engine, id, name, ['Invoices', contact.Name, `From ${longDate(start)} to ${longDate(to)}`, `Showing payments to ${longDate(date)}`], rows);
	report.ReportID = randomUUID();
	return report;
}
