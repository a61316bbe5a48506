import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { xeroGetAll } from '../../../shared/transport';
import { limitProperty, returnAllProperty } from '../common/descriptions';
import { runPerItem, tenantFor } from '../common/execution';
import { listQuery } from '../common/listQuery';
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
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Classes',
				name: 'classes',
				type: 'multiOptions',
				options: CLASSES.map((value) => ({ name: title(value), value })),
				default: [],
				description: 'Only accounts of these classes',
			},
			{ displayName: 'Modified Since', name: 'modifiedSince', type: 'dateTime', default: '', description: 'Only accounts created or changed after this moment' },
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
			{ displayName: 'Where', name: 'where', type: 'string', default: '', placeholder: 'EnablePaymentsToAccount==true', description: 'A Xero filter expression' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['getAll'] } }, properties);

const anyOf = (field: string, values: string[]) => `(${values.map((value) => `${field}=="${value}"`).join(' OR ')})`;

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const clauses: string[] = [];
		const types = ((filters.types as string[] | undefined) ?? []).filter((t) => TYPES.includes(t));
		if (types.length) clauses.push(anyOf('Type', types));
		const classes = ((filters.classes as string[] | undefined) ?? []).filter((c) => CLASSES.includes(c));
		if (classes.length) clauses.push(anyOf('Class', classes));
		if (filters.status) clauses.push(`Status=="${String(filters.status)}"`);
		if (typeof filters.where === 'string' && filters.where.trim()) clauses.push(`(${filters.where.trim()})`);
		const { ifModifiedSince } = listQuery(new InputCheck(this.getNode(), i), { modifiedSince: filters.modifiedSince });
		const returnAll = this.getNodeParameter('returnAll', i) as boolean;
		return await xeroGetAll.call(this, await tenantFor.call(this, i), {
			path: '/Accounts',
			property: 'Accounts',
			qs: clauses.length ? { where: clauses.join(' AND ') } : {},
			ifModifiedSince,
			paged: false,
			limit: returnAll ? undefined : (this.getNodeParameter('limit', i) as number),
			itemIndex: i,
		});
	});
}
