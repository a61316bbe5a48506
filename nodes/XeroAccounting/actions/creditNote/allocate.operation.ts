import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { xeroRequest } from '../../../shared/transport';
import { idProperty } from '../common/descriptions';
import { runPerItem, tenantFor } from '../common/execution';
import { InputCheck } from '../common/validate';
import { InvoiceFinder, invoiceLocator, invoiceRefOf } from '../invoice/lookup';

const properties: INodeProperties[] = [
	idProperty('Credit Note ID', 'creditNoteId', 'The approved credit note whose credit is used'),
	invoiceLocator('searchInvoices', 'Invoice or Bill', 'The approved invoice (for a sales credit note) or bill (for a purchase one) of the same contact'),
	{
		displayName: 'Options',
		name: 'allocationOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Amount',
				name: 'amount',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description: 'Credit to use; when not set, as much as possible (the smaller of the remaining credit and the amount due)',
			},
			{
				displayName: 'Date',
				name: 'date',
				type: 'dateTime',
				default: '',
				description: "Day of the allocation; today in the workflow's time zone when not set",
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['creditNote'], operation: ['allocate'] } }, properties);

const LABEL = 'Invoice or Bill';

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const finder = new InvoiceFinder(this);
	const amountOf = (check: InputCheck) =>
		check.number('Amount', (this.getNodeParameter('allocationOptions', check.itemIndex, {}) as IDataObject).amount);
	await finder.prefetch(items, {
		byId: true,
		refOf: (i) => {
			const check = new InputCheck(this.getNode(), i);
			const ref = invoiceRefOf.call(this, i, check, LABEL);
			return ref.id && amountOf(check) !== undefined ? undefined : ref;
		},
	});
	const today = DateTime.now().setZone(this.getTimezone()).toISODate()!;
	return await runPerItem.call(this, items, async (i) => {
		const check = new InputCheck(this.getNode(), i);
		const tenantId = await tenantFor.call(this, i);
		const creditNoteId = check.guid('Credit Note ID', this.getNodeParameter('creditNoteId', i), { required: true });
		const ref = invoiceRefOf.call(this, i, check, LABEL);
		const options = this.getNodeParameter('allocationOptions', i, {}) as IDataObject;
		const date = check.date('Date', options.date) ?? today;
		let amount = amountOf(check);
		if (amount !== undefined && amount <= 0) check.fail('Amount', `must be more than zero, got ${amount}`);
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
