import { DateTime } from 'luxon';

const MICROSOFT_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;

/** Xero's JSON dates look like /Date(1700000000000+0000)/; n8n users expect ISO 8601. */
export function isoFromXeroDate(value: string): string | undefined {
	const match = MICROSOFT_DATE.exec(value);
	return match ? new Date(Number(match[1])).toISOString() : undefined;
}

/** Rewrites every Xero date in a response to ISO 8601, in place: responses can be large. */
export function normalizeDates<T>(value: T): T {
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) value[i] = normalizeDates(value[i]);
		return value;
	}
	if (typeof value === 'string') {
		return (value.startsWith('/Date(') ? (isoFromXeroDate(value) ?? value) : value) as T;
	}
	if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
		const record = value as Record<string, unknown>;
		for (const key of Object.keys(record)) record[key] = normalizeDates(record[key]);
	}
	return value;
}

/**
 * Parses a date given by a user or an expression (ISO string, Luxon DateTime, JS Date, epoch ms).
 * Returns undefined when it is not a date, so the caller can name the field in its error.
 */
export function parseInputDate(value: unknown): DateTime | undefined {
	let date: DateTime | undefined;
	if (DateTime.isDateTime(value)) date = value;
	else if (value instanceof Date) date = DateTime.fromJSDate(value);
	else if (typeof value === 'number') date = DateTime.fromMillis(value);
	else if (typeof value === 'string' && value.trim() !== '') {
		const text = value.trim();
		date = DateTime.fromISO(text, { setZone: true });
		if (!date.isValid) date = DateTime.fromRFC2822(text, { setZone: true });
		if (!date.isValid) date = DateTime.fromHTTP(text, { setZone: true });
		if (!date.isValid && isoFromXeroDate(text)) date = DateTime.fromISO(isoFromXeroDate(text)!);
	}
	return date?.isValid ? date : undefined;
}

/** Xero takes document dates as YYYY-MM-DD in the organisation's calendar: keep the date as written. */
export function toXeroDate(date: DateTime): string {
	return date.toISODate()!;
}
