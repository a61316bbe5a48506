import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { xeroRequest } from '../../../shared/transport';
import { additionalFieldsProperty, simplifyProperty } from '../common/descriptions';
import { runPerItem, tenantFor } from '../common/execution';
import { quoted } from '../common/listQuery';
import { simplify } from '../common/simplify';
import { InputCheck } from '../common/validate';
import { contactFields, contactFromFields } from './fields';

const MATCH_FIELDS: Record<string, string> = { name: 'Name', email: 'EmailAddress', accountNumber: 'AccountNumber' };

const properties: INodeProperties[] = [
	{
		displayName: 'Match On',
		name: 'matchOn',
		type: 'options',
		options: [
			{ name: 'Account Number', value: 'accountNumber' },
			{ name: 'Email', value: 'email' },
			{ name: 'Name', value: 'name' },
		],
		default: 'name',
		description: 'Which field identifies an existing contact. The first contact with the same value is used.',
	},
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', description: 'Name of the contact, used when it has to be created (and to match on, if chosen)' },
	additionalFieldsProperty(contactFields),
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['findOrCreate'] } }, properties);

/**
 * Finds the contact by the chosen field, creating it only when none exists. Input items asking for
 * the same contact share one lookup and at most one create, so a run never creates it twice.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const pending = new Map<string, Promise<{ contact: IDataObject; created: boolean }>>();
	const matchOn = this.getNodeParameter('matchOn', 0) as string;
	return await runPerItem.call(this, items, async (i) => {
		const check = new InputCheck(this.getNode(), i);
		const tenantId = await tenantFor.call(this, i);
		const contact = contactFromFields(
			check,
			this.getNodeParameter('additionalFields', i, {}) as IDataObject,
			this.getNodeParameter('name', i) as string,
		);
		const field = MATCH_FIELDS[matchOn];
		const value =
			(contact[field] as string | undefined) ||
			check.fail(field === 'Name' ? 'Name' : field === 'EmailAddress' ? 'Email' : 'Account Number', 'is needed to match on');
		const key = `${tenantId}|${field}|${value.toLowerCase()}`;
		let result = pending.get(key);
		if (!result) {
			result = (async () => {
				const found = await xeroRequest.call(this, tenantId, {
					path: '/Contacts',
					qs: { where: `${field}==${quoted(value)}`, includeArchived: false, page: 1, pageSize: 1 },
					itemIndex: i,
				});
				const existing = (found.Contacts as IDataObject[] | undefined)?.[0];
				if (existing) return { contact: existing, created: false };
				const created = await xeroRequest.call(this, tenantId, {
					method: 'PUT',
					path: '/Contacts',
					body: { Contacts: [contact] },
					itemIndex: i,
				});
				return { contact: (created.Contacts as IDataObject[])[0], created: true };
			})();
			pending.set(key, result);
		}
		const { contact: document, created } = await result;
		const output = this.getNodeParameter('simplify', i, true) ? (simplify(document) as IDataObject) : document;
		return { ...output, contactAction: created ? 'created' : 'found' };
	});
}
