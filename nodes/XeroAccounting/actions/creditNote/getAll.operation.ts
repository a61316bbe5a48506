import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { xeroGetAll } from '../../../shared/transport';
import { documentListFilters, limitProperty, returnAllProperty, simplifyProperty } from '../common/descriptions';
import { runPerItem, tenantFor } from '../common/execution';
import { listQuery } from '../common/listQuery';
import { simplifyAll } from '../common/simplify';
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

function quoted(value: string): string {
	return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function anyOf(clauses: string[]): string | undefined {
	return clauses.length ? `(${clauses.join(' OR ')})` : undefined;
}

function csv(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const check = new InputCheck(this.getNode(), i);
		const { contactIds, numbers, type, ...rest } = this.getNodeParameter('filters', i, {}) as IDataObject;
		// Xero's credit note list has no ContactIDs or number filters: both go into `where`.
		const { qs, ifModifiedSince } = listQuery(check, rest);
		const clauses = [
			type ? `Type==${quoted(String(type))}` : undefined,
			anyOf(csv(contactIds).map((id) => `Contact.ContactID==guid("${check.guid('Contact IDs', id)}")`)),
			anyOf(csv(numbers).map((number) => `CreditNoteNumber==${quoted(number)}`)),
			qs.where as string | undefined,
		].filter(Boolean);
		if (clauses.length) qs.where = clauses.join(' AND ');
		const returnAll = this.getNodeParameter('returnAll', i) as boolean;
		const notes = await xeroGetAll.call(this, await tenantFor.call(this, i), {
			path: '/CreditNotes',
			property: 'CreditNotes',
			qs,
			ifModifiedSince,
			limit: returnAll ? undefined : (this.getNodeParameter('limit', i) as number),
			itemIndex: i,
		});
		return simplifyAll(notes, this.getNodeParameter('simplify', i, true) as boolean);
	});
}
