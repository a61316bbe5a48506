import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { xeroRequest } from '../../../shared/transport';
import { runPerItem, tenantFor } from '../common/execution';
import { InputCheck } from '../common/validate';
import type { Operation } from '../resources';
import type { InvoiceKind } from './kind';
import { InvoiceFinder, invoiceLocator, invoiceRefOf } from './lookup';

export function getOnlineUrl(kind: InvoiceKind): Operation {
	const properties: INodeProperties[] = [invoiceLocator(kind.searchMethod, kind.label)];
	return {
		description: updateDisplayOptions({ show: { resource: [kind.resource], operation: ['getOnlineUrl'] } }, properties),
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
			const finder = new InvoiceFinder(this, kind.type);
			await finder.prefetch(items);
			return await runPerItem.call(this, items, async (i) => {
				const check = new InputCheck(this.getNode(), i);
				const tenantId = await tenantFor.call(this, i);
				const id = await finder.id(check, tenantId, invoiceRefOf.call(this, i, check, kind.label), kind.label);
				const body = await xeroRequest.call(this, tenantId, { path: `/Invoices/${id}/OnlineInvoice`, itemIndex: i });
				const online = ((body.OnlineInvoices as IDataObject[] | undefined) ?? [])[0];
				return { InvoiceID: id, OnlineInvoiceUrl: online?.OnlineInvoiceUrl ?? null };
			});
		},
	};
}
