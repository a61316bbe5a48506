import { randomUUID } from 'crypto';
import { EMPTY_ID, type Built } from './batch';
import { asObject, str } from './documents';
import type { Engine } from './engine';
import type { OrganisationData } from './store';
import type { Json, XeroItem } from './types';
import { msDate } from './xero-format';

export function buildItem(engine: Engine, org: OrganisationData, element: Json, options: { mode: 'create' | 'upsert'; target?: XeroItem }): Built<XeroItem> {
	const errors: string[] = [];
	const byCode = str(element.Code) ? org.itemByCode(str(element.Code)) : undefined;
	let existing = options.target ?? (str(element.ItemID) ? org.Items.get(str(element.ItemID)) : options.mode === 'upsert' ? byCode : undefined);
	if (str(element.ItemID) && !existing) errors.push(`Item with ItemID '${element.ItemID}' could not be found`);
	if (options.mode === 'create' && !options.target && str(element.ItemID) && existing) {
		errors.push(`An item with ItemID '${existing.ItemID}' already exists; use POST to update it`);
		existing = undefined;
	}
	const code = str(element.Code) ?? existing?.Code;
	if (!code) errors.push('Item code must be specified');
	else {
		if (code.length > 30) errors.push('Item code must be 30 characters or fewer');
		const clash = org.itemByCode(code);
		if (clash && clash.ItemID !== existing?.ItemID) errors.push(`Item code '${code}' already exists`);
	}
	const name = str(element.Name) ?? existing?.Name;
	if (name !== undefined && name.length > 50) errors.push('Item name must be 50 characters or fewer');
	const item: XeroItem = existing
		? structuredClone(existing)
		: { ItemID: randomUUID(), Code: '', IsSold: true, IsPurchased: true, IsTrackedAsInventory: false, UpdatedDateUTC: msDate(0) };
	for (const key of ['Name', 'Description', 'PurchaseDescription', 'IsSold', 'IsPurchased', 'InventoryAssetAccountCode'] as const) {
		if (element[key] !== undefined) (item as Json)[key] = element[key];
	}
	for (const key of ['SalesDetails', 'PurchaseDetails'] as const) {
		const details = asObject(element[key]);
		if (!details) continue;
		const accountCode = str(details.AccountCode) ?? str(details.COGSAccountCode);
		if (accountCode && !org.accountByCode(accountCode)) errors.push(`Account code '${accountCode}' is not a valid code for this item.`);
		const taxType = str(details.TaxType);
		if (taxType && !org.TaxRates.get(taxType)) errors.push(`The TaxType code '${taxType}' does not exist or cannot be used with this type of transaction.`);
		item[key] = { ...(item[key] ?? {}), ...details };
	}
	if (typeof element.IsTrackedAsInventory === 'boolean') item.IsTrackedAsInventory = element.IsTrackedAsInventory;
	if (item.IsTrackedAsInventory && !item.InventoryAssetAccountCode) errors.push('InventoryAssetAccountCode is required for tracked inventory items');
	if (code) item.Code = code;
	const echo: Json = { ...element, ItemID: existing?.ItemID ?? EMPTY_ID };
	if (errors.length) return { errors, echo };
	return {
		errors,
		echo,
		draft: {
			doc: item,
			commit: () => {
				item.UpdatedDateUTC = msDate(org.nextStamp(engine.now()));
				org.Items.put(item);
			},
		},
	};
}
