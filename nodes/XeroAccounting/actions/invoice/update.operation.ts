import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { contactLocator, simplifyProperty, updateFieldsProperty } from '../common/descriptions';
import { lineItemsProperties } from '../common/lineItems';
import type { Operation } from '../resources';
import { invoiceChanges } from './build';
import { invoiceFields } from './fields';
import type { InvoiceKind } from './kind';
import { invoiceLocator } from './lookup';
import { changeInvoices } from './perInvoice';

export function update(kind: InvoiceKind): Operation {
	const properties: INodeProperties[] = [
		invoiceLocator(kind.searchMethod, kind.label),
		updateFieldsProperty(
			[{ ...contactLocator, required: false }, ...invoiceFields(kind)].sort((a, b) => a.displayName.localeCompare(b.displayName)),
		),
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
			return await changeInvoices.call(
				this,
				items,
				kind,
				async (invoice, check, tenantId) => await invoiceChanges.call(this, check, tenantId, kind, String(invoice.InvoiceID)),
			);
		},
	};
}
