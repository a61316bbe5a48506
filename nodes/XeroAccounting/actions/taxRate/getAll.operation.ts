import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersProperty, limitProperty, returnAllProperty, whereFilter } from '../common/descriptions';
import { runPerItem } from '../common/execution';
import { getMany } from '../common/getMany';
import { andWhere, listQuery } from '../common/listQuery';
import { InputCheck } from '../common/validate';

const STATUSES = ['ACTIVE', 'ARCHIVED', 'DELETED', 'PENDING'];

const properties: INodeProperties[] = [
	returnAllProperty,
	limitProperty,
	filtersProperty([
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Active', value: 'ACTIVE' },
				{ name: 'Any', value: '' },
				{ name: 'Archived', value: 'ARCHIVED' },
				{ name: 'Deleted', value: 'DELETED' },
				{ name: 'Pending', value: 'PENDING' },
			],
			default: 'ACTIVE',
		},
		whereFilter('CanApplyToRevenue==true'),
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['taxRate'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const { qs } = listQuery(new InputCheck(this.getNode(), i), { where: filters.where });
		const status = filters.status && STATUSES.includes(String(filters.status)) ? String(filters.status) : undefined;
		andWhere(qs, status && `Status=="${status}"`);
		return await getMany.call(this, i, { path: '/TaxRates', property: 'TaxRates', qs, paged: false });
	});
}
