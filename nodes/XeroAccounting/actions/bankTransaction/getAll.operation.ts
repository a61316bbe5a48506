import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { dateRangeFilters, filtersProperty, limitProperty, modifiedSinceFilter, returnAllProperty, simplifyProperty, whereFilter } from '../common/descriptions';
import { runPerItem } from '../common/execution';
import { organisationOptionField } from '../common/fields';
import { getMany } from '../common/getMany';
import { andWhere, anyOf, listQuery } from '../common/listQuery';
import { InputCheck } from '../common/validate';

const TYPES = ['RECEIVE', 'RECEIVE-OVERPAYMENT', 'RECEIVE-PREPAYMENT', 'RECEIVE-TRANSFER', 'SPEND', 'SPEND-OVERPAYMENT', 'SPEND-PREPAYMENT', 'SPEND-TRANSFER'];

const properties: INodeProperties[] = [
	returnAllProperty,
	limitProperty,
	filtersProperty([
		organisationOptionField('Bank Account Name or ID', 'bankAccount', 'getBankAccounts', 'Only transactions of this bank account (its code).'),
		...dateRangeFilters('transactions dated'),
		modifiedSinceFilter('transactions'),
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
		whereFilter('Reference=="Stripe payout"'),
	]),
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['bankTransaction'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const check = new InputCheck(this.getNode(), i);
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const { qs, ifModifiedSince } = listQuery(check, filters, { statuses: 'where' });
		const types = ((filters.types as string[] | undefined) ?? []).filter((t) => TYPES.includes(t));
		const bankAccount = check.text('Bank Account', filters.bankAccount, { max: 10 });
		andWhere(
			qs,
			filters.unreconciledOnly ? 'IsReconciled==false' : undefined,
			anyOf(types.map((t) => `Type=="${t}"`)),
			bankAccount ? `BankAccount.Code==${JSON.stringify(bankAccount)}` : undefined,
		);
		return await getMany.call(this, i, { path: '/BankTransactions', property: 'BankTransactions', qs, ifModifiedSince, simplify: true });
	});
}
