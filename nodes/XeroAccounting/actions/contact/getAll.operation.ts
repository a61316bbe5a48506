import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { xeroGetAll } from '../../../shared/transport';
import { limitProperty, returnAllProperty, simplifyProperty } from '../common/descriptions';
import { runPerItem, tenantFor } from '../common/execution';
import { listQuery } from '../common/listQuery';
import { simplifyAll } from '../common/simplify';
import { InputCheck } from '../common/validate';

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
			{ displayName: 'Include Archived', name: 'includeArchived', type: 'boolean', default: false, description: 'Whether to include archived contacts' },
			{ displayName: 'Modified Since', name: 'modifiedSince', type: 'dateTime', default: '', description: 'Only contacts created or changed after this moment' },
			{ displayName: 'Search Term', name: 'searchTerm', type: 'string', default: '', description: 'Text searched in name, first and last name, contact number, company number and email' },
			{ displayName: 'Where', name: 'where', type: 'string', default: '', placeholder: 'IsCustomer==true', description: 'A Xero filter expression' },
		],
	},
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const { qs, ifModifiedSince } = listQuery(new InputCheck(this.getNode(), i), filters);
		if (filters.includeArchived) qs.includeArchived = true;
		if (filters.searchTerm) qs.searchTerm = filters.searchTerm;
		const returnAll = this.getNodeParameter('returnAll', i) as boolean;
		const contacts = await xeroGetAll.call(this, await tenantFor.call(this, i), {
			path: '/Contacts',
			property: 'Contacts',
			qs,
			ifModifiedSince,
			limit: returnAll ? undefined : (this.getNodeParameter('limit', i) as number),
			itemIndex: i,
		});
		return simplifyAll(contacts, this.getNodeParameter('simplify', i, true) as boolean);
	});
}
