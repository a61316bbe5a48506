import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { batchWrite } from '../common/batchWrite';
import { contactLocator, simplifyProperty } from '../common/descriptions';
import { lineItemsProperties } from '../common/lineItems';
import type { Operation } from '../resources';
import { invoiceChanges } from './build';
import { invoiceFields } from './fields';
import type { InvoiceKind } from './kind';
import { InvoiceFinder, invoiceLocator, invoiceRefOf } from './lookup';

export function update(kind: InvoiceKind): Operation {
	const properties: INodeProperties[] = [
		invoiceLocator(kind.searchMethod, kind.label),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [{ ...contactLocator, required: false }, ...invoiceFields(kind)].sort((a, b) =>
				a.displayName.localeCompare(b.displayName),
			),
		},
		{
			displayName: 'Replace Line Items',
			name: 'replaceLineItems',
			type: 'boolean',
			default: false,
			description: `Whether to replace all lines of the ${kind.noun} with the lines below (only drafts and unpaid ones can change)`,
		},
		...lineItemsProperties().map((property) => ({
			...property,
			displayOptions: { show: { ...property.displayOptions?.show, replaceLineItems: [true] } },
		})),
		simplifyProperty,
	];
	return {
		description: updateDisplayOptions({ show: { resource: [kind.resource], operation: ['update'] } }, properties),
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
			const finder = new InvoiceFinder(this, kind.type);
			// Read first: an ID of the other kind must not be changed by mistake.
			await finder.prefetch(items, { byId: true });
			return await batchWrite.call(this, items, {
				method: 'POST',
				path: '/Invoices',
				property: 'Invoices',
				noun: kind.noun,
				build: async (check, tenantId) => {
					const ref = invoiceRefOf.call(this, check.itemIndex, check, kind.label);
					const invoice = await finder.invoice(check, tenantId, ref, kind.label);
					return await invoiceChanges.call(this, check, tenantId, kind, String(invoice.InvoiceID));
				},
			});
		},
	};
}
