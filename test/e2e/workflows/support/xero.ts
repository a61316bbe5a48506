/** Reading the sandbox's Xero documents in tests. */
import type { XeroInvoice } from '../../../sandbox';

export const DAY_MS = 86_400_000;

/** Milliseconds of Xero's "/Date(1700000000000+0000)/". */
export function msOf(xeroDate: unknown): number {
	const match = /\/Date\((-?\d+)/.exec(String(xeroDate));
	if (!match) throw new Error(`not a Xero date: ${String(xeroDate)}`);
	return Number(match[1]);
}

/** YYYY-MM-DD (UTC) of a Xero date. */
export function dayOf(xeroDate: unknown): string {
	return new Date(msOf(xeroDate)).toISOString().slice(0, 10);
}

export function changedSince(document: { UpdatedDateUTC: string }, ms: number): boolean {
	return msOf(document.UpdatedDateUTC) >= ms;
}

export const isSales = (invoice: XeroInvoice) => invoice.Type === 'ACCREC';
export const isBill = (invoice: XeroInvoice) => invoice.Type === 'ACCPAY';
