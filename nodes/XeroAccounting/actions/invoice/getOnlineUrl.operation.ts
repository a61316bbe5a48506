import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { xeroRequest } from '../../../shared/transport';
import type { Operation } from '../resources';
import type { InvoiceKind } from './kind';
import { invoiceLocator } from './lookup';
import { runPerInvoice } from './perInvoice';

export function getOnlineUrl(kind: InvoiceKind): Operation {
	const properties: INodeProperties[] = [invoiceLocator(kind.searchMethod, kind.label)];
	return {
		description: updateDisplayOptions({ show: { resource: [kind.resource], operation: ['getOnlineUrl'] } }, properties),
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
			return await runPerInvoice.call(this, items, kind, async ({ itemIndex: i, tenantId, invoiceId }) => {
				const id = await invoiceId();
				const body = await xeroRequest.call(this, tenantId, { path: `/Invoices/${id}/OnlineInvoice`, itemIndex: i });
				const online = ((body.OnlineInvoices as IDataObject[] | undefined) ?? [])[0];
				return { InvoiceID: id, OnlineInvoiceUrl: online?.OnlineInvoiceUrl ?? null };
			});
		},
	};
}
