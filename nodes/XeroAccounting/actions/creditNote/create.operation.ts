import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { batchWrite } from '../common/batchWrite';
import { additionalFieldsProperty, contactLocator, simplifyProperty } from '../common/descriptions';
import { lineItemsProperties } from '../common/lineItems';
import { documentToCreate } from '../invoice/build';
import {
	invoiceCurrencyField,
	invoiceDateField,
	invoiceLineAmountTypesField,
	invoiceReferenceField,
	statusProperty,
} from '../invoice/fields';

export const CREDIT_NOTE_TYPES = ['ACCRECCREDIT', 'ACCPAYCREDIT'];

const properties: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Purchase Credit Note', value: 'ACCPAYCREDIT', description: 'Credit a supplier gives you, against bills' },
			{ name: 'Sales Credit Note', value: 'ACCRECCREDIT', description: 'Credit you give a customer, against sales invoices' },
		],
		default: 'ACCRECCREDIT',
	},
	contactLocator,
	statusProperty('credit note'),
	...lineItemsProperties(),
	additionalFieldsProperty([
		{
			displayName: 'Credit Note Number',
			name: 'CreditNoteNumber',
			type: 'string',
			default: '',
			description: "Xero gives sales credit notes the next number in the organisation's sequence when empty",
		},
		invoiceCurrencyField,
		invoiceDateField,
		invoiceLineAmountTypesField,
		invoiceReferenceField,
	]),
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['creditNote'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await batchWrite.call(this, items, {
		method: 'PUT',
		path: '/CreditNotes',
		property: 'CreditNotes',
		noun: 'credit note',
		build: async (check, tenantId): Promise<IDataObject> => {
			const i = check.itemIndex;
			const type = check.text('Type', this.getNodeParameter('type', i), { required: true })!;
			if (!CREDIT_NOTE_TYPES.includes(type)) check.fail('Type', `must be ACCRECCREDIT or ACCPAYCREDIT, got "${type}"`);
			const side = type === 'ACCRECCREDIT' ? 'sales' : 'purchases';
			return await documentToCreate.call(this, check, tenantId, { type, numberLabel: 'Credit Note Number', side });
		},
	});
}
