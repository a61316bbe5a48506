import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { xeroGetAll } from '../../../shared/transport';
import { limitProperty, returnAllProperty, simplifyProperty } from '../common/descriptions';
import { runPerItem, tenantFor } from '../common/execution';
import { listQuery } from '../common/listQuery';
import { simplifyAll } from '../common/simplify';
import { InputCheck } from '../common/validate';

const TYPES = ['RECEIVE', 'RECEIVE-OVERPAYMENT', 'RECEIVE-PREPAYMENT', 'RECEIVE-TRANSFER', 'SPEND', 'SPEND-OVERPAYMENT', 'SPEND-PREPAYMENT', 'SPEND-TRANSFER'];

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
				displayName: 'Bank Account Name or ID',
				name: 'bankAccount',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getBankAccounts', loadOptionsDependsOn: ['tenantId.value'] },
				default: '',
				description:
					'Only transactions of this bank account (its code). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{ displayName: 'Date From', name: 'dateFrom', type: 'dateTime', default: '', description: 'Only transactions dated on or after this day' },
			{ displayName: 'Date To', name: 'dateTo', type: 'dateTime', default: '', description: 'Only transactions dated on or before this day' },
			{ displayName: 'Modified Since', name: 'modifiedSince', type: 'dateTime', default: '', description: 'Only transactions created or changed after this moment' },
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: [
					{ name: 'Authorised', value: 'AUTHORISED' },
					{ name: 'Deleted', value: 'DELETED' },
					{ name: 'Voided', value: 'VOIDED' },
				],
				default: [],
			},
			{
				displayName: 'Types',
				name: 'types',
				type: 'multiOptions',
				options: TYPES.map((value) => ({ name: value, value })),
				default: [],
				description: 'RECEIVE is money in, SPEND money out',
			},
			{
				displayName: 'Unreconciled Only',
				name: 'unreconciledOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to return only transactions not yet reconciled with a bank statement line, the ones to review',
			},
			{ displayName: 'Where', name: 'where', type: 'string', default: '', placeholder: 'Reference=="Stripe payout"', description: 'A Xero filter expression' },
		],
	},
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['bankTransaction'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const check = new InputCheck(this.getNode(), i);
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const { qs, ifModifiedSince } = listQuery(check, filters, { statuses: 'where' });
		const clauses: string[] = [];
		if (filters.unreconciledOnly) clauses.push('IsReconciled==false');
		const types = ((filters.types as string[] | undefined) ?? []).filter((t) => TYPES.includes(t));
		if (types.length) clauses.push(`(${types.map((t) => `Type=="${t}"`).join(' OR ')})`);
		const bankAccount = check.text('Bank Account', filters.bankAccount, { max: 10 });
		if (bankAccount) clauses.push(`BankAccount.Code==${JSON.stringify(bankAccount)}`);
		if (qs.where) clauses.push(String(qs.where));
		if (clauses.length) qs.where = clauses.join(' AND ');
		const returnAll = this.getNodeParameter('returnAll', i) as boolean;
		const transactions = await xeroGetAll.call(this, await tenantFor.call(this, i), {
			path: '/BankTransactions',
			property: 'BankTransactions',
			qs,
			ifModifiedSince,
			limit: returnAll ? undefined : (this.getNodeParameter('limit', i) as number),
			itemIndex: i,
		});
		return simplifyAll(transactions, this.getNodeParameter('simplify', i, true) as boolean);
	});
}
