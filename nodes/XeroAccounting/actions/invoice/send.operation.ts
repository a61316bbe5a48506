import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { xeroRequest } from '../../../shared/transport';
import type { Operation } from '../resources';
import type { InvoiceKind } from './kind';
import { invoiceLocator } from './lookup';
import { runPerInvoice } from './perInvoice';

/** Xero's email endpoint takes an empty JSON object; n8n drops empty object bodies, so send it as bytes. */
const EMPTY_JSON = Buffer.from('{}');

export function send(kind: InvoiceKind): Operation {
	const properties: INodeProperties[] = [invoiceLocator(kind.searchMethod, kind.label)];
	return {
		description: updateDisplayOptions({ show: { resource: [kind.resource], operation: ['send'] } }, properties),
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
			return await runPerInvoice.call(this, items, kind, async ({ itemIndex: i, tenantId, invoiceId }) => {
				const id = await invoiceId();
				await xeroRequest.call(this, tenantId, {
					method: 'POST',
					path: `/Invoices/${id}/Email`,
					body: EMPTY_JSON,
					headers: { 'Content-Type': 'application/json' },
					itemIndex: i,
				});
				return { InvoiceID: id, sent: true };
			});
		},
	};
}
