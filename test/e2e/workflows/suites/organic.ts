/** 1. Organic traceability: organic purchases and sales forwarded to the user's platform. */
import { compileOrganicRules } from '../../../../nodes/OrganicFilter/matcher';
import { pollNow, type Context } from '../support/context';
import type { Receiver } from '../support/receiver';

const DAY_MS = 86_400_000;
const matcher = compileOrganicRules();

type Doc = Record<string, unknown> & { LineItems: Array<Record<string, unknown>>; UpdatedDateUTC: string; Status: string };

const msOf = (xeroDate: string) => Number(/\/Date\((\d+)/.exec(xeroDate)![1]);
const organicLines = (doc: Doc) => doc.LineItems.filter((line) => matcher.matchLine(line).organic);
const idOf = (doc: Record<string, unknown>) => String(doc.PurchaseOrderID ?? doc.InvoiceID);

/** Documents a first poll must send: approved, changed in the backfill window, with an organic line. */
function expectedBackfill(docs: Doc[], statuses: string[], windowStart: number) {
	const inWindow = docs.filter((doc) => statuses.includes(doc.Status) && msOf(doc.UpdatedDateUTC) >= windowStart);
	return inWindow.filter((doc) => organicLines(doc).length > 0);
}

export function organicSuite(context: () => Context, receiver: () => Receiver) {
	describe('1. organic traceability', () => {
		const sent = (path: string) => receiver().received.filter((request) => request.path === path);

		it('purchases: the first run sends the organic purchase orders and bills of the last 90 days, with only their organic lines', async () => {
			const { sandbox, tenantId, ids } = context();
			const org = sandbox.store.tenant(tenantId);
			const windowStart = Date.now() - 90 * DAY_MS;
			await pollNow(context(), ids.organicPurchases);
			const expected = [
				...expectedBackfill(org.PurchaseOrders.all() as unknown as Doc[], ['AUTHORISED', 'BILLED'], windowStart),
				...expectedBackfill((org.Invoices.all() as unknown as Doc[]).filter((doc) => doc.Type === 'ACCPAY'), ['AUTHORISED', 'PAID'], windowStart),
			];
			expect(expected.length).toBeGreaterThan(3);
			const received = sent('/purchases');
			expect(received.map((request) => request.body.xeroId).sort()).toEqual(expected.map(idOf).sort());
			for (const doc of expected) {
				const body = received.find((request) => request.body.xeroId === idOf(doc))!.body as Record<string, any>;
				expect(body).toMatchObject({
					flow: 'purchases',
					documentType: doc.PurchaseOrderID ? 'purchaseOrder' : 'bill',
					status: doc.Status,
					supplier: { xeroContactId: (doc.Contact as any).ContactID, name: (doc.Contact as any).Name },
				});
				expect(body.lines).toEqual(
					organicLines(doc).map((line) => ({
						itemCode: line.ItemCode ?? null,
						description: line.Description ?? '',
						quantity: line.Quantity,
						unitPrice: line.UnitAmount,
						lineAmount: line.LineAmount,
					})),
				);
			}
		});

		it('purchases: the next poll sends nothing again; a new organic bill is sent once, a non-organic one never', async () => {
			const { sandbox, tenantId, ids } = context();
			const before = sent('/purchases').length;
			expect(await pollNow(context(), ids.organicPurchases)).toEqual([]);
			expect(sent('/purchases')).toHaveLength(before);

			const supplier = sandbox.store.tenant(tenantId).Contacts.find((c: any) => c.Name === 'Waikato Organic Growers') as any;
			const line = (ItemCode: string, Quantity: number) => ({ ItemCode, Quantity, AccountCode: '300' });
			const organic = sandbox.store.create(tenantId, 'Invoices', {
				Type: 'ACCPAY',
				Contact: { ContactID: supplier.ContactID },
				InvoiceNumber: 'E2E-ORG-1',
				Status: 'AUTHORISED',
				LineItems: [line('ORGANIC-HONEY', 12), line('SUGAR-WHT', 3)],
			}) as any;
			sandbox.store.create(tenantId, 'Invoices', {
				Type: 'ACCPAY',
				Contact: { ContactID: supplier.ContactID },
				InvoiceNumber: 'E2E-CONV-1',
				Status: 'AUTHORISED',
				LineItems: [line('OATS-STD', 5), line('FERT-20', 1)],
			});
			await pollNow(context(), ids.organicPurchases);
			const received = sent('/purchases').slice(before);
			expect(received).toHaveLength(1);
			expect(received[0].body).toMatchObject({ xeroId: organic.InvoiceID, number: 'E2E-ORG-1', documentType: 'bill', change: 'created' });
			expect((received[0].body.lines as any[]).map((l) => l.itemCode)).toEqual(['ORGANIC-HONEY']);
		});

		it('sales: organic sales invoices are sent with the customer and only their organic lines, once', async () => {
			const { sandbox, tenantId, ids } = context();
			const org = sandbox.store.tenant(tenantId);
			const windowStart = Date.now() - 90 * DAY_MS;
			await pollNow(context(), ids.organicSales);
			const expected = expectedBackfill((org.Invoices.all() as unknown as Doc[]).filter((doc) => doc.Type === 'ACCREC'), ['AUTHORISED', 'PAID'], windowStart);
			expect(expected.length).toBeGreaterThan(2);
			const received = sent('/sales');
			expect(received.map((request) => request.body.xeroId).sort()).toEqual(expected.map(idOf).sort());
			for (const request of received) {
				expect(request.body).toMatchObject({ flow: 'sales', documentType: 'salesInvoice', customer: { name: expect.any(String) } });
				for (const line of request.body.lines as any[]) expect(matcher.matchLine({ ItemCode: line.itemCode, Description: line.description }).organic).toBe(true);
			}
			expect(await pollNow(context(), ids.organicSales)).toEqual([]);
			expect(sent('/sales')).toHaveLength(received.length);
		});

		afterAll(async () => {
			for (const id of [context().ids.organicPurchases, context().ids.organicSales]) await context().n8n.deactivate(id).catch(() => undefined);
		});
	});
}
