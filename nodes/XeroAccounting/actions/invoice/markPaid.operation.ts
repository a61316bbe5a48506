import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyProperty } from '../common/descriptions';
import { bankAccountProperty, createPayments, paymentOptionsProperty } from '../payment/payments';
import type { Operation } from '../resources';
import type { InvoiceKind } from './kind';
import { invoiceLocator } from './lookup';

export function markPaid(kind: InvoiceKind): Operation {
	const properties: INodeProperties[] = [
		invoiceLocator(kind.searchMethod, kind.label),
		bankAccountProperty,
		paymentOptionsProperty,
		simplifyProperty,
	];
	return {
		description: updateDisplayOptions({ show: { resource: [kind.resource], operation: ['markPaid'] } }, properties),
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
			return await createPayments.call(this, items, { type: kind.type, label: kind.label });
		},
	};
}
