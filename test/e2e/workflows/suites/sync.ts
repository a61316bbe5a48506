/** 2. Per-entity sync schedule into Data Tables. */
import type { XeroContact, XeroInvoice } from '../../../sandbox';
import { pollNow, runFrom, type Context } from '../support/context';
import { changedSince, DAY_MS, isBill, isSales } from '../support/xero';

const TABLES = ['Xero sales invoices', 'Xero bills', 'Xero contacts', 'Xero bank transactions', 'Xero chart of accounts'];

export function syncSuite(context: () => Context) {
	describe('2. per-entity sync into Data Tables', () => {
		let windowStart: number;
		const org = () => context().sandbox.store.tenant(context().tenantId);
		const counts = async () =>
			Object.fromEntries(await Promise.all(TABLES.map(async (name) => [name, (await context().tables.rows(name)).length] as const)));

		it('the setup trigger creates the five tables, and running it again changes nothing', async () => {
			const { ids, tables } = context();
			await runFrom(context(), ids.sync, 'Run once: create the tables');
			await runFrom(context(), ids.sync, 'Run once: create the tables');
			const names = (await tables.list()).map((table) => table.name);
			for (const name of TABLES) expect(names.filter((other) => other === name)).toHaveLength(1);
			expect((await tables.table('Xero sales invoices')).columns.map((column) => column.name)).toEqual(
				expect.arrayContaining(['xeroId', 'number', 'contactName', 'status', 'total', 'amountDue']),
			);
		});

		it('the first run of each schedule copies its entity: 90 days of documents, every contact and account', async () => {
			const { ids, tables, tenantId } = context();
			windowStart = Date.now() - 90 * DAY_MS;
			expect(await pollNow(context(), ids.sync)).toHaveLength(5);
			const recent = <T extends { UpdatedDateUTC: string }>(docs: T[]) => docs.filter((doc) => changedSince(doc, windowStart));
			const expected: Record<string, string[]> = {
				'Xero sales invoices': recent(org().Invoices.all().filter(isSales)).map((doc) => doc.InvoiceID),
				'Xero bills': recent(org().Invoices.all().filter(isBill)).map((doc) => doc.InvoiceID),
				'Xero contacts': org().Contacts.all().map((doc) => doc.ContactID),
				'Xero bank transactions': recent(org().BankTransactions.all()).map((doc) => doc.BankTransactionID),
				'Xero chart of accounts': org().Accounts.all().map((doc) => doc.AccountID),
			};
			for (const name of TABLES) {
				const rows = await tables.rows(name);
				expect([name, rows.map((row) => row.xeroId).sort()]).toEqual([name, expected[name].sort()]);
			}
			const invoice = recent(org().Invoices.all().filter(isSales))[0];
			expect((await tables.rows('Xero sales invoices')).find((row) => row.xeroId === invoice.InvoiceID)).toMatchObject({
				number: invoice.InvoiceNumber,
				contactId: invoice.Contact.ContactID,
				contactName: invoice.Contact.Name,
				status: invoice.Status,
				total: invoice.Total,
				amountDue: invoice.AmountDue,
				currency: invoice.CurrencyCode,
				xeroOrganisationId: tenantId,
			});
			expect(typeof (await tables.rows('Xero bank transactions'))[0].isReconciled).toBe('boolean');
		});

		it('the next run copies nothing twice; a changed invoice is updated in place, a new contact added', async () => {
			const { ids, tables, sandbox, tenantId } = context();
			const before = await counts();
			expect(await pollNow(context(), ids.sync)).toEqual([]);
			expect(await counts()).toEqual(before);

			const draft = org().Invoices.find((doc: XeroInvoice) => isSales(doc) && doc.Status === 'DRAFT' && changedSince(doc, windowStart))!;
			sandbox.store.update(tenantId, 'Invoices', draft.InvoiceID, { Reference: 'E2E changed reference' });
			const contact = sandbox.store.create(tenantId, 'Contacts', { Name: 'E2E Sync Contact', EmailAddress: 'sync@e2e.example' }) as unknown as XeroContact;
			expect(await pollNow(context(), ids.sync)).toHaveLength(2);
			expect(await counts()).toEqual({ ...before, 'Xero contacts': before['Xero contacts'] + 1 });
			expect((await tables.rows('Xero sales invoices')).filter((row) => row.xeroId === draft.InvoiceID)).toEqual([
				expect.objectContaining({ reference: 'E2E changed reference' }),
			]);
			expect((await tables.rows('Xero contacts')).find((row) => row.xeroId === contact.ContactID)).toMatchObject({
				name: 'E2E Sync Contact',
				email: 'sync@e2e.example',
			});
		});

		afterAll(async () => {
			await context().n8n.deactivate(context().ids.sync).catch(() => undefined);
		});
	});
}
