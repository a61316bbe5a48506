import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { xeroGetAll } from '../../../shared/transport';
import { documentListFilters, limitProperty, returnAllProperty, simplifyProperty } from '../common/descriptions';
import { runPerItem, tenantFor } from '../common/execution';
import { listQuery } from '../common/listQuery';
import { simplifyAll } from '../common/simplify';
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
				qs.where = [`Type=="${kind.type}"`, qs.where].filter(Boolean).join(' AND ');
				const returnAll = this.getNodeParameter('returnAll', i) as boolean;
				const invoices = await xeroGetAll.call(this, await tenantFor.call(this, i), {
					path: '/Invoices',
					property: 'Invoices',
					qs,
					ifModifiedSince,
					limit: returnAll ? undefined : (this.getNodeParameter('limit', i) as number),
					itemIndex: i,
				});
				return simplifyAll(invoices, this.getNodeParameter('simplify', i, true) as boolean);
			});
		},
	};
}
