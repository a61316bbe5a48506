/** 4. Sales pushed from another system: find-or-create customer, invoice once, payments once, an error log to retry from. */
import { activateWebhooks, executionCount, runFrom, settle, type Context } from '../support/context';
import { post } from '../support/post';
import { isSales } from '../support/xero';

export function salesSuite(context: () => Context) {
	describe('4. sales pushed from another system', () => {
		const url = (path: string) => context().n8n.webhookUrl(path);
		const org = () => context().sandbox.store.tenant(context().tenantId);
		const writes = () => context().sandbox.log.filter((entry) => entry.method !== 'GET');
		const invoiceNumbered = (number: string) => org().Invoices.filter((doc) => isSales(doc) && doc.InvoiceNumber === number);
		const contactsNamed = (name: string) => org().Contacts.filter((contact) => contact.Name === name);
		const invoice = (number: string, extra: Record<string, unknown> = {}) => ({
			documentNumber: number,
			date: '2026-11-20',
			dueDate: '2026-12-20',
			currency: 'NZD',
			reference: 'Web order',
			customer: { name: 'E2E Wholesale Ltd', email: 'accounts@e2e-wholesale.example' },
			lines: [
				{ description: 'Organic oats 1kg', quantity: 10, unitPrice: 6.5 },
				{ description: 'Delivery', quantity: 1, unitPrice: 12, itemCode: 'DELIVERY' },
			],
			...extra,
		});

		beforeAll(async () => {
			const { ids } = context();
			await runFrom(context(), ids.sales, 'Run once: create the error table');
			await activateWebhooks(context(), ids.sales);
		});

		it('an invoice creates the customer and the invoice, numbered as in the other system', async () => {
			const answer = await post(url('sales/invoice'), invoice('SO-E2E-1001'));
			expect(answer).toEqual({ status: 201, body: expect.objectContaining({ result: 'created', invoiceNumber: 'SO-E2E-1001', status: 'AUTHORISED', total: 88.55 }) });
			const [created] = invoiceNumbered('SO-E2E-1001');
			expect(created).toMatchObject({ Type: 'ACCREC', Status: 'AUTHORISED', Reference: 'Web order', CurrencyCode: 'NZD', SubTotal: 77, Total: 88.55 });
			expect(created.LineItems).toEqual([
				expect.objectContaining({ Description: 'Organic oats 1kg', Quantity: 10, UnitAmount: 6.5, AccountCode: '200' }),
				expect.objectContaining({ ItemCode: 'DELIVERY', AccountCode: '200' }),
			]);
			expect(contactsNamed('E2E Wholesale Ltd')).toEqual([expect.objectContaining({ ContactID: created.Contact.ContactID, EmailAddress: 'accounts@e2e-wholesale.example' })]);
		});

		it('the same invoice delivered again creates nothing', async () => {
			context().sandbox.clearLog();
			const answer = await post(url('sales/invoice'), invoice('SO-E2E-1001'));
			expect(answer).toEqual({ status: 200, body: expect.objectContaining({ result: 'duplicate', invoiceNumber: 'SO-E2E-1001' }) });
			expect(writes()).toEqual([]);
			expect(invoiceNumbered('SO-E2E-1001')).toHaveLength(1);
		});

		it('an existing customer is found, not created again', async () => {
			const before = contactsNamed('Riverbend Grocers');
			const answer = await post(url('sales/invoice'), invoice('SO-E2E-1002', { customer: { name: 'Riverbend Grocers' } }));
			expect(answer.status).toBe(201);
			expect(contactsNamed('Riverbend Grocers')).toEqual(before);
			expect(invoiceNumbered('SO-E2E-1002')[0].Contact.ContactID).toBe(before[0].ContactID);
		});

		it('a payment is recorded once, into the mapped account; the second payment pays the invoice', async () => {
			const payment = { paymentId: 'PAY-E2E-1', documentNumber: 'SO-E2E-1001', amount: 50, date: '2026-11-21' };
			expect(await post(url('sales/payment'), payment)).toEqual({ status: 201, body: expect.objectContaining({ result: 'paid', amount: 50 }) });
			expect(invoiceNumbered('SO-E2E-1001')[0]).toMatchObject({ Status: 'AUTHORISED', AmountDue: 38.55, AmountPaid: 50 });
			expect(await post(url('sales/payment'), payment)).toEqual({ status: 200, body: expect.objectContaining({ result: 'duplicate' }) });
			expect(org().Payments.filter((p) => p.Reference === 'PAY-E2E-1')).toEqual([expect.objectContaining({ Amount: 50, Account: expect.objectContaining({ Code: '090' }) })]);

			await post(url('sales/payment'), { ...payment, paymentId: 'PAY-E2E-2', amount: 38.55 });
			expect(invoiceNumbered('SO-E2E-1001')[0]).toMatchObject({ Status: 'PAID', AmountDue: 0 });
		});

		it('deliveries without the key are refused and start nothing; incomplete ones are rejected', async () => {
			const { ids, n8n } = context();
			const before = await executionCount(n8n, ids.sales);
			expect((await post(url('sales/invoice'), invoice('SO-E2E-9999'), null)).status).toBe(403);
			expect((await post(url('sales/invoice'), invoice('SO-E2E-9999'), { name: 'X-Api-Key', value: 'wrong' })).status).toBe(403);
			expect(await settle(n8n, ids.sales, before)).toEqual([]);
			expect(await post(url('sales/invoice'), invoice('SO-E2E-9999', { lines: [] }))).toEqual({ status: 400, body: expect.objectContaining({ result: 'rejected' }) });
			expect(invoiceNumbered('SO-E2E-9999')).toEqual([]);
		});

		it('a failure is logged with the delivery; ticking retry sends it again once the cause is fixed', async () => {
			const { ids, tables } = context();
			const payment = { paymentId: 'PAY-E2E-3', documentNumber: 'SO-E2E-2002', amount: 20, date: '2026-11-22' };
			const failed = await post(url('sales/payment'), payment);
			expect(failed).toEqual({ status: 502, body: expect.objectContaining({ result: 'failed', logged: true }) });
			const [row] = (await tables.rows('Sales sync errors')).filter((candidate) => candidate.documentNumber === 'SO-E2E-2002');
			expect(row).toMatchObject({ kind: 'payment', step: 'Find the invoice', status: 'open', retry: false, webhookUrl: url('sales/payment') });
			expect(String(row.error)).toContain('SO-E2E-2002');
			expect(JSON.parse(String(row.payload))).toEqual(payment);

			// The cause: the invoice had not arrived yet. It arrives; a person ticks retry.
			expect((await post(url('sales/invoice'), invoice('SO-E2E-2002'))).status).toBe(201);
			await tables.update('Sales sync errors', 'id', row.id, { retry: true });
			await runFrom(context(), ids.salesRetry, 'Retry now');
			expect((await tables.rows('Sales sync errors')).find((candidate) => candidate.id === row.id)).toMatchObject({
				status: 'resolved',
				retry: false,
				retryResult: expect.stringMatching(/^201 /),
			});
			expect(invoiceNumbered('SO-E2E-2002')[0]).toMatchObject({ AmountPaid: 20 });
			await runFrom(context(), ids.salesRetry, 'Retry now');
			expect(org().Payments.filter((p) => p.Reference === 'PAY-E2E-3')).toHaveLength(1);
		});

		it('Xero refusing the invoice (an item code it does not know) is logged too, and nothing is created', async () => {
			const { tables } = context();
			const answer = await post(url('sales/invoice'), invoice('SO-E2E-3003', { lines: [{ description: 'Mystery', quantity: 1, unitPrice: 5, itemCode: 'NO-SUCH-ITEM' }] }));
			expect(answer).toEqual({ status: 502, body: expect.objectContaining({ result: 'failed', error: expect.stringContaining('NO-SUCH-ITEM') }) });
			expect((await tables.rows('Sales sync errors')).filter((row) => row.documentNumber === 'SO-E2E-3003')).toEqual([
				expect.objectContaining({ kind: 'invoice', step: 'Create the invoice', status: 'open' }),
			]);
			expect(invoiceNumbered('SO-E2E-3003')).toEqual([]);
		});

		it('an agency imports it into its own n8n and only picks its own credentials', async () => {
			const { ids, n8n } = context();
			await activateWebhooks(context(), ids.salesAgency);
			const answer = await post(url('agency/sales/invoice'), invoice('SO-E2E-4004'), { name: 'X-Agency-Key', value: 'agency-secret' });
			expect(answer).toEqual({ status: 201, body: expect.objectContaining({ result: 'created', invoiceNumber: 'SO-E2E-4004' }) });
			await n8n.deactivate(ids.salesAgency);
		});

		afterAll(async () => {
			await context().n8n.deactivate(context().ids.sales).catch(() => undefined);
		});
	});
}
