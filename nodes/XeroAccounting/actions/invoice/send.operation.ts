import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { xeroRequest } from '../../../shared/transport';
import { runPerItem, tenantFor } from '../common/execution';
import { InputCheck } from '../common/validate';
import type { Operation } from '../resources';
import type { InvoiceKind } from './kind';
import { InvoiceFinder, invoiceLocator, invoiceRefOf } from './lookup';

/** Xero's email endpoint takes an empty JSON object; n8n drops empty object bodies, so send it as bytes. */
const EMPTY_JSON = Buffer.from('{}');

export function send(kind: InvoiceKind): Operation {
	const properties: INodeProperties[] = [invoiceLocator(kind.searchMethod, kind.label)];
	return {
		description: updateDisplayOptions({ show: { resource: [kind.resource], operation: ['send'] } }, properties),
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
			const finder = new InvoiceFinder(this, kind.type);
			await finder.prefetch(items);
			return await runPerItem.call(this, items, async (i) => {
				const check = new InputCheck(this.getNode(), i);
				const tenantId = await tenantFor.call(this, i);
				const id = await finder.id(check, tenantId, invoiceRefOf.call(this, i, check, kind.label), kind.label);
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
