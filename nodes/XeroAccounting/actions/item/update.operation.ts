import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { batchWrite } from '../common/batchWrite';
import { simplifyProperty, updateFieldsProperty } from '../common/descriptions';
import { itemFields, itemFromFields } from './fields';
import { findItem, itemLocator } from './locator';

const properties: INodeProperties[] = [
	itemLocator,
	updateFieldsProperty([{ displayName: 'Code', name: 'code', type: 'string', default: '', description: 'New code of the item' }, ...itemFields]),
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['item'], operation: ['update'] } }, properties);

/**
 * Xero needs the item's code on every update and replaces sales or purchase details as a whole,
 * so the current item fills in what the update leaves out.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await batchWrite.call(this, items, {
		method: 'POST',
		path: '/Items',
		property: 'Items',
		noun: 'item',
		build: async (check, tenantId) => {
			const current = await findItem.call(this, check, tenantId);
			const fields = this.getNodeParameter('updateFields', check.itemIndex, {}) as IDataObject;
			const code = check.text('Code', fields.code, { max: 30 }) ?? String(current.Code);
			const changes = await itemFromFields.call(this, check, tenantId, fields);
			for (const key of ['SalesDetails', 'PurchaseDetails']) {
				if (changes[key]) changes[key] = { ...((current[key] as IDataObject | undefined) ?? {}), ...(changes[key] as IDataObject) };
			}
			// Xero derives tracking from the two inventory accounts, so a tracked item sends them again.
			if (current.IsTrackedAsInventory === true) {
				changes.InventoryAssetAccountCode ??= current.InventoryAssetAccountCode;
				changes.PurchaseDetails ??= current.PurchaseDetails;
			}
			return { ItemID: current.ItemID, Code: code, ...changes };
		},
	});
}
