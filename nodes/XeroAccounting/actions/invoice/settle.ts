import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { InputCheck } from '../common/validate';
import { invoiceRefOf, type InvoiceFinder } from './lookup';

/*
 * Settling an invoice or bill, by a payment or by allocating a credit note: the amount defaults to
 * what is due, the day to today.
 */

/** The Amount option; `description` says what is used when it is not set. */
export function amountProperty(description: string): INodeProperties {
	return {
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description,
	};
}

/** The Date option of a payment or an allocation, defaulting to `today`. */
export function dayProperty(what: string): INodeProperties {
	return {
		displayName: 'Date',
		name: 'date',
		type: 'dateTime',
		default: '',
		description: `Day of the ${what}; today in the workflow's time zone when not set`,
	};
}

/** Today in the workflow's time zone, for items that give no day. */
export function today(this: IExecuteFunctions): string {
	return DateTime.now().setZone(this.getTimezone()).toISODate()!;
}

/** The Amount in one input item's options collection, as given. */
function amountOption(this: IExecuteFunctions, check: InputCheck, collection: string): number | undefined {
	return check.number('Amount', (this.getNodeParameter(collection, check.itemIndex, {}) as IDataObject).amount);
}

/** The amount to settle, more than zero; undefined when the item leaves it to what is due. */
export function amountToSettle(this: IExecuteFunctions, check: InputCheck, collection: string): number | undefined {
	const amount = amountOption.call(this, check, collection);
	if (amount !== undefined && amount <= 0) check.fail('Amount', `must be more than zero, got ${amount}`);
	return amount;
}

/**
 * Reads in bulk the invoices whose summary the items need: those given by number, for their ID,
 * and those given by ID without an amount, for what is due.
 */
export async function prefetchInvoicesToSettle(
	this: IExecuteFunctions,
	finder: InvoiceFinder,
	items: INodeExecutionData[],
	label: string,
	collection: string,
): Promise<void> {
	await finder.prefetch(items, {
		byId: true,
		refOf: (i) => {
			const check = new InputCheck(this.getNode(), i);
			const ref = invoiceRefOf.call(this, i, check, label);
			return ref.id && amountOption.call(this, check, collection) !== undefined ? undefined : ref;
		},
	});
}
