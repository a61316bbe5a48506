import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { batchWrite } from '../common/batchWrite';
import { additionalFieldsProperty, contactLocator, simplifyProperty } from '../common/descriptions';
import { lineItemsProperties } from '../common/lineItems';
import type { Operation } from '../resources';
import { documentToCreate } from './build';
import { invoiceFields, statusProperty } from './fields';
import type { InvoiceKind } from './kind';

export function create(kind: InvoiceKind): Operation {
	const properties: INodeProperties[] = [
		{ ...contactLocator, description: kind.type === 'ACCREC' ? 'The customer' : 'The supplier' },
		statusProperty(kind.noun),
		...lineItemsProperties(),
		additionalFieldsProperty(invoiceFields(kind)),
		simplifyProperty,
	];
	return {
		description: updateDisplayOptions({ show: { resource: [kind.resource], operation: ['create'] } }, properties),
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
			return await batchWrite.call(this, items, {
				method: 'PUT',
				path: '/Invoices',
				property: 'Invoices',
				noun: kind.noun,
				build: async (check, tenantId): Promise<IDataObject> => await documentToCreate.call(this, check, tenantId, kind),
			});
		},
	};
}
