/** 2a. Per-entity sync schedule into Data Tables. */
import { pollNow, runFrom, type Context } from '../support/context';

const DAY_MS = 86_400_000;
const msOf = (xeroDate: unknown) => Number(/\/Date\((\d+)/.exec(String(xeroDate))![1]);

const TABLES = ['Xero sales invoices', 'Xero bills', 'Xero contacts', 'Xero bank transactions', 'Xero chart of accounts'];

export function syncSuite(context: () => Context) {
	describe('2. per-entity sync into Data Tables', () => {
		let windowStart: number;

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
			const { ids, tables, sandbox, tenantId } = context();
			windowStart = Date.now() - 90 * DAY_MS;
			const executions = await pollNow(context(), ids.sync);
			expect(executions.length).toBe(5);
			const org = sandbox.store.tenant(tenantId);
			const recent = (docs: any[]) => docs.filter((doc) => msOf(doc.UpdatedDateUTC) >= windowStart);
			const invoices = org.Invoices.all() as any[];
			const expected: Record<string, string[]> = {
				'Xero sales invoices': recent(invoices.filter((doc) => doc.Type === 'ACCREC')).map((doc) => doc.InvoiceID),
				'Xero bills': recent(invoices.filter((doc) => doc.Type === 'ACCPAY')).map((doc) => doc.InvoiceID),
				'Xero contacts': (org.Contacts.all() as any[]).map((doc) => doc.ContactID),
				'Xero bank transactions': recent(org.BankTransactions.all() as any[]).map((doc) => doc.BankTransactionID),
				'Xero chart of accounts': (org.Accounts.all() as any[]).map((doc) => doc.AccountID),
			};
			for (const name of TABLES) {
				const rows = await tables.rows(name);
				expect([name, rows.map((row) => row.xeroId).sort()]).toEqual([name, expected[name].sort()]);
			}
			const invoice = invoices.find((doc) => doc.Type === 'ACCREC' && msOf(doc.UpdatedDateUTC) >= windowStart);
			const row = (await tables.rows('Xero sales invoices')).find((candidate) => candidate.xeroId === invoice.InvoiceID);
			expect(row).toMatchObject({
				number: invoice.InvoiceNumber,
				contactId: invoice.Contact.ContactID,
				contactName: invoice.Contact.Name,
				status: invoice.Status,
				total: invoice.Total,
				amountDue: invoice.AmountDue,
				currency: invoice.CurrencyCode,
				xeroOrganisationId: tenantId,
			});
			const bank = (await tables.rows('Xero bank transactions'))[0];
			expect(typeof bank.isReconciled).toBe('boolean');
		});

		it('the next run copies nothing twice; a changed invoice is updated in place, a new contact added', async () => {
			const { ids, tables, sandbox, tenantId } = context();
			const counts = async () => Object.fromEntries(await Promise.all(TABLES.map(async (name) => [name, (await tables.rows(name)).length])));
			const before = await counts();
			expect(await pollNow(context(), ids.sync)).toEqual([]);
			expect(await counts()).toEqual(before);

			const draft = (sandbox.store.tenant(tenantId).Invoices.all() as any[]).find(
				(doc) => doc.Type === 'ACCREC' && doc.Status === 'DRAFT' && msOf(doc.UpdatedDateUTC) >= windowStart,
			);
			sandbox.store.update(tenantId, 'Invoices', draft.InvoiceID, { Reference: 'E2E changed reference' });
			const contact = sandbox.store.create(tenantId, 'Contacts', { Name: 'E2E Sync Contact', EmailAddress: 'sync@e2e.example' }) as any;
			const executions = await pollNow(context(), ids.sync);
			expect(executions).toHaveLength(2);
			expect(await counts()).toEqual({ ...before, 'Xero contacts': before['Xero contacts'] + 1 });
			const rows = await tables.rows('Xero sales invoices');
			expect(rows.filter((row) => row.xeroId === draft.InvoiceID)).toEqual([expect.objectContaining({ reference: 'E2E changed reference' })]);
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
