import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { batchWrite } from '../common/batchWrite';
import { additionalFieldsProperty, contactLocator, simplifyProperty } from '../common/descriptions';
import { pickedId } from '../common/execution';
import { currencyField, dateField, lineAmountTypesField, referenceField } from '../common/fields';
import { buildLineItems, checkCurrency, lineItemsProperties } from '../common/lineItems';
import { requireAccount } from '../common/referenceData';
import type { InputCheck } from '../common/validate';

const properties: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Money In (Receive)', value: 'RECEIVE' },
			{ name: 'Money Out (Spend)', value: 'SPEND' },
		],
		default: 'SPEND',
		description: 'Whether money came into the bank account or went out of it',
	},
	{ ...contactLocator, description: 'Who paid or was paid' },
	{
		displayName: 'Bank Account Name or ID',
		name: 'bankAccount',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getBankAccounts', loadOptionsDependsOn: ['tenantId.value'] },
		required: true,
		default: '',
		description:
			'Code of the bank account the money moved through. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	...lineItemsProperties(),
	additionalFieldsProperty([
		currencyField("Defaults to the bank account's currency."),
		dateField('Date of the transaction; defaults to today'),
		lineAmountTypesField(),
		referenceField(),
		{ displayName: 'URL', name: 'Url', type: 'string', default: '', description: 'Link to the source of the transaction' },
	]),
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['bankTransaction'], operation: ['create'] } }, properties);

async function bankAccountRef(this: IExecuteFunctions, check: InputCheck, tenantId: string): Promise<IDataObject> {
	const code = check.text('Bank Account', this.getNodeParameter('bankAccount', check.itemIndex), { required: true, max: 10 })!;
	const account = await requireAccount.call(this, check, tenantId, 'Bank Account', code);
	if (account.Type !== 'BANK') check.fail('Bank Account', `"${code}" is a ${String(account.Type)} account, not a bank account`);
	return { Code: code };
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await batchWrite.call(this, items, {
		method: 'PUT',
		path: '/BankTransactions',
		property: 'BankTransactions',
		noun: 'bank transaction',
		build: async (check, tenantId) => {
			const i = check.itemIndex;
			const type = this.getNodeParameter('type', i) as string;
			if (type !== 'RECEIVE' && type !== 'SPEND') check.fail('Type', `must be RECEIVE or SPEND, got "${type}"`);
			const contactId = pickedId.call(this, check, 'contactId', 'Contact');
			const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
			const transaction: IDataObject = {
				Type: type,
				Contact: { ContactID: contactId },
				BankAccount: await bankAccountRef.call(this, check, tenantId),
				LineItems: await buildLineItems.call(this, check, tenantId, type === 'RECEIVE' ? 'sales' : 'purchases'),
			};
			const date = check.date('Date', fields.Date);
			if (date) transaction.Date = date;
			const reference = check.text('Reference', fields.Reference, { max: 255 });
			if (reference) transaction.Reference = reference;
			const url = check.text('URL', fields.Url, { max: 2000 });
			if (url) transaction.Url = url;
			if (fields.LineAmountTypes) transaction.LineAmountTypes = fields.LineAmountTypes;
			const currency = check.text('Currency', fields.CurrencyCode, { max: 3 });
			if (currency) {
				await checkCurrency.call(this, check, tenantId, currency);
				transaction.CurrencyCode = currency.toUpperCase();
			}
			return transaction;
		},
	});
}
