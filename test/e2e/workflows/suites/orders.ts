/** 5. Dispatched orders into Xero, untracked (an invoice) or tracked (tracked items, a purchase order and an invoice). */
import { activateWebhooks, type Context } from '../support/context';
import { post } from '../support/post';
import { isSales } from '../support/xero';

const TODAY = new Date().toISOString().slice(0, 10);

export function ordersSuite(context: () => Context) {
	describe('5. order system to Xero', () => {
		const org = () => context().sandbox.store.tenant(context().tenantId);
		const writes = () => context().sandbox.log.filter((entry) => entry.method !== 'GET');
		const invoicesFor = (order: string) => org().Invoices.filter((doc) => isSales(doc) && doc.Reference === order);
		const ordersFor = (order: string) => org().PurchaseOrders.filter((doc) => doc.Reference === order);
		const company = () => org().Contacts.filter((contact) => contact.Name === 'Green Fields Organic Ltd');
		const order = (number: string, extra: Record<string, unknown> = {}) => ({
			orderNumber: number,
			date: TODAY,
			currency: 'USD',
			lines: [
				{ sku: 'TEE-BLK-M', description: 'T-shirt black M', quantity: 2, unitPrice: 25, unitCost: 9.5 },
				{ sku: 'ORGANIC-OATS', description: 'Organic rolled oats 1kg', quantity: 3, unitPrice: 7, unitCost: 3.2 },
			],
			...extra,
		});

		beforeAll(async () => {
			await activateWebhooks(context(), context().ids.orders);
			await activateWebhooks(context(), context().ids.ordersTracked);
		});

		it('untracked (the default): a sales invoice to the company contact, in the order currency, and no purchase order', async () => {
			const answer = await post(context().n8n.webhookUrl('orders/dispatched'), order('ORD-E2E-1'));
			expect(answer).toEqual({ status: 201, body: expect.objectContaining({ result: 'created', orderNumber: 'ORD-E2E-1', purchaseOrderNumber: null }) });
			const [invoice] = invoicesFor('ORD-E2E-1');
			expect(invoice).toMatchObject({ Status: 'AUTHORISED', CurrencyCode: 'USD', Contact: expect.objectContaining({ Name: 'Green Fields Organic Ltd' }), SubTotal: 71 });
			expect(invoice.LineItems).toEqual([
				expect.objectContaining({ Description: 'T-shirt black M', Quantity: 2, UnitAmount: 25, AccountCode: '200' }),
				expect.objectContaining({ Description: 'Organic rolled oats 1kg', Quantity: 3, UnitAmount: 7, AccountCode: '200' }),
			]);
			expect(invoice.LineItems.some((line) => line.ItemCode)).toBe(false);
			expect(ordersFor('ORD-E2E-1')).toEqual([]);
			expect(company()).toHaveLength(1);
		});

		it('the same order again creates nothing', async () => {
			context().sandbox.clearLog();
			const answer = await post(context().n8n.webhookUrl('orders/dispatched'), order('ORD-E2E-1'));
			expect(answer).toEqual({ status: 200, body: expect.objectContaining({ result: 'duplicate', xeroInvoiceId: invoicesFor('ORD-E2E-1')[0].InvoiceID }) });
			expect(writes()).toEqual([]);
		});

		it('an order in a currency the organisation has not enabled is refused, and nothing is created', async () => {
			context().sandbox.clearLog();
			const answer = await post(context().n8n.webhookUrl('orders/dispatched'), order('ORD-E2E-EUR', { currency: 'EUR' }));
			expect(answer).toEqual({ status: 422, body: expect.objectContaining({ result: 'rejected', error: expect.stringContaining('EUR') }) });
			expect(writes()).toEqual([]);
			expect(context().sandbox.log.map((entry) => entry.path)).toEqual(['/api.xro/2.0/Currencies']);
		});

		it('tracked: the products become tracked items with the configured accounts, then a purchase order and an invoice', async () => {
			const answer = await post(context().n8n.webhookUrl('orders/dispatched-tracked'), order('ORD-E2E-2'));
			expect(answer).toEqual({ status: 201, body: expect.objectContaining({ result: 'created', purchaseOrderNumber: expect.any(String) }) });
			for (const code of ['TEE-BLK-M', 'ORGANIC-OATS']) {
				expect(org().Items.filter((item) => item.Code === code)).toEqual([
					expect.objectContaining({
						IsTrackedAsInventory: true,
						InventoryAssetAccountCode: '630',
						PurchaseDetails: expect.objectContaining({ COGSAccountCode: '310' }),
						SalesDetails: expect.objectContaining({ AccountCode: '200' }),
					}),
				]);
			}
			const [purchaseOrder] = ordersFor('ORD-E2E-2');
			expect(purchaseOrder).toMatchObject({ Status: 'AUTHORISED', CurrencyCode: 'USD', PurchaseOrderNumber: answer.body.purchaseOrderNumber });
			expect(purchaseOrder.LineItems).toEqual([
				expect.objectContaining({ ItemCode: 'TEE-BLK-M', Quantity: 2, UnitAmount: 9.5, AccountCode: '630' }),
				expect.objectContaining({ ItemCode: 'ORGANIC-OATS', Quantity: 3, UnitAmount: 3.2, AccountCode: '630' }),
			]);
			const [invoice] = invoicesFor('ORD-E2E-2');
			expect(invoice.LineItems).toEqual([
				expect.objectContaining({ ItemCode: 'TEE-BLK-M', UnitAmount: 25, AccountCode: '200' }),
				expect.objectContaining({ ItemCode: 'ORGANIC-OATS', UnitAmount: 7, AccountCode: '200' }),
			]);
		});

		it('tracked, delivered again: nothing is created twice', async () => {
			context().sandbox.clearLog();
			expect((await post(context().n8n.webhookUrl('orders/dispatched-tracked'), order('ORD-E2E-2'))).body.result).toBe('duplicate');
			expect(writes()).toEqual([]);
		});

		it('tracked, when the purchase order exists already (the invoice had failed): only the invoice is created', async () => {
			context().sandbox.store.create(context().tenantId, 'PurchaseOrders', {
				Contact: { ContactID: company()[0].ContactID },
				Reference: 'ORD-E2E-3',
				Date: TODAY,
				CurrencyCode: 'USD',
				LineItems: [{ ItemCode: 'TEE-BLK-M', Quantity: 1, UnitAmount: 9.5, AccountCode: '630' }],
			});
			const answer = await post(context().n8n.webhookUrl('orders/dispatched-tracked'), order('ORD-E2E-3'));
			expect(answer.status).toBe(201);
			expect(ordersFor('ORD-E2E-3')).toHaveLength(1);
			expect(invoicesFor('ORD-E2E-3')).toHaveLength(1);
		});

		afterAll(async () => {
			for (const id of [context().ids.orders, context().ids.ordersTracked]) await context().n8n.deactivate(id).catch(() => undefined);
		});
	});
}
