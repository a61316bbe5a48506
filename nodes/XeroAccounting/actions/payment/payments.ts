import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { batchWrite } from '../common/batchWrite';
import { optionsProperty } from '../common/descriptions';
import { requireAccount } from '../common/referenceData';
import type { InputCheck } from '../common/validate';
import { InvoiceFinder, invoiceRefOf } from '../invoice/lookup';
import { amountProperty, amountToSettle, dayProperty, prefetchInvoicesToSettle, today } from '../invoice/settle';

export const bankAccountProperty: INodeProperties = {
	displayName: 'Bank Account Name or ID',
	name: 'accountCode',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getBankAccounts', loadOptionsDependsOn: ['tenantId.value'] },
	required: true,
	default: '',
	description:
		'The bank account (or account enabled for payments) the money goes into or out of, by its code. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const paymentOptionsProperty = optionsProperty(
	[
		amountProperty('Amount paid, in the currency of the invoice; the whole amount due when not set'),
		dayProperty('payment'),
		{
			displayName: 'Reference',
			name: 'reference',
			type: 'string',
			default: '',
			description: 'Shown on the payment and the bank reconciliation, e.g. a transfer ID',
		},
	],
	'paymentOptions',
);

async function checkBankAccount(this: IExecuteFunctions, check: InputCheck, tenantId: string, code: string): Promise<void> {
	const account = await requireAccount.call(this, check, tenantId, 'Bank Account', code);
	if (account.Status !== undefined && account.Status !== 'ACTIVE') check.fail('Bank Account', `"${code}" is archived`);
	if (account.Type !== 'BANK' && account.EnablePaymentsToAccount !== true) {
		check.fail('Bank Account', `"${code}" is neither a bank account nor an account enabled for payments`);
	}
}

export interface CreatePaymentsOptions {
	/** Only invoices of this type (mark paid of a sales invoice or bill); any type when absent. */
	type?: 'ACCREC' | 'ACCPAY';
	/** Names the invoice parameter in errors. */
	label: string;
}

/**
 * Pays invoices or bills: one Xero payment per input item, sent in batches of 50. The amount
 * defaults to the amount due, which (like invoice numbers) is read in bulk before anything is sent.
 */
export async function createPayments(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ type, label }: CreatePaymentsOptions,
): Promise<INodeExecutionData[]> {
	const finder = new InvoiceFinder(this, type);
	await prefetchInvoicesToSettle.call(this, finder, items, label, 'paymentOptions');
	const day = today.call(this);

	return await batchWrite.call(this, items, {
		method: 'PUT',
		path: '/Payments',
		property: 'Payments',
		noun: 'payment',
		build: async (check, tenantId) => {
			const i = check.itemIndex;
			const ref = invoiceRefOf.call(this, i, check, label);
			const options = this.getNodeParameter('paymentOptions', i, {}) as IDataObject;
			let amount = amountToSettle.call(this, check, 'paymentOptions');
			const date = check.date('Date', options.date) ?? day;
			const reference = check.text('Reference', options.reference, { max: 255 });
			const code = check.text('Bank Account', this.getNodeParameter('accountCode', i, ''), { required: true, max: 10 })!;
			await checkBankAccount.call(this, check, tenantId, code);

			let invoiceId = ref.id;
			if (!invoiceId || amount === undefined) {
				const invoice = await finder.invoice(check, tenantId, ref, label);
				const status = String(invoice.Status);
				if (status !== 'AUTHORISED') {
					check.fail(label, `is ${status.toLowerCase()}: only approved invoices and bills awaiting payment can be paid`);
				}
				const due = Number(invoice.AmountDue ?? 0);
				amount ??= due;
				if (amount - due > 0.005) check.fail('Amount', `(${amount}) is more than the amount due (${due})`);
				invoiceId = String(invoice.InvoiceID);
			}
			const payment: IDataObject = { Invoice: { InvoiceID: invoiceId }, Account: { Code: code }, Date: date, Amount: amount };
			if (reference !== undefined) payment.Reference = reference;
			return payment;
		},
	});
}
