import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { xeroRequest } from '../../../shared/transport';
import { idProperty, optionsProperty } from '../common/descriptions';
import { runPerItem, tenantFor } from '../common/execution';
import { InputCheck } from '../common/validate';
import { InvoiceFinder, invoiceLocator, invoiceRefOf } from '../invoice/lookup';
import { amountProperty, amountToSettle, dayProperty, prefetchInvoicesToSettle, today } from '../invoice/settle';

const properties: INodeProperties[] = [
	idProperty('Credit Note ID', 'creditNoteId', 'The approved credit note whose credit is used'),
	invoiceLocator('searchInvoices', 'Invoice or Bill', 'The approved invoice (for a sales credit note) or bill (for a purchase one) of the same contact'),
	optionsProperty(
		[
			amountProperty('Credit to use; when not set, as much as possible (the smaller of the remaining credit and the amount due)'),
			dayProperty('allocation'),
		],
		'allocationOptions',
	),
];

export const description = updateDisplayOptions({ show: { resource: ['creditNote'], operation: ['allocate'] } }, properties);

const LABEL = 'Invoice or Bill';

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const finder = new InvoiceFinder(this);
	await prefetchInvoicesToSettle.call(this, finder, items, LABEL, 'allocationOptions');
	const day = today.call(this);
	return await runPerItem.call(this, items, async (i) => {
		const check = new InputCheck(this.getNode(), i);
		const tenantId = await tenantFor.call(this, i);
		const creditNoteId = check.guid('Credit Note ID', this.getNodeParameter('creditNoteId', i), { required: true });
		const ref = invoiceRefOf.call(this, i, check, LABEL);
		const options = this.getNodeParameter('allocationOptions', i, {}) as IDataObject;
		const date = check.date('Date', options.date) ?? day;
		let amount = amountToSettle.call(this, check, 'allocationOptions');
		let invoiceId = ref.id;
		if (!invoiceId || amount === undefined) {
			const invoice = await finder.invoice(check, tenantId, ref, LABEL);
			invoiceId = String(invoice.InvoiceID);
			if (amount === undefined) {
				const body = await xeroRequest.call(this, tenantId, { path: `/CreditNotes/${creditNoteId}`, itemIndex: i });
				const note = ((body.CreditNotes as IDataObject[] | undefined) ?? [])[0] ?? {};
				amount = Math.min(Number(note.RemainingCredit ?? 0), Number(invoice.AmountDue ?? 0));
				if (!(amount > 0)) {
					check.fail(LABEL, `cannot take credit: the credit note has ${Number(note.RemainingCredit ?? 0)} left and the amount due is ${Number(invoice.AmountDue ?? 0)}`);
				}
			}
		}
		const body = await xeroRequest.call(this, tenantId, {
			method: 'PUT',
			path: `/CreditNotes/${creditNoteId}/Allocations`,
			body: { Allocations: [{ Invoice: { InvoiceID: invoiceId }, Amount: amount, Date: date }] },
			itemIndex: i,
		});
		return ((body.Allocations as IDataObject[] | undefined) ?? [])[0] ?? {};
	});
}
