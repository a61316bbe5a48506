import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { xeroRequest } from '../../../shared/transport';
import { simplifyProperty } from '../common/descriptions';
import { runPerItem, tenantFor } from '../common/execution';
import { simplifyAll } from '../common/simplify';
import { InputCheck } from '../common/validate';
import type { Operation } from '../resources';
import { nounOfType, type InvoiceKind } from './kind';
import { InvoiceFinder, invoiceLocator, invoiceRefOf } from './lookup';

export function get(kind: InvoiceKind): Operation {
	const properties: INodeProperties[] = [invoiceLocator(kind.searchMethod, kind.label), simplifyProperty];
	return {
		description: updateDisplayOptions({ show: { resource: [kind.resource], operation: ['get'] } }, properties),
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
			const finder = new InvoiceFinder(this, kind.type);
			await finder.prefetch(items);
			return await runPerItem.call(this, items, async (i) => {
				const check = new InputCheck(this.getNode(), i);
				const tenantId = await tenantFor.call(this, i);
				const id = await finder.id(check, tenantId, invoiceRefOf.call(this, i, check, kind.label), kind.label);
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
