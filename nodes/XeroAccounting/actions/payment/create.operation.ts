import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyProperty } from '../common/descriptions';
import { invoiceLocator } from '../invoice/lookup';
import { bankAccountProperty, createPayments, paymentOptionsProperty } from './payments';

const properties: INodeProperties[] = [
	invoiceLocator('searchInvoices', 'Invoice or Bill', 'The approved sales invoice or bill being paid, by ID or number'),
	bankAccountProperty,
	paymentOptionsProperty,
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['payment'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await createPayments.call(this, items, { label: 'Invoice or Bill' });
}
