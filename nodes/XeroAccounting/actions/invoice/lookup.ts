import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, INodeParameterResourceLocator } from 'n8n-workflow';

import { xeroGetAll } from '../../../shared/transport';
import { recordLocator } from '../common/descriptions';
import { tenantFor } from '../common/execution';
import { InputCheck, isGuid } from '../common/validate';
import { nounOfType } from './kind';

/** An invoice or bill given by its ID or by its number. */
export interface InvoiceRef {
	id?: string;
	number?: string;
}

/** The invoice picker: from a list, by ID, or by its number (INV-0042). */
export function invoiceLocator(
	searchMethod: string,
	displayName = 'Invoice',
	description = 'Pick it from the list, or give its Xero ID or its number',
): INodeProperties {
	return recordLocator(displayName, 'invoiceId', searchMethod, {
		description,
		validateId: true,
		modes: [{ displayName: 'By Number', name: 'number', type: 'string', placeholder: 'INV-0042' }],
	});
}

/** The invoice reference of one input item, from the `invoiceId` locator. */
export function invoiceRefOf(this: IExecuteFunctions, itemIndex: number, check: InputCheck, label = 'Invoice'): InvoiceRef {
	const raw = this.getNodeParameter('invoiceId', itemIndex, '') as INodeParameterResourceLocator | string;
	const locator = typeof raw === 'object' && raw !== null ? raw : { mode: 'id', value: raw };
	if (locator.mode === 'number') return { number: check.text(label, locator.value, { required: true, max: 255 })!.trim() };
	return { id: check.guid(label, locator.value, { required: true }) };
}

const CHUNK = 50;

function chunks<T>(list: T[]): T[][] {
	const out: T[][] = [];
	for (let start = 0; start < list.length; start += CHUNK) out.push(list.slice(start, start + CHUNK));
	return out;
}

/**
 * Invoices and bills read in bulk (one call per 50 references, summaries only) and kept for the
 * node run: turns invoice numbers into IDs and gives status and amount due, so many input items
 * do not cost one call each.
 */
export class InvoiceFinder {
	private readonly byId = new Map<string, IDataObject>();

	private readonly byNumber = new Map<string, IDataObject[]>();

	private readonly loadedIds = new Set<string>();

	private readonly loadedNumbers = new Set<string>();

	constructor(
		private readonly context: IExecuteFunctions,
		/** Restricts numbers to this type and refuses IDs of the other one. */
		private readonly type?: 'ACCREC' | 'ACCPAY',
	) {}

	/**
	 * Reads the references of all items first and loads them together: those given by number
	 * always, those given by ID only with `byId` (when the operation needs their status or amount).
	 * Items whose parameters are invalid are skipped here; they fail on their own later.
	 */
	async prefetch(
		items: INodeExecutionData[],
		{ byId = false, refOf }: { byId?: boolean; refOf?: (itemIndex: number) => InvoiceRef | undefined } = {},
	): Promise<void> {
		const context = this.context;
		refOf ??= (i) => invoiceRefOf.call(context, i, new InputCheck(context.getNode(), i));
		const wanted = new Map<string, InvoiceRef[]>();
		for (let i = 0; i < items.length; i++) {
			try {
				const ref = refOf(i);
				if (!ref || (ref.id && !byId)) continue;
				const tenantId = await tenantFor.call(this.context, i);
				if (!wanted.has(tenantId)) wanted.set(tenantId, []);
				wanted.get(tenantId)!.push(ref);
			} catch {
				// Reported by the item's own run.
			}
		}
		for (const [tenantId, refs] of wanted) await this.load(tenantId, refs);
	}

