import type { IDataObject } from 'n8n-workflow';

import { startXero, type XeroFixture } from '../helpers/xero';
import type { OrganisationData, XeroPurchaseOrder } from '../sandbox';

const rl = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Purchase Order', () => {
	let xero: XeroFixture;
	let org: OrganisationData;
	let supplierId: string;

	beforeAll(async () => {
		xero = await startXero({ size: 12 });
		org = xero.sandbox.store.tenant(xero.tenantId);
		supplierId = org.Contacts.find((c) => c.IsSupplier && c.ContactStatus === 'ACTIVE')!.ContactID;
	});

	afterAll(async () => {
		expect(xero.sandbox.specViolations).toEqual([]);
		await xero.close();
	});

	beforeEach(() => xero.sandbox.clearLog());

	const byReference = (reference: string) => org.PurchaseOrders.filter((po) => po.Reference === reference);
	const writes = (method: string) => xero.sandbox.log.filter((entry) => entry.method === method && entry.path.endsWith('/PurchaseOrders'));

	it('creates a purchase order once, with item defaults from the purchase side', async () => {
		const lines = [
			{ ItemCode: 'COFFEE-FT', Quantity: 4 },
			{ Description: 'Pallet hire', Quantity: 1, UnitAmount: 35, AccountCode: '429', TaxType: 'INPUT' },
		];
		const { items, error } = await xero.run(
			{
				resource: 'purchaseOrder',
				operation: 'create',
				contactId: rl(supplierId),
				lineItemsSource: 'field',
				lineItemsField: 'lines',
				additionalFields: {
					Reference: 'PO-TEST-CREATE',
					Date: '2026-09-01',
					DeliveryDate: '2026-09-15',
					DeliveryAddress: '12 Orchard Road, Hamilton',
					DeliveryInstructions: 'Loading bay',
					AttentionTo: 'Warehouse',
					CurrencyCode: 'USD',
					Status: 'SUBMITTED',
				},
			},
			[{ lines }],
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const output = items[0].json;
		expect(output).toMatchObject({ Reference: 'PO-TEST-CREATE', Status: 'SUBMITTED', CurrencyCode: 'USD', AttentionTo: 'Warehouse' });
		expect(output.DeliveryDateString).toBeUndefined(); // simplified

		const stored = byReference('PO-TEST-CREATE');
		expect(stored).toHaveLength(1);
		const po = stored[0];
		expect(po.PurchaseOrderID).toBe(output.PurchaseOrderID);
		expect(po.Contact.ContactID).toBe(supplierId);
		expect(po.DateString).toBe('2026-09-01T00:00:00');
		expect(po.DeliveryDateString).toBe('2026-09-15T00:00:00');
		expect(po.DeliveryInstructions).toBe('Loading bay');
		const coffee = org.itemByCode('COFFEE-FT')!;
		expect(po.LineItems).toHaveLength(2);
		expect(po.LineItems[0]).toMatchObject({
			ItemCode: 'COFFEE-FT',
			Quantity: 4,
			UnitAmount: coffee.PurchaseDetails!.UnitPrice,
			AccountCode: coffee.PurchaseDetails!.AccountCode,
			Description: coffee.PurchaseDescription,
		});
		expect(po.LineItems[1]).toMatchObject({ Description: 'Pallet hire', UnitAmount: 35, AccountCode: '429' });
		expect(writes('PUT')).toHaveLength(1);
		expect(writes('PUT')[0].idempotencyKey).toBeTruthy();
	});

	it('creates one purchase order per input item in a single batch call', async () => {
		const input = [1, 2, 3].map((n) => ({ ref: `PO-BATCH-${n}`, qty: n }));
		const { items, error } = await xero.run(
			{
				resource: 'purchaseOrder',
				operation: 'create',
				contactId: rl(supplierId),
				lineItems: { line: [{ Description: 'Oats', Quantity: '={{ $json.qty }}', UnitAmount: 2, AccountCode: '300' }] },
				additionalFields: { Reference: '={{ $json.ref }}' },
			},
			input,
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.Reference)).toEqual(['PO-BATCH-1', 'PO-BATCH-2', 'PO-BATCH-3']);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		for (const n of [1, 2, 3]) {
			const stored = byReference(`PO-BATCH-${n}`);
			expect(stored).toHaveLength(1);
			expect(stored[0].LineItems[0].Quantity).toBe(n);
		}
		expect(writes('PUT')).toHaveLength(1);
		expect(writes('PUT')[0].query).toMatchObject({ summarizeErrors: 'false' });
	});

	it('refuses a currency the organisation has not enabled before calling Xero', async () => {
		const { error } = await xero.run({
			resource: 'purchaseOrder',
			operation: 'create',
			contactId: rl(supplierId),
			lineItems: { line: [{ Description: 'Oats', Quantity: 1, UnitAmount: 2, AccountCode: '300' }] },
			additionalFields: { Reference: 'PO-TEST-EUR', CurrencyCode: 'EUR' },
		});
		expect(error?.message).toMatch(/Currency.*EUR.*not enabled/);
		expect(writes('PUT')).toHaveLength(0);
		expect(byReference('PO-TEST-EUR')).toHaveLength(0);
	});


	it('names a field that is too long by the label the user sees', async () => {
		const { error } = await xero.run({
			resource: 'purchaseOrder',
			operation: 'create',
			contactId: rl(supplierId),
			lineItems: { line: [{ Description: 'Oats', Quantity: 1, UnitAmount: 2, AccountCode: '300' }] },
			additionalFields: { Reference: 'PO-TEST-LONG', AttentionTo: 'x'.repeat(256) },
		});
		expect(error?.message).toMatch(/Attention To.*255/);
		expect(writes('PUT')).toHaveLength(0);
	});
	function seeded(): XeroPurchaseOrder {
		return org.PurchaseOrders.find((po) => po.Status === 'DRAFT' && !po.Reference?.startsWith('PO-')) ?? created('PO-SEED-DRAFT');
	}

	function created(reference: string, status = 'DRAFT'): XeroPurchaseOrder {
		const doc = xero.sandbox.store.create(xero.tenantId, 'PurchaseOrders', {
			Contact: { ContactID: supplierId },
			Reference: reference,
			Status: status,
			LineItems: [{ Description: 'Seed line', Quantity: 2, UnitAmount: 10, AccountCode: '300' }],
		});
		return org.PurchaseOrders.get(String(doc.PurchaseOrderID))!;
	}

	it('gets a purchase order with its lines', async () => {
		const po = seeded();
		const { items, error } = await xero.run({ resource: 'purchaseOrder', operation: 'get', purchaseOrderId: rl(po.PurchaseOrderID), simplify: false });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ PurchaseOrderID: po.PurchaseOrderID, PurchaseOrderNumber: po.PurchaseOrderNumber, Total: po.Total });
		expect((items[0].json.LineItems as IDataObject[]).length).toBe(po.LineItems.length);
		expect(items[0].json.Date).toMatch(/^\d{4}-\d{2}-\d{2}T/); // ISO, not /Date()/
	});

	it('gets many purchase orders by status, with pages of 1000', async () => {
		const { items, error } = await xero.run({ resource: 'purchaseOrder', operation: 'getAll', returnAll: true, filters: { status: 'AUTHORISED' } });
		expect(error).toBeUndefined();
		const expected = org.PurchaseOrders.filter((po) => po.Status === 'AUTHORISED');
		expect(expected.length).toBeGreaterThan(0);
		expect(items.map((item) => item.json.PurchaseOrderID).sort()).toEqual(expected.map((po) => po.PurchaseOrderID).sort());
		const calls = xero.sandbox.log.filter((entry) => entry.path.endsWith('/PurchaseOrders'));
		expect(calls).toHaveLength(1);
		expect(calls[0].query).toMatchObject({ Status: 'AUTHORISED', page: '1', pageSize: '1000' });
	});

	it('filters purchase orders by date range and supplier, honouring the limit', async () => {
		created('PO-RANGE-1');
		const { items, error } = await xero.run({
			resource: 'purchaseOrder',
			operation: 'getAll',
			returnAll: false,
			limit: 2,
			filters: { contactIds: supplierId, dateFrom: '2000-01-01', dateTo: '2100-12-31' },
		});
		expect(error).toBeUndefined();
		const expected = org.PurchaseOrders.filter((po) => po.Contact.ContactID === supplierId);
		expect(items).toHaveLength(Math.min(2, expected.length));
		for (const item of items) expect((item.json.Contact as IDataObject).ContactID).toBe(supplierId);
		const call = xero.sandbox.log.find((entry) => entry.path.endsWith('/PurchaseOrders'))!;
		expect(call.query).toMatchObject({ DateFrom: '2000-01-01', DateTo: '2100-12-31', pageSize: '1000' });
	});

	it('returns only purchase orders changed since a moment', async () => {
		const po = created('PO-MODIFIED');
		const since = new Date(Date.now() - 1000).toISOString();
		const { items, error } = await xero.run({ resource: 'purchaseOrder', operation: 'getAll', returnAll: true, filters: { modifiedSince: since } });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.PurchaseOrderID)).toContain(po.PurchaseOrderID);
		expect(xero.sandbox.log.find((entry) => entry.path.endsWith('/PurchaseOrders'))!.ifModifiedSince).toBeTruthy();
	});

	it('updates fields and replaces the lines', async () => {
		const po = created('PO-UPDATE');
		const { items, error } = await xero.run({
			resource: 'purchaseOrder',
			operation: 'update',
			purchaseOrderId: rl(po.PurchaseOrderID),
			updateFields: { Reference: 'PO-UPDATED', DeliveryInstructions: 'Side door' },
			replaceLineItems: true,
			lineItems: { line: [{ Description: 'New line', Quantity: 3, UnitAmount: 5, AccountCode: '300' }] },
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ PurchaseOrderID: po.PurchaseOrderID, Reference: 'PO-UPDATED' });
		const stored = org.PurchaseOrders.get(po.PurchaseOrderID)!;
		expect(stored.Reference).toBe('PO-UPDATED');
		expect(stored.DeliveryInstructions).toBe('Side door');
		expect(stored.LineItems).toHaveLength(1);
		expect(stored.LineItems[0]).toMatchObject({ Description: 'New line', Quantity: 3, LineAmount: 15 });
		expect(writes('POST')).toHaveLength(1);
	});

	it('keeps the lines when an update does not replace them', async () => {
		const po = created('PO-KEEP-LINES');
		const { error } = await xero.run({
			resource: 'purchaseOrder',
			operation: 'update',
			purchaseOrderId: rl(po.PurchaseOrderID),
			updateFields: { AttentionTo: 'Reception' },
		});
		expect(error).toBeUndefined();
		const stored = org.PurchaseOrders.get(po.PurchaseOrderID)!;
		expect(stored.AttentionTo).toBe('Reception');
		expect(stored.LineItems).toHaveLength(1);
		expect(stored.LineItems[0].Description).toBe('Seed line');
	});

	it('approves purchase orders', async () => {
		const first = created('PO-APPROVE-1');
		const second = created('PO-APPROVE-2', 'SUBMITTED');
		const { items, error } = await xero.run(
			{ resource: 'purchaseOrder', operation: 'approve', purchaseOrderId: rl('={{ $json.id }}') },
			[{ id: first.PurchaseOrderID }, { id: second.PurchaseOrderID }],
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.Status)).toEqual(['AUTHORISED', 'AUTHORISED']);
		expect(org.PurchaseOrders.get(first.PurchaseOrderID)!.Status).toBe('AUTHORISED');
		expect(org.PurchaseOrders.get(second.PurchaseOrderID)!.Status).toBe('AUTHORISED');
		expect(writes('POST')).toHaveLength(1);
	});

	it('deletes a purchase order by marking it DELETED', async () => {
		const po = created('PO-DELETE');
		const { items, error } = await xero.run({ resource: 'purchaseOrder', operation: 'delete', purchaseOrderId: rl(po.PurchaseOrderID) });
		expect(error).toBeUndefined();
		expect(items[0].json.Status).toBe('DELETED');
		expect(org.PurchaseOrders.get(po.PurchaseOrderID)!.Status).toBe('DELETED');
	});

	it('reports a purchase order Xero refuses to change, naming the item', async () => {
		const po = created('PO-DELETED-ALREADY');
		xero.sandbox.store.update(xero.tenantId, 'PurchaseOrders', po.PurchaseOrderID, { Status: 'DELETED' });
		const { error, items } = await xero.run(
			{ resource: 'purchaseOrder', operation: 'approve', purchaseOrderId: rl(po.PurchaseOrderID) },
			[{}],
			{ node: { onError: 'continueRegularOutput' } },
		);
		expect(error).toBeUndefined();
		expect(items[0].json.error).toMatch(/^Item 0: Xero refused the purchase order/);
		expect(org.PurchaseOrders.get(po.PurchaseOrderID)!.Status).toBe('DELETED');
	});

	it('downloads the PDF as binary data', async () => {
		const po = seeded();
		const { items, error } = await xero.run({ resource: 'purchaseOrder', operation: 'downloadPdf', purchaseOrderId: rl(po.PurchaseOrderID), binaryPropertyName: 'pdf' });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ PurchaseOrderID: po.PurchaseOrderID });
		const binary = items[0].binary!.pdf;
		expect(binary.mimeType).toBe('application/pdf');
		expect(binary.fileName).toMatch(/\.pdf$/);
		expect(Buffer.from(binary.data, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
		const call = xero.sandbox.log.find((entry) => entry.path.endsWith('/pdf'))!;
		expect(call.status).toBe(200);
	});

	it('refuses an ID that is not a GUID without calling Xero', async () => {
		const { error } = await xero.run({ resource: 'purchaseOrder', operation: 'get', purchaseOrderId: rl('PO-0001') });
		expect(error?.message).toMatch(/Purchase Order.*GUID/);
		expect(xero.sandbox.log.filter((entry) => entry.path.includes('/PurchaseOrders'))).toHaveLength(0);
	});
});
