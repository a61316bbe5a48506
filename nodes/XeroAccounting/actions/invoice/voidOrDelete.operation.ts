import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyProperty } from '../common/descriptions';
import type { InputCheck } from '../common/validate';
import type { Operation } from '../resources';
import type { InvoiceKind } from './kind';
import { invoiceLocator } from './lookup';
import { changeInvoices } from './perInvoice';

/**
 * Xero deletes drafts and documents awaiting approval, and voids approved ones; a document with
 * payments or credit notes allocated must have them removed first.
 */
export function cancelledStatus(check: InputCheck, label: string, invoice: Record<string, unknown>): 'DELETED' | 'VOIDED' {
	const status = String(invoice.Status);
	if (status === 'DRAFT' || status === 'SUBMITTED') return 'DELETED';
	const settled = Number(invoice.AmountPaid ?? 0) > 0 || Number(invoice.AmountCredited ?? 0) > 0 || status === 'PAID';
	if (settled) {
		check.fail(label, 'has payments or credit notes allocated: remove them in Xero (or void the payments) before voiding it');
	}
	if (status === 'AUTHORISED') return 'VOIDED';
	check.fail(label, `is already ${status.toLowerCase()}`);
}

export function voidOrDelete(kind: InvoiceKind): Operation {
	const properties: INodeProperties[] = [invoiceLocator(kind.searchMethod, kind.label), simplifyProperty];
	return {
		description: updateDisplayOptions({ show: { resource: [kind.resource], operation: ['voidOrDelete'] } }, properties),
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
			return await changeInvoices.call(this, items, kind, (invoice, check) => ({
				InvoiceID: invoice.InvoiceID,
				Status: cancelledStatus(check, kind.label, invoice),
			}));
		},
	};
}
