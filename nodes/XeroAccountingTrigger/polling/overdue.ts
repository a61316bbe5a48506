import type { IDataObject } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { MAX_PAGE_SIZE, xeroRequest, type XeroContext } from '../../shared/transport';
import { MAX_PAGES_PER_POLL } from './cursor';
import { shortId } from './documentTypes';

/*
 * "Sales invoice overdue by N days" depends on the calendar, not on changes: an invoice nobody
 * touches still becomes overdue. So each poll asks Xero for the approved, unpaid sales invoices
 * due N or more days ago (one call when there are fewer than a thousand), and emits those it has
 * not emitted yet. An id is forgotten once its invoice is no longer overdue (paid, voided, due
 * date moved), which keeps the memory as small as the overdue list; such an invoice is emitted
 * again if it later becomes overdue again.
 */

export interface OverdueState {
	/** Invoices due before this day (YYYY-MM-DD) are outside the trigger's window. */
	floor: string;
	/** Short ids of the overdue invoices already emitted. */
	emitted: string[];
}

export interface OverdueInvoice {
	id: string;
	daysOverdue: number;
	document: IDataObject;
}

function xeroDateTime(day: DateTime): string {
	return `DateTime(${day.year}, ${String(day.month).padStart(2, '0')}, ${String(day.day).padStart(2, '0')})`;
}

export interface OverdueQuery {
	days: number;
	today: DateTime;
	floor?: string;
	contactIds: string[];
	/** Sample mode: the few most recently overdue, one call. */
	sample?: number;
	deadline: number;
}

/** Approved sales invoices with money due, due on or before `today − days` (and not before the floor). */
export async function readOverdue(
	this: XeroContext,
	tenantId: string,
	query: OverdueQuery,
): Promise<{ invoices: OverdueInvoice[]; complete: boolean }> {
	const dueBy = query.today.minus({ days: query.days });
	const where = [`Type=="ACCREC"`, 'AmountDue>0', `DueDate<=${xeroDateTime(dueBy)}`];
	if (query.floor) where.push(`DueDate>=${xeroDateTime(DateTime.fromISO(query.floor, { zone: 'utc' }))}`);
	const qs: IDataObject = {
		Statuses: 'AUTHORISED',
		where: where.join(' AND '),
		order: query.sample ? 'DueDate DESC' : 'DueDate ASC',
		pageSize: query.sample ?? MAX_PAGE_SIZE,
	};
	if (query.contactIds.length) qs.ContactIDs = query.contactIds.join(',');
	const invoices: OverdueInvoice[] = [];
	const todayMs = Date.UTC(query.today.year, query.today.month - 1, query.today.day);
	let complete = true;
	for (let page = 1; ; page++) {
		if (page > 1 && (page > MAX_PAGES_PER_POLL || Date.now() > query.deadline)) {
			complete = false;
			break;
		}
		const body = await xeroRequest.call(this, tenantId, { path: '/Invoices', qs: { ...qs, page } });
		const documents = (body.Invoices as IDataObject[] | undefined) ?? [];
		for (const document of documents) {
			const due = Date.parse(String(document.DueDate ?? ''));
			const dueDay = Number.isNaN(due) ? todayMs : due - (due % 86_400_000);
			invoices.push({
				id: String(document.InvoiceID ?? '').toLowerCase(),
				daysOverdue: Math.round((todayMs - dueDay) / 86_400_000),
				document,
			});
		}
		if (query.sample || documents.length < MAX_PAGE_SIZE) break;
	}
	return { invoices, complete };
}

/** The invoices to emit now, and the memory to keep. */
export function handleOverdue(
	state: OverdueState,
	invoices: OverdueInvoice[],
	complete: boolean,
	prime: boolean,
): { state: OverdueState; emit: OverdueInvoice[] } {
	const emitted = new Set(state.emitted);
	const emit: OverdueInvoice[] = [];
	for (const invoice of invoices) {
		const id = shortId(invoice.id);
		if (emitted.has(id)) continue;
		emitted.add(id);
		if (!prime) emit.push(invoice);
	}
	// Only a full read shows which invoices stopped being overdue.
	const current = new Set(invoices.map((invoice) => shortId(invoice.id)));
	const kept = complete ? [...emitted].filter((id) => current.has(id)) : [...emitted];
	return { state: { floor: state.floor, emitted: kept }, emit };
}

export function overdueFloor(today: DateTime, days: number, backfillDays: number): string {
	return today.minus({ days: days + backfillDays }).toISODate()!;
}
