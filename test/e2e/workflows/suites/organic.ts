/** 1. Organic traceability: organic purchases and sales forwarded to the user's platform. */
import { compileOrganicRules } from '../../../../nodes/OrganicFilter/matcher';
import type { XeroDocumentBase, XeroInvoice, XeroLineItem } from '../../../sandbox';
import { pollNow, type Context } from '../support/context';
import type { Receiver } from '../support/receiver';
import { changedSince, DAY_MS, isBill, isSales } from '../support/xero';

const matcher = compileOrganicRules();

interface SentLine {
	itemCode: string | null;
	description: string;
	quantity: number;
	unitPrice: number;
	lineAmount: number;
}

const organicLines = (doc: XeroDocumentBase) => doc.LineItems.filter((line) => matcher.matchLine(line).organic);
const idOf = (doc: XeroDocumentBase) => String(doc.PurchaseOrderID ?? doc.InvoiceID);
const sentLine = (line: XeroLineItem): SentLine => ({
	itemCode: line.ItemCode ?? null,
	description: line.Description ?? '',
	quantity: line.Quantity!,
	unitPrice: line.UnitAmount!,
	lineAmount: line.LineAmount,
});

/** Documents a first poll must send: approved, changed in the backfill window, with an organic line. */
function expectedBackfill(docs: XeroDocumentBase[], statuses: string[], windowStart: number) {
	return docs.filter((doc) => statuses.includes(doc.Status) && changedSince(doc, windowStart) && organicLines(doc).length > 0);
}

export function organicSuite(context: () => Context, receiver: () => Receiver) {
	describe('1. organic traceability', () => {
		const sent = (path: string) => receiver().received.filter((request) => request.path === path);
		const org = () => context().sandbox.store.tenant(context().tenantId);

		it('purchases: the first run sends the organic purchase orders and bills of the last 90 days, with only their organic lines', async () => {
			const windowStart = Date.now() - 90 * DAY_MS;
			await pollNow(context(), context().ids.organicPurchases);
			const expected = [
				...expectedBackfill(org().PurchaseOrders.all(), ['AUTHORISED', 'BILLED'], windowStart),
				...expectedBackfill(org().Invoices.all().filter(isBill), ['AUTHORISED', 'PAID'], windowStart),
			];
			expect(expected.length).toBeGreaterThan(3);
			const received = sent('/purchases');
			expect(received.map((request) => request.body.xeroId).sort()).toEqual(expected.map(idOf).sort());
			for (const doc of expected) {
				const { body } = received.find((request) => request.body.xeroId === idOf(doc))!;
				expect(body).toMatchObject({
					flow: 'purchases',
					documentType: doc.PurchaseOrderID ? 'purchaseOrder' : 'bill',
					status: doc.Status,
					supplier: { xeroContactId: doc.Contact.ContactID, name: doc.Contact.Name },
				});
				expect(body.lines).toEqual(organicLines(doc).map(sentLine));
			}
		});

		it('purchases: the next poll sends nothing again; a new organic bill is sent once, a non-organic one never', async () => {
			const { sandbox, tenantId, ids } = context();
			const before = sent('/purchases').length;
			expect(await pollNow(context(), ids.organicPurchases)).toEqual([]);
			expect(sent('/purchases')).toHaveLength(before);

			const supplier = org().Contacts.find((contact) => contact.Name === 'Waikato Organic Growers')!;
			const bill = (InvoiceNumber: string, codes: Array<[string, number]>) =>
				sandbox.store.create(tenantId, 'Invoices', {
					Type: 'ACCPAY',
					Contact: { ContactID: supplier.ContactID },
					InvoiceNumber,
					Status: 'AUTHORISED',
					LineItems: codes.map(([ItemCode, Quantity]) => ({ ItemCode, Quantity, AccountCode: '300' })),
				}) as unknown as XeroInvoice;
			const organic = bill('E2E-ORG-1', [
				['ORGANIC-HONEY', 12],
				['SUGAR-WHT', 3],
			]);
			bill('E2E-CONV-1', [
				['OATS-STD', 5],
				['FERT-20', 1],
			]);
			await pollNow(context(), ids.organicPurchases);
			const received = sent('/purchases').slice(before);
			expect(received).toHaveLength(1);
			expect(received[0].body).toMatchObject({ xeroId: organic.InvoiceID, number: 'E2E-ORG-1', documentType: 'bill', change: 'created' });
			expect((received[0].body.lines as SentLine[]).map((line) => line.itemCode)).toEqual(['ORGANIC-HONEY']);
		});

		it('sales: organic sales invoices are sent with the customer and only their organic lines, once', async () => {
			const windowStart = Date.now() - 90 * DAY_MS;
			await pollNow(context(), context().ids.organicSales);
			const expected = expectedBackfill(org().Invoices.all().filter(isSales), ['AUTHORISED', 'PAID'], windowStart);
			expect(expected.length).toBeGreaterThan(2);
			const received = sent('/sales');
			expect(received.map((request) => request.body.xeroId).sort()).toEqual(expected.map(idOf).sort());
			for (const { body } of received) {
				expect(body).toMatchObject({ flow: 'sales', documentType: 'salesInvoice', customer: { name: expect.any(String) } });
				for (const line of body.lines as SentLine[]) {
					expect(matcher.matchLine({ ItemCode: line.itemCode, Description: line.description }).organic).toBe(true);
				}
			}
			expect(await pollNow(context(), context().ids.organicSales)).toEqual([]);
			expect(sent('/sales')).toHaveLength(received.length);
		});

		afterAll(async () => {
			for (const id of [context().ids.organicPurchases, context().ids.organicSales]) await context().n8n.deactivate(id).catch(() => undefined);
		});
	});
}