	private async load(tenantId: string, refs: InvoiceRef[]): Promise<void> {
		const ids = [...new Set(refs.map((r) => r.id?.toLowerCase()).filter((id): id is string => !!id && isGuid(id)))].filter(
			(id) => !this.loadedIds.has(`${tenantId}|${id}`),
		);
		// Xero's InvoiceNumbers filter is comma-separated: a number with a comma cannot be asked for.
		const numbers = [...new Set(refs.map((r) => r.number).filter((n): n is string => !!n && !n.includes(',')))].filter(
			(n) => !this.loadedNumbers.has(`${tenantId}|${n.toLowerCase()}`),
		);
		for (const chunk of chunks(ids)) {
			await this.read(tenantId, { IDs: chunk.join(',') });
			chunk.forEach((id) => this.loadedIds.add(`${tenantId}|${id}`));
		}
		for (const chunk of chunks(numbers)) {
			await this.read(tenantId, { InvoiceNumbers: chunk.join(',') });
			chunk.forEach((n) => this.loadedNumbers.add(`${tenantId}|${n.toLowerCase()}`));
		}
	}

	private async read(tenantId: string, qs: IDataObject): Promise<void> {
		const where = this.type && !qs.IDs ? { where: `Type=="${this.type}"` } : {};
		const invoices = await xeroGetAll.call(this.context, tenantId, {
			path: '/Invoices',
			property: 'Invoices',
			qs: { ...qs, ...where, summaryOnly: true },
		});
		for (const invoice of invoices) {
			this.byId.set(`${tenantId}|${String(invoice.InvoiceID).toLowerCase()}`, invoice);
			const number = String(invoice.InvoiceNumber ?? '').toLowerCase();
			if (!number) continue;
			const key = `${tenantId}|${number}`;
			const same = (this.byNumber.get(key) ?? []).filter((other) => other.InvoiceID !== invoice.InvoiceID);
			this.byNumber.set(key, [...same, invoice]);
		}
	}

	/** The invoice's summary (Type, Status, AmountDue, CurrencyCode...); fails naming the field. */
	async invoice(check: InputCheck, tenantId: string, ref: InvoiceRef, field = 'Invoice'): Promise<IDataObject> {
		await this.load(tenantId, [ref]);
		if (ref.id) {
			const found = this.byId.get(`${tenantId}|${ref.id.toLowerCase()}`);
			if (!found) check.fail(field, `matches nothing: there is no invoice or bill with ID "${ref.id}" in this organisation`);
			this.checkType(check, field, found);
			return found;
		}
		const number = ref.number ?? '';
		if (number.includes(',')) check.fail(field, `contains a comma ("${number}"); give the invoice by ID instead`);
		const candidates = this.byNumber.get(`${tenantId}|${number.toLowerCase()}`) ?? [];
		// Deleted and voided documents keep their numbers; prefer the live one.
		const live = candidates.filter((c) => c.Status !== 'DELETED' && c.Status !== 'VOIDED');
		const matches = live.length ? live : candidates;
		const noun = this.type ? nounOfType(this.type) : 'invoice or bill';
		if (matches.length === 0) check.fail(field, `matches nothing: no ${noun} is numbered "${number}" in this organisation`);
		if (matches.length > 1) {
			check.fail(field, `is ambiguous: ${matches.length} ${noun}s are numbered "${number}"; give the one you mean by ID`);
		}
		this.checkType(check, field, matches[0]);
		return matches[0];
	}

	/** The invoice ID: as given, or looked up from the number. */
	async id(check: InputCheck, tenantId: string, ref: InvoiceRef, field = 'Invoice'): Promise<string> {
		if (ref.id) return ref.id;
		return String((await this.invoice(check, tenantId, ref, field)).InvoiceID);
	}

	private checkType(check: InputCheck, field: string, invoice: IDataObject): void {
		if (this.type && invoice.Type !== this.type) {
			const label = invoice.InvoiceNumber ? `"${String(invoice.InvoiceNumber)}"` : String(invoice.InvoiceID);
			check.fail(field, `is a ${nounOfType(invoice.Type)} (${label}), not a ${nounOfType(this.type)}`);
		}
	}
}
