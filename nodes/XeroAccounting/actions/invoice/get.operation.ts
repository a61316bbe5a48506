import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { xeroRequest } from '../../../shared/transport';
import { simplifyProperty } from '../common/descriptions';
import { simplifyAll } from '../common/simplify';
import type { Operation } from '../resources';
import { nounOfType, type InvoiceKind } from './kind';
import { invoiceLocator } from './lookup';
import { runPerInvoice } from './perInvoice';

export function get(kind: InvoiceKind): Operation {
	const properties: INodeProperties[] = [invoiceLocator(kind.searchMethod, kind.label), simplifyProperty];
	return {
		description: updateDisplayOptions({ show: { resource: [kind.resource], operation: ['get'] } }, properties),
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
			return await runPerInvoice.call(this, items, kind, async ({ itemIndex: i, check, tenantId, invoiceId }) => {
				const id = await invoiceId();
				const body = await xeroRequest.call(this, tenantId, { path: `/Invoices/${id}`, itemIndex: i });
				const invoices = (body.Invoices as IDataObject[] | undefined) ?? [];
				if (invoices[0] && invoices[0].Type !== kind.type) {
					check.fail(kind.label, `is a ${nounOfType(invoices[0].Type)}, not a ${kind.noun}`);
				}
				return simplifyAll(invoices, this.getNodeParameter('simplify', i, true) as boolean);
			});
		},
	};
}
