import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { batchWrite } from '../common/batchWrite';
import { simplifyProperty } from '../common/descriptions';
import type { Operation } from '../resources';
import type { InvoiceKind } from './kind';
import { InvoiceFinder, invoiceLocator, invoiceRefOf } from './lookup';

export function approve(kind: InvoiceKind): Operation {
	const properties: INodeProperties[] = [invoiceLocator(kind.searchMethod, kind.label), simplifyProperty];
	return {
		description: updateDisplayOptions({ show: { resource: [kind.resource], operation: ['approve'] } }, properties),
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
			const finder = new InvoiceFinder(this, kind.type);
			// Read first: an ID of the other kind must not be approved by mistake.
			await finder.prefetch(items, { byId: true });
			return await batchWrite.call(this, items, {
				method: 'POST',
				path: '/Invoices',
				property: 'Invoices',
				noun: kind.noun,
				build: async (check, tenantId) => {
					const invoice = await finder.invoice(check, tenantId, invoiceRefOf.call(this, check.itemIndex, check, kind.label), kind.label);
					return { InvoiceID: invoice.InvoiceID, Status: 'AUTHORISED' };
				},
			});
		},
	};
}
