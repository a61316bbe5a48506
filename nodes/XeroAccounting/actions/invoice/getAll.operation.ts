import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { documentListFilters, limitProperty, returnAllProperty, simplifyProperty } from '../common/descriptions';
import { runPerItem } from '../common/execution';
import { getMany } from '../common/getMany';
import { andWhere, listQuery } from '../common/listQuery';
import { InputCheck } from '../common/validate';
import type { Operation } from '../resources';
import type { InvoiceKind } from './kind';

export const INVOICE_STATUSES = ['DRAFT', 'SUBMITTED', 'AUTHORISED', 'PAID', 'VOIDED', 'DELETED'];

export function getAll(kind: InvoiceKind): Operation {
	const properties: INodeProperties[] = [
		returnAllProperty,
		limitProperty,
		documentListFilters(INVOICE_STATUSES, `${kind.numberLabel}s`),
		simplifyProperty,
	];
	return {
		description: updateDisplayOptions({ show: { resource: [kind.resource], operation: ['getAll'] } }, properties),
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
			return await runPerItem.call(this, items, async (i) => {
				const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
				const { qs, ifModifiedSince } = listQuery(new InputCheck(this.getNode(), i), filters, {
					numbers: 'InvoiceNumbers',
					statuses: 'Statuses',
				});
				// One endpoint holds both kinds: the type filter keeps this resource's own.
				andWhere(qs, `Type=="${kind.type}"`);
				return await getMany.call(this, i, { path: '/Invoices', property: 'Invoices', qs, ifModifiedSince, simplify: true });
			});
		},
	};
}
