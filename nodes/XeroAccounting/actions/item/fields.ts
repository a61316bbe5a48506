import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { organisationOptionField } from '../common/fields';
import { requireAccount, requireTaxType } from '../common/referenceData';
import type { InputCheck } from '../common/validate';

/** Item fields offered on create and update. */
export const itemFields: INodeProperties[] = [
	organisationOptionField('COGS Account Name or ID', 'cogsAccountCode', 'getAccountCodes', 'Cost of goods sold account of a tracked item.'),
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 2 }, default: '', description: 'Description used on sales' },
	organisationOptionField('Inventory Asset Account Name or ID', 'inventoryAssetAccountCode', 'getAccountCodes', 'Inventory account (type INVENTORY) of a tracked item.'),
	{ displayName: 'Is Purchased', name: 'isPurchased', type: 'boolean', default: true, description: 'Whether the item can be used on bills and purchase orders' },
	{ displayName: 'Is Sold', name: 'isSold', type: 'boolean', default: true, description: 'Whether the item can be used on invoices and quotes' },
	{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Name of the item, at most 50 characters' },
	organisationOptionField('Purchase Account Name or ID', 'purchaseAccountCode', 'getAccountCodes', 'Default account on purchases (not for tracked items).'),
	{ displayName: 'Purchase Description', name: 'purchaseDescription', type: 'string', typeOptions: { rows: 2 }, default: '', description: 'Description used on purchases' },
	organisationOptionField('Purchase Tax Type Name or ID', 'purchaseTaxType', 'getTaxTypes', 'Default tax on purchases.'),
	{ displayName: 'Purchase Unit Price', name: 'purchaseUnitPrice', type: 'number', typeOptions: { numberPrecision: 4 }, default: 0 },
	organisationOptionField('Sales Account Name or ID', 'salesAccountCode', 'getAccountCodes', 'Default account on sales.'),
	organisationOptionField('Sales Tax Type Name or ID', 'salesTaxType', 'getTaxTypes', 'Default tax on sales.'),
	{ displayName: 'Sales Unit Price', name: 'salesUnitPrice', type: 'number', typeOptions: { numberPrecision: 4 }, default: 0 },
	{
		displayName: 'Track Inventory',
		name: 'isTrackedAsInventory',
		type: 'boolean',
		default: false,
		description: 'Whether Xero tracks quantity and value on hand; needs the inventory asset and COGS accounts',
	},
];

async function checkAccount(this: IExecuteFunctions, check: InputCheck, tenantId: string, label: string, value: unknown) {
	const code = check.text(label, value, { max: 10 });
	if (code === undefined) return undefined;
	return await requireAccount.call(this, check, tenantId, label, code);
}

async function checkTaxType(this: IExecuteFunctions, check: InputCheck, tenantId: string, label: string, value: unknown) {
	const type = check.text(label, value, { max: 50 });
	if (type === undefined) return undefined;
	await requireTaxType.call(this, check, tenantId, label, type);
	return type;
}

/**
 * The Xero item for the fields filled in. Account and tax codes are checked against the
 * organisation first, and a tracked item must name both its inventory and COGS accounts.
 */
export async function itemFromFields(
	this: IExecuteFunctions,
	check: InputCheck,
	tenantId: string,
	fields: IDataObject,
): Promise<IDataObject> {
	const item: IDataObject = {};
	const name = check.text('Name', fields.name, { max: 50 });
	if (name !== undefined) item.Name = name;
	const description = check.text('Description', fields.description);
	if (description !== undefined) item.Description = description;
	const purchaseDescription = check.text('Purchase Description', fields.purchaseDescription);
	if (purchaseDescription !== undefined) item.PurchaseDescription = purchaseDescription;
	if (typeof fields.isSold === 'boolean') item.IsSold = fields.isSold;
	if (typeof fields.isPurchased === 'boolean') item.IsPurchased = fields.isPurchased;

	const sales: IDataObject = {};
	const salesPrice = check.number('Sales Unit Price', fields.salesUnitPrice);
	if (salesPrice !== undefined) sales.UnitPrice = salesPrice;
	if (await checkAccount.call(this, check, tenantId, 'Sales Account', fields.salesAccountCode)) sales.AccountCode = fields.salesAccountCode;
	const salesTax = await checkTaxType.call(this, check, tenantId, 'Sales Tax Type', fields.salesTaxType);
	if (salesTax) sales.TaxType = salesTax;
	if (Object.keys(sales).length) item.SalesDetails = sales;

	const purchase: IDataObject = {};
	const purchasePrice = check.number('Purchase Unit Price', fields.purchaseUnitPrice);
	if (purchasePrice !== undefined) purchase.UnitPrice = purchasePrice;
	const purchaseTax = await checkTaxType.call(this, check, tenantId, 'Purchase Tax Type', fields.purchaseTaxType);
	if (purchaseTax) purchase.TaxType = purchaseTax;

	const tracked = fields.isTrackedAsInventory === true;
	if (tracked) {
		const asset = await checkAccount.call(this, check, tenantId, 'Inventory Asset Account', fields.inventoryAssetAccountCode);
		if (!asset) check.fail('Inventory Asset Account', 'is required for an item whose inventory is tracked');
		if (asset.Type !== 'INVENTORY') check.fail('Inventory Asset Account', `"${String(asset.Code)}" is a ${String(asset.Type)} account; it must be of type INVENTORY`);
		const cogs = await checkAccount.call(this, check, tenantId, 'COGS Account', fields.cogsAccountCode);
		if (!cogs) check.fail('COGS Account', 'is required for an item whose inventory is tracked');
		if (fields.purchaseAccountCode) check.fail('Purchase Account', 'cannot be set on a tracked item: its purchases go to the inventory account');
		item.IsTrackedAsInventory = true;
		item.InventoryAssetAccountCode = asset.Code;
		purchase.COGSAccountCode = cogs.Code;
	} else {
		for (const [key, label] of [
			['inventoryAssetAccountCode', 'Inventory Asset Account'],
			['cogsAccountCode', 'COGS Account'],
		]) {
			if (fields[key]) check.fail(label, 'is only used when "Track Inventory" is on');
		}
		if (await checkAccount.call(this, check, tenantId, 'Purchase Account', fields.purchaseAccountCode)) {
			purchase.AccountCode = fields.purchaseAccountCode;
		}
	}
	if (Object.keys(purchase).length) item.PurchaseDetails = purchase;
	return item;
}
