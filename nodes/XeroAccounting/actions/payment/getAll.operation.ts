import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { dateRangeFilters, filtersProperty, limitProperty, modifiedSinceFilter, returnAllProperty, simplifyProperty, whereFilter } from '../common/descriptions';
import { runPerItem } from '../common/execution';
import { getMany } from '../common/getMany';
import { andWhere, listQuery } from '../common/listQuery';
import { InputCheck } from '../common/validate';

const properties: INodeProperties[] = [
	returnAllProperty,
	limitProperty,
	filtersProperty([
		...dateRangeFilters('payments made'),
		{
			displayName: 'Invoice or Bill ID',
			name: 'invoiceId',
			type: 'string',
			default: '',
			placeholder: '00000000-0000-0000-0000-000000000000',
			description: 'Only payments of this invoice or bill',
		},
		modifiedSinceFilter('payments'),
		{
			displayName: 'Statuses',
			name: 'statuses',
			type: 'multiOptions',
			options: [
				{ name: 'Authorised', value: 'AUTHORISED' },
				{ name: 'Deleted', value: 'DELETED', description: 'Voided payments' },
			],
			default: [],
		},
		whereFilter('Reference=="T-1001"', { besideOtherFilters: true }),
	]),
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['payment'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const check = new InputCheck(this.getNode(), i);
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const { qs, ifModifiedSince } = listQuery(check, filters);
		const invoiceId = check.guid('Invoice or Bill ID', filters.invoiceId);
		andWhere(qs, invoiceId ? `Invoice.InvoiceID==guid("${invoiceId}")` : undefined);
		return await getMany.call(this, i, { path: '/Payments', property: 'Payments', qs, ifModifiedSince, simplify: true });
	});
}
