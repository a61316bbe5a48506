import type { OrganisationData } from './store';
import type { XeroLineItem } from './types';
import { fromMsDate, round2 } from './xero-format';

// Double-entry postings derived from the documents, so reports are computed from the
// same data the API serves: approved invoices and credit notes, payments and bank
// transactions (amounts in base currency, debits positive).

export interface Posting {
	date: number;
	code: string;
	amount: number;
}

const POSTED = new Set(['AUTHORISED', 'PAID']);

function postLines(out: Posting[], date: number, lines: XeroLineItem[], inclusive: boolean, sign: number, rate: number): void {
	for (const line of lines) {
		if (!line.AccountCode) continue;
		const net = inclusive ? line.LineAmount - line.TaxAmount : line.LineAmount;
		out.push({ date, code: line.AccountCode, amount: (sign * net) / rate });
	}
}

export function postings(org: OrganisationData): Posting[] {
	const out: Posting[] = [];
	for (const line of org.openingBalances.lines) out.push({ date: org.openingBalances.date, code: line.AccountCode, amount: line.amount });
	for (const inv of org.Invoices.values()) {
		if (!POSTED.has(inv.Status)) continue;
		const date = fromMsDate(inv.Date);
		const sales = inv.Type === 'ACCREC';
		const sign = sales ? -1 : 1; // sales credit income, bills debit expenses
		const rate = inv.CurrencyRate || 1;
		out.push({ date, code: sales ? '610' : '800', amount: (-sign * inv.Total) / rate });
		postLines(out, date, inv.LineItems, inv.LineAmountTypes === 'Inclusive', sign, rate);
		out.push({ date, code: '820', amount: (sign * inv.TotalTax) / rate });
	}
	for (const note of org.CreditNotes.values()) {
		if (!POSTED.has(note.Status)) continue;
		const date = fromMsDate(note.Date);
		const sales = note.Type === 'ACCRECCREDIT';
		const sign = sales ? 1 : -1;
		const rate = note.CurrencyRate || 1;
		out.push({ date, code: sales ? '610' : '800', amount: (-sign * note.Total) / rate });
		postLines(out, date, note.LineItems, note.LineAmountTypes === 'Inclusive', sign, rate);
		out.push({ date, code: '820', amount: (sign * note.TotalTax) / rate });
	}
	for (const p of org.Payments.values()) {
		if (p.Status !== 'AUTHORISED' || !p.Account.Code) continue;
		const date = fromMsDate(p.Date);
		const amount = p.Amount / (p.CurrencyRate || 1);
		const control = p.PaymentType === 'ACCRECPAYMENT' || p.PaymentType === 'ARCREDITPAYMENT' ? '610' : '800';
		const inbound = p.PaymentType === 'ACCRECPAYMENT' || p.PaymentType === 'APCREDITPAYMENT';
		out.push({ date, code: p.Account.Code, amount: inbound ? amount : -amount });
		out.push({ date, code: control, amount: inbound ? -amount : amount });
	}
	for (const tx of org.BankTransactions.values()) {
		if (tx.Status !== 'AUTHORISED') continue;
		const date = fromMsDate(tx.Date);
		const receive = tx.Type.startsWith('RECEIVE');
		const sign = receive ? -1 : 1;
		const rate = tx.CurrencyRate || 1;
		out.push({ date, code: tx.BankAccount.Code ?? '', amount: (-sign * tx.Total) / rate });
		postLines(out, date, tx.LineItems, tx.LineAmountTypes === 'Inclusive', sign, rate);
		out.push({ date, code: '820', amount: (sign * tx.TotalTax) / rate });
	}
	return out;
}

/** Sum of postings per account code with from ≤ date ≤ to (either end open). */
export function balances(all: Posting[], from: number | undefined, to: number): Map<string, number> {
	const sums = new Map<string, number>();
	for (const p of all) {
		if (p.date > to || (from !== undefined && p.date < from)) continue;
		sums.set(p.code, (sums.get(p.code) ?? 0) + p.amount);
	}
	for (const [k, v] of sums) sums.set(k, round2(v));
	return sums;
}

/** First day of the financial year containing `date` (year ends on the given month/day). */
export function financialYearStart(date: number, endMonth: number, endDay: number): number {
	const d = new Date(date);
	const y = d.getUTCFullYear();
	let start = Date.UTC(y, endMonth - 1, endDay) + 86_400_000;
	if (start > date) start = Date.UTC(y - 1, endMonth - 1, endDay) + 86_400_000;
	return start;
}
