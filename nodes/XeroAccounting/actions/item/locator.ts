import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { recordLocator } from '../common/descriptions';
import { referenceData } from '../common/referenceData';
import { isGuid, type InputCheck } from '../common/validate';

export const itemLocator = recordLocator('Item', 'itemId', 'searchItems', {
	modes: [{ displayName: 'Code', name: 'code', type: 'string', placeholder: 'WIDGET-01' }],
});

/** The item an input item names, by ID or code, from the organisation's items (read once per run). */
export async function findItem(this: IExecuteFunctions, check: InputCheck, tenantId: string): Promise<IDataObject> {
	const value = check.text('Item', this.getNodeParameter('itemId', check.itemIndex, '', { extractValue: true }), { required: true })!.trim();
	const items = await referenceData.call(this, tenantId, 'Items');
	const wanted = value.toLowerCase();
	const found = isGuid(value)
		? items.find((item) => String(item.ItemID).toLowerCase() === wanted)
		: items.find((item) => String(item.Code).toLowerCase() === wanted);
	if (!found) check.fail('Item', `"${value}" is not an item ID or code in this organisation`);
	return found;
}
