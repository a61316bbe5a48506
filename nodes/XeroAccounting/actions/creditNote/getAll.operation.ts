import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { documentListFilters, limitProperty, returnAllProperty, simplifyProperty } from '../common/descriptions';
import { runPerItem } from '../common/execution';
import { getMany } from '../common/getMany';
import { andWhere, anyOf, csvList, listQuery, quoted } from '../common/listQuery';
import { InputCheck } from '../common/validate';
import { INVOICE_STATUSES } from '../invoice/getAll.operation';

const filters = documentListFilters(INVOICE_STATUSES, 'Credit Note Numbers');
filters.options = [
	...(filters.options as INodeProperties[]),
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Any', value: '' },
			{ name: 'Purchase Credit Notes', value: 'ACCPAYCREDIT' },
			{ name: 'Sales Credit Notes', value: 'ACCRECCREDIT' },
		],
		default: '',
	},
];

const properties: INodeProperties[] = [returnAllProperty, limitProperty, filters, simplifyProperty];

export const description = updateDisplayOptions({ show: { resource: ['creditNote'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const check = new InputCheck(this.getNode(), i);
		const { contactIds, numbers, type, ...rest } = this.getNodeParameter('filters', i, {}) as IDataObject;
		// Xero's credit note list has no ContactIDs or number filters: both go into `where`.
		const { qs, ifModifiedSince } = listQuery(check, rest);
		andWhere(
			qs,
			type ? `Type==${quoted(String(type))}` : undefined,
			anyOf(csvList(contactIds).map((id) => `Contact.ContactID==guid("${check.guid('Contact IDs', id)}")`)),
			anyOf(csvList(numbers).map((number) => `CreditNoteNumber==${quoted(number)}`)),
		);
		return await getMany.call(this, i, { path: '/CreditNotes', property: 'CreditNotes', qs, ifModifiedSince, simplify: true });
	});
}
