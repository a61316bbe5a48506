import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyProperty } from '../common/descriptions';
import type { Operation } from '../resources';
import type { InvoiceKind } from './kind';
import { invoiceLocator } from './lookup';
import { changeInvoices } from './perInvoice';

export function approve(kind: InvoiceKind): Operation {
	const properties: INodeProperties[] = [invoiceLocator(kind.searchMethod, kind.label), simplifyProperty];
	return {
		description: updateDisplayOptions({ show: { resource: [kind.resource], operation: ['approve'] } }, properties),
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
			return await changeInvoices.call(this, items, kind, (invoice) => ({ InvoiceID: invoice.InvoiceID, Status: 'AUTHORISED' }));
		},
	};
}
