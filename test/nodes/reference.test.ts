import type { IDataObject } from 'n8n-workflow';

import { startXero, type XeroFixture } from '../helpers/xero';
import type { OrganisationData } from '../sandbox';

const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });

describe('Reference data', () => {
	let xero: XeroFixture;
	let org: OrganisationData;

	beforeAll(async () => {
		xero = await startXero({ size: 6 });
		org = xero.sandbox.store.tenant(xero.tenantId);
	});

	afterAll(async () => {
		expect(xero.sandbox.specViolations).toEqual([]);
		await xero.close();
	});

	beforeEach(() => xero.sandbox.clearLog());

	const calls = (path: string) => xero.sandbox.log.filter((entry) => entry.path.endsWith(path));

	describe('Item', () => {
		it('gets an item by ID and by code', async () => {
			const item = org.Items.all()[0];
			const byId = await xero.run({ resource: 'item', operation: 'get', itemId: rl(item.ItemID) });
			expect(byId.error).toBeUndefined();
			expect(byId.items.map((i) => i.json.ItemID)).toEqual([item.ItemID]);
			const byCode = await xero.run({ resource: 'item', operation: 'get', itemId: rl(item.Code.toLowerCase(), 'code') });
			expect(byCode.error).toBeUndefined();
			expect(byCode.items.map((i) => i.json.Code)).toEqual([item.Code]);
		});

		it('gets many items in one call, honouring the limit', async () => {
			const all = await xero.run({ resource: 'item', operation: 'getAll', returnAll: true });
			expect(all.error).toBeUndefined();
			expect(all.items.map((i) => i.json.ItemID).sort()).toEqual(org.Items.all().map((i) => i.ItemID).sort());
			const some = await xero.run({ resource: 'item', operation: 'getAll', returnAll: false, limit: 2, filters: { where: 'IsSold==true' } });
			expect(some.items).toHaveLength(2);
			expect(calls('/Items')).toHaveLength(2);
			expect(calls('/Items')[1].query).toEqual({ where: '(IsSold==true)' });
		});

		it('creates an item with sales and purchase details', async () => {
			const { items, error } = await xero.run({
				resource: 'item',
				operation: 'create',
				code: 'TEST-JAM',
				additionalFields: {
					name: 'Organic jam',
					description: 'Organic strawberry jam 250g',
					purchaseDescription: 'Jam, case of 12',
					salesUnitPrice: 7.5,
					salesAccountCode: '200',
					salesTaxType: 'OUTPUT',
					purchaseUnitPrice: 3.25,
					purchaseAccountCode: '300',
					purchaseTaxType: 'INPUT',
				},
			});
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({ Code: 'TEST-JAM', Name: 'Organic jam' });
			const stored = org.itemByCode('TEST-JAM')!;
			expect(stored).toMatchObject({
				Name: 'Organic jam',
				Description: 'Organic strawberry jam 250g',
				PurchaseDescription: 'Jam, case of 12',
				SalesDetails: { UnitPrice: 7.5, AccountCode: '200', TaxType: 'OUTPUT' },
				PurchaseDetails: { UnitPrice: 3.25, AccountCode: '300', TaxType: 'INPUT' },
				IsTrackedAsInventory: false,
			});
			expect(org.Items.filter((i) => i.Code === 'TEST-JAM')).toHaveLength(1);
		});

		it('creates an item tracked as inventory with its COGS and inventory accounts', async () => {
			const { error } = await xero.run({
				resource: 'item',
				operation: 'create',
				code: 'TEST-HONEY',
				additionalFields: { name: 'Honey', isTrackedAsInventory: true, inventoryAssetAccountCode: '630', cogsAccountCode: '310', purchaseUnitPrice: 4 },
			});
			expect(error).toBeUndefined();
			expect(org.itemByCode('TEST-HONEY')).toMatchObject({
				IsTrackedAsInventory: true,
				InventoryAssetAccountCode: '630',
				PurchaseDetails: { COGSAccountCode: '310', UnitPrice: 4 },
			});
		});

		it('refuses a tracked item without an inventory account, and unknown codes, before calling Xero', async () => {
			const tracked = await xero.run({ resource: 'item', operation: 'create', code: 'TEST-BAD', additionalFields: { isTrackedAsInventory: true, cogsAccountCode: '310' } });
			expect(tracked.error?.message).toMatch(/Inventory Asset Account.*required/);
			const wrongType = await xero.run({
				resource: 'item',
				operation: 'create',
				code: 'TEST-BAD',
				additionalFields: { isTrackedAsInventory: true, inventoryAssetAccountCode: '200', cogsAccountCode: '310' },
			});
			expect(wrongType.error?.message).toMatch(/must be of type INVENTORY/);
			const unknown = await xero.run({ resource: 'item', operation: 'create', code: 'TEST-BAD', additionalFields: { salesAccountCode: '9999' } });
			expect(unknown.error?.message).toMatch(/"9999" is not an account code/);
			expect(xero.sandbox.log.filter((entry) => entry.method !== 'GET')).toHaveLength(0);
			expect(org.itemByCode('TEST-BAD')).toBeUndefined();
		});

		it('updates an item, keeping the details it does not change', async () => {
			const item = org.Items.find((i) => !i.IsTrackedAsInventory && !!i.SalesDetails?.AccountCode)!;
			const before = structuredClone(item.SalesDetails!);
			const { items, error } = await xero.run({
				resource: 'item',
				operation: 'update',
				itemId: rl(item.Code, 'code'),
				updateFields: { name: 'Renamed item', salesUnitPrice: 99.5 },
			});
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({ ItemID: item.ItemID, Name: 'Renamed item' });
			const stored = org.Items.get(item.ItemID)!;
			expect(stored.Name).toBe('Renamed item');
			expect(stored.Code).toBe(item.Code);
			expect(stored.SalesDetails).toEqual({ ...before, UnitPrice: 99.5 });
			const post = calls('/Items').filter((entry) => entry.method === 'POST');
			expect(post).toHaveLength(1);
		});

		it('changes the code of an item found by ID', async () => {
			const item = org.Items.find((i) => i.Code !== 'TEST-JAM' && i.Code !== 'TEST-HONEY')!;
			const { error } = await xero.run({ resource: 'item', operation: 'update', itemId: rl(item.ItemID), updateFields: { code: 'TEST-RECODED' } });
			expect(error).toBeUndefined();
			expect(org.Items.get(item.ItemID)!.Code).toBe('TEST-RECODED');
		});
	});

	describe('Account', () => {
		it('gets an account by ID and by code', async () => {
			const account = org.accountByCode('200')!;
			const byId = await xero.run({ resource: 'account', operation: 'get', account: account.AccountID });
			expect(byId.items.map((i) => i.json.AccountID)).toEqual([account.AccountID]);
			const byCode = await xero.run({ resource: 'account', operation: 'get', account: '200' });
			expect(byCode.items.map((i) => i.json.AccountID)).toEqual([account.AccountID]);
			const missing = await xero.run({ resource: 'account', operation: 'get', account: '12345' });
			expect(missing.error?.message).toMatch(/"12345" is not an account code/);
		});

		it('gets the active accounts', async () => {
			const { items, error } = await xero.run({ resource: 'account', operation: 'getAll', returnAll: true, filters: { status: 'ACTIVE' } });
			expect(error).toBeUndefined();
			const expected = org.Accounts.filter((a) => a.Status === 'ACTIVE');
			expect(items.map((i) => i.json.AccountID).sort()).toEqual(expected.map((a) => a.AccountID).sort());
			expect(expected.length).toBeLessThan(org.Accounts.size);
		});

		it('filters accounts by type and class', async () => {
			const { items, error } = await xero.run({
				resource: 'account',
				operation: 'getAll',
				returnAll: true,
				filters: { types: ['BANK', 'CURRENT'], classes: ['ASSET'], status: '' },
			});
			expect(error).toBeUndefined();
			const expected = org.Accounts.filter((a) => ['BANK', 'CURRENT'].includes(a.Type) && a.Class === 'ASSET');
			expect(expected.length).toBeGreaterThan(1);
			expect(items.map((i) => i.json.Code).sort()).toEqual(expected.map((a) => a.Code).sort());
			expect(calls('/Accounts')[0].query.where).toBe('(Type=="BANK" OR Type=="CURRENT") AND (Class=="ASSET")');
		});
	});

	describe('Tax Rate', () => {
		it('gets a tax rate by tax type', async () => {
			const { items, error } = await xero.run({ resource: 'taxRate', operation: 'get', taxType: 'OUTPUT' });
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({ TaxType: 'OUTPUT', Name: org.TaxRates.get('OUTPUT')!.Name });
		});

		it('gets many tax rates by status', async () => {
			const active = await xero.run({ resource: 'taxRate', operation: 'getAll', returnAll: true, filters: { status: 'ACTIVE' } });
			expect(active.items.map((i) => i.json.TaxType).sort()).toEqual(org.TaxRates.filter((t) => t.Status === 'ACTIVE').map((t) => t.TaxType).sort());
			const all = await xero.run({ resource: 'taxRate', operation: 'getAll', returnAll: true, filters: { status: '' } });
			expect(all.items).toHaveLength(org.TaxRates.size);
			const limited = await xero.run({ resource: 'taxRate', operation: 'getAll', returnAll: false, limit: 2 });
			expect(limited.items).toHaveLength(2);
		});
	});

	describe('Tracking Category', () => {
		it('gets a tracking category with its options', async () => {
			const category = org.TrackingCategories.all()[0];
			const { items, error } = await xero.run({ resource: 'trackingCategory', operation: 'get', trackingCategoryId: category.TrackingCategoryID });
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({ Name: category.Name });
			expect((items[0].json.Options as IDataObject[]).map((o) => o.Name)).toEqual(category.Options.map((o) => o.Name));
		});

		it('gets many tracking categories', async () => {
			const { items } = await xero.run({ resource: 'trackingCategory', operation: 'getAll', returnAll: true });
			expect(items.map((i) => i.json.TrackingCategoryID).sort()).toEqual(
				org.TrackingCategories.filter((c) => c.Status !== 'ARCHIVED').map((c) => c.TrackingCategoryID).sort(),
			);
			const archived = await xero.run({ resource: 'trackingCategory', operation: 'getAll', returnAll: true, filters: { includeArchived: true } });
			expect(archived.items).toHaveLength(org.TrackingCategories.size);
			expect(calls('/TrackingCategories')[1].query).toEqual({ includeArchived: 'true' });
		});
	});

	describe('Currency', () => {
		it('gets an enabled currency and refuses one that is not', async () => {
			const usd = await xero.run({ resource: 'currency', operation: 'get', code: 'usd' });
			expect(usd.error).toBeUndefined();
			expect(usd.items.map((i) => i.json.Code)).toEqual(['USD']);
			const eur = await xero.run({ resource: 'currency', operation: 'get', code: 'EUR' });
			expect(eur.error?.message).toMatch(/"EUR" is not enabled/);
		});

		it('gets many currencies', async () => {
			const { items } = await xero.run({ resource: 'currency', operation: 'getAll', returnAll: true });
			expect(items.map((i) => i.json.Code).sort()).toEqual(org.Currencies.all().map((c) => c.Code).sort());
		});
	});

	describe('Organisation', () => {
		it('gets the chosen organisation', async () => {
			const { items, error } = await xero.run({ resource: 'organisation', operation: 'get' });
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({ Name: org.Organisation.Name, BaseCurrency: org.baseCurrency() });
		});

		it('gets every organisation the credential reaches', async () => {
			const { items, error } = await xero.run({ resource: 'organisation', operation: 'getAll' });
			expect(error).toBeUndefined();
			expect(items.map((i) => i.json.tenantId).sort()).toEqual(xero.sandbox.tenants.map((t) => t.tenantId).sort());
		});
	});
});
