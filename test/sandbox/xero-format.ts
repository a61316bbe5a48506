// Xero's JSON conventions: .NET "/Date(ms+0000)/" dates, a DateString beside them,
// two-decimal money.

export const DAY_MS = 86_400_000;

export function msDate(ms: number): string {
	return `/Date(${ms}+0000)/`;
}

/** Milliseconds inside "/Date(1700000000000+0000)/" (NaN when it is not one). */
export function fromMsDate(value: string | undefined): number {
	if (!value || !value.startsWith('/Date(')) return NaN;
	return parseInt(value.slice(6), 10);
}

/** "2024-01-31T00:00:00": Xero's DateString (UTC, no zone). */
export function dateString(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19);
}

export function isoDay(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

export function startOfDay(ms: number): number {
	return ms - (((ms % DAY_MS) + DAY_MS) % DAY_MS);
}

/**
 * A date as clients send it: "YYYY-MM-DD", an ISO date-time or "/Date(ms)/".
 * Returns the UTC midnight of that day, or NaN when it is not a real date.
 */
export function parseRequestDate(value: unknown): number {
	if (typeof value !== 'string' || value.trim() === '') return NaN;
	const ms = value.startsWith('/Date(') ? fromMsDate(value) : parseIsoStrict(value);
	return Number.isNaN(ms) ? NaN : startOfDay(ms);
}

/** An ISO date or date-time (zone optional, taken as UTC), rejecting 2024-02-31 and the like. */
export function parseIsoStrict(value: string): number {
	const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
	if (!m) return NaN;
	const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
	const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, frac ? Math.round(parseFloat(frac) * 1000) : 0);
	const check = new Date(ms);
	if (check.getUTCFullYear() !== +y || check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d) return NaN;
	if (!zone || zone === 'Z') return ms;
	const sign = zone.startsWith('-') ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	return ms - sign * (parseInt(digits.slice(0, 2), 10) * 60 + parseInt(digits.slice(2), 10)) * 60_000;
}

/** If-Modified-Since as clients send it: ISO (zone optional, UTC assumed) or an HTTP date. */
export function parseHttpOrIsoDate(value: string): number {
	const iso = parseIsoStrict(value);
	if (!Number.isNaN(iso)) return iso;
	const http = Date.parse(value);
	return Number.isNaN(http) ? NaN : http;
}

export function round2(n: number): number {
	return Math.round((n + Number.EPSILON) * 100) / 100;
}

export function round4(n: number): number {
	return Math.round((n + Number.EPSILON) * 10_000) / 10_000;
}

/** Report cells carry amounts as strings with two decimals. */
export function amountText(n: number): string {
	return round2(n).toFixed(2);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "23 April 2019", the form Xero uses in report titles. */
export function longDate(ms: number): string {
	const d = new Date(ms);
	return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "23 Apr 19", the form Xero uses in report column headers. */
export function shortDate(ms: number): string {
	const d = new Date(ms);
	return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()].slice(0, 3)} ${String(d.getUTCFullYear()).slice(2)}`;
}
