import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersProperty, limitProperty, modifiedSinceFilter, returnAllProperty, simplifyProperty, whereFilter } from '../common/descriptions';
import { runPerItem } from '../common/execution';
import { getMany } from '../common/getMany';
import { listQuery } from '../common/listQuery';
import { InputCheck } from '../common/validate';

const properties: INodeProperties[] = [
	returnAllProperty,
	limitProperty,
	filtersProperty([
		{ displayName: 'Include Archived', name: 'includeArchived', type: 'boolean', default: false, description: 'Whether to include archived contacts' },
		modifiedSinceFilter('contacts'),
		{ displayName: 'Search Term', name: 'searchTerm', type: 'string', default: '', description: 'Text searched in name, first and last name, contact number, company number and email' },
		whereFilter('IsCustomer==true'),
	]),
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const { qs, ifModifiedSince } = listQuery(new InputCheck(this.getNode(), i), filters);
		if (filters.includeArchived) qs.includeArchived = true;
		if (filters.searchTerm) qs.searchTerm = filters.searchTerm;
		return await getMany.call(this, i, { path: '/Contacts', property: 'Contacts', qs, ifModifiedSince, simplify: true });
	});
}
