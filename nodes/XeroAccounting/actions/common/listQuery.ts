import type { IDataObject } from 'n8n-workflow';

import { parseInputDate } from '../../../shared/transport';
import type { InputCheck } from './validate';

export interface ListQuery {
	qs: IDataObject;
	ifModifiedSince?: string;
}

/** The entries of a comma-separated field, trimmed, empty ones left out. */
export function csvList(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
}

function csv(value: unknown): string | undefined {
	const parts = csvList(value);
	return parts.length ? parts.join(',') : undefined;
}

/** A text literal in a Xero filter expression: quotes and backslashes escaped. */
export function quoted(value: string): string {
	return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A clause that holds when any of the clauses does; undefined when there are none. */
export function anyOf(clauses: string[]): string | undefined {
	return clauses.length ? `(${clauses.join(' OR ')})` : undefined;
}

/** Puts clauses that must all hold in front of the query's `where`; empty ones are left out. */
export function andWhere(qs: IDataObject, ...clauses: Array<string | undefined>): void {
	const all = [...clauses, qs.where as string | undefined].filter(Boolean);
	if (all.length) qs.where = all.join(' AND ');
}

function xeroDateTime(check: InputCheck, field: string, value: unknown): string {
	check.date(field, value, { required: true });
	const date = parseInputDate(value)!;
	return `DateTime(${date.year}, ${String(date.month).padStart(2, '0')}, ${String(date.day).padStart(2, '0')})`;
}

/**
 * Turns the Filters collection into Xero's query: list filters where Xero has them (they use
 * Xero's indexes), `where` for dates, If-Modified-Since for changes.
 */
export function listQuery(
	check: InputCheck,
	filters: IDataObject,
	names: { numbers?: string; statuses?: 'Statuses' | 'Status' | 'where' } = {},
): ListQuery {
	const qs: IDataObject = {};
	const where: string[] = [];
	const contactIds = csv(filters.contactIds);
	if (contactIds) {
		contactIds.split(',').forEach((id) => check.guid('Contact IDs', id));
		qs.ContactIDs = contactIds;
	}
	const statuses = (filters.statuses as string[] | undefined) ?? [];
	if (statuses.length) {
		if (names.statuses === 'Status' && statuses.length === 1) qs.Status = statuses[0];
		else if (names.statuses === 'Statuses') qs.Statuses = statuses.join(',');
		else where.push(anyOf(statuses.map((s) => `Status=="${s}"`))!);
	}
	const numbers = csv(filters.numbers);
	if (numbers && names.numbers) qs[names.numbers] = numbers;
	if (filters.dateFrom) where.push(`Date>=${xeroDateTime(check, 'Date From', filters.dateFrom)}`);
	if (filters.dateTo) where.push(`Date<=${xeroDateTime(check, 'Date To', filters.dateTo)}`);
	if (typeof filters.where === 'string' && filters.where.trim()) where.push(`(${filters.where.trim()})`);
	if (where.length) qs.where = where.join(' AND ');
	let ifModifiedSince: string | undefined;
	if (filters.modifiedSince) {
		check.date('Modified Since', filters.modifiedSince, { required: true });
		ifModifiedSince = parseInputDate(filters.modifiedSince)!.toUTC().toISO()!;
	}
	return { qs, ifModifiedSince };
}
