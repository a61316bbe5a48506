import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersProperty, limitProperty, modifiedSinceFilter, returnAllProperty, whereFilter } from '../common/descriptions';
import { runPerItem } from '../common/execution';
import { getMany } from '../common/getMany';
import { andWhere, anyOf, listQuery } from '../common/listQuery';
import { InputCheck } from '../common/validate';

const TYPES = [
	'BANK',
	'CURRENT',
	'CURRLIAB',
	'DEPRECIATN',
	'DIRECTCOSTS',
	'EQUITY',
	'EXPENSE',
	'FIXED',
	'INVENTORY',
	'LIABILITY',
	'NONCURRENT',
	'OTHERINCOME',
	'OVERHEADS',
	'PAYG',
	'PREPAYMENT',
	'REVENUE',
	'SALES',
	'TERMLIAB',
];

const CLASSES = ['ASSET', 'EQUITY', 'EXPENSE', 'LIABILITY', 'REVENUE'];

const title = (value: string) => value.charAt(0) + value.slice(1).toLowerCase();

const properties: INodeProperties[] = [
	returnAllProperty,
	limitProperty,
	filtersProperty([
		{
			displayName: 'Classes',
			name: 'classes',
			type: 'multiOptions',
			options: CLASSES.map((value) => ({ name: title(value), value })),
			default: [],
			description: 'Only accounts of these classes',
		},
		modifiedSinceFilter('accounts'),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Active', value: 'ACTIVE' },
				{ name: 'Any', value: '' },
				{ name: 'Archived', value: 'ARCHIVED' },
			],
			default: 'ACTIVE',
		},
		{
			displayName: 'Types',
			name: 'types',
			type: 'multiOptions',
			options: TYPES.map((value) => ({ name: value, value })),
			default: [],
			description: 'Only accounts of these types (BANK, REVENUE, EXPENSE...)',
		},
		whereFilter('EnablePaymentsToAccount==true'),
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const { qs, ifModifiedSince } = listQuery(new InputCheck(this.getNode(), i), { modifiedSince: filters.modifiedSince, where: filters.where });
		const types = ((filters.types as string[] | undefined) ?? []).filter((t) => TYPES.includes(t));
		const classes = ((filters.classes as string[] | undefined) ?? []).filter((c) => CLASSES.includes(c));
		andWhere(
			qs,
			anyOf(types.map((type) => `Type=="${type}"`)),
			anyOf(classes.map((value) => `Class=="${value}"`)),
			filters.status ? `Status=="${String(filters.status)}"` : undefined,
		);
		return await getMany.call(this, i, { path: '/Accounts', property: 'Accounts', qs, ifModifiedSince, paged: false });
	});
}
