import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { batchWrite } from '../common/batchWrite';
import { contactLocator, simplifyProperty } from '../common/descriptions';
import { buildLineItems, lineItemsProperties } from '../common/lineItems';
import { createStatus, currencyField, dateField, documentFields, lineAmountTypesField, referenceField, statusProperty } from '../invoice/fields';

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
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Credit Note Number',
				name: 'CreditNoteNumber',
				type: 'string',
				default: '',
				description: "Xero gives sales credit notes the next number in the organisation's sequence when empty",
			},
			currencyField,
			dateField,
			lineAmountTypesField,
			referenceField,
		],
	},
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
			const contactId = check.guid('Contact', this.getNodeParameter('contactId', i, '', { extractValue: true }), { required: true });
			const fields = await documentFields.call(
				this,
				check,
				tenantId,
				this.getNodeParameter('additionalFields', i, {}) as IDataObject,
				'Credit Note Number',
			);
			const status = createStatus(check, this.getNodeParameter('status', i, 'DRAFT'));
			const lineItems = await buildLineItems.call(this, check, tenantId, type === 'ACCRECCREDIT' ? 'sales' : 'purchases');
			return { Type: type, Contact: { ContactID: contactId }, ...fields, Status: status, LineItems: lineItems };
		},
	});
}
