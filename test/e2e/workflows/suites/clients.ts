/** 3. Invoices matched to client records, an unmatched queue, month-end drafts and their approval flowing back. */
import type { XeroInvoice } from '../../../sandbox';
import { executionCount, pollNow, runFrom, settle, type Context } from '../support/context';
import type { Row } from '../support/dataTables';
import { waitFor } from '../support/wait';
import { changedSince, DAY_MS, isSales } from '../support/xero';

const WEBHOOK_NODE = 'Xero sends invoice changes';

export function clientsSuite(context: () => Context) {
	describe('3. invoice matching and month-end invoicing', () => {
		let webhookUrl: string;
		let linked: string[];
		let clients: Record<string, Row>;
		const salesInvoices = () => context().sandbox.store.tenant(context().tenantId).Invoices.filter(isSales);

		it('set-up creates the tables; the first run files every invoice under its client or in the unmatched queue', async () => {
			const { ids, tables, n8n, sandbox } = context();
			await runFrom(context(), ids.matching, 'Run once: create the tables');
			await runFrom(context(), ids.monthEnd, 'Run once: create the tables');
			const windowStart = Date.now() - 90 * DAY_MS;
			const recent = salesInvoices().filter((doc) => changedSince(doc, windowStart));
			const byContact = new Map<string, XeroInvoice[]>();
			for (const doc of recent) byContact.set(doc.Contact.ContactID, [...(byContact.get(doc.Contact.ContactID) ?? []), doc]);
			const contacts = [...byContact.keys()].sort((a, b) => byContact.get(b)!.length - byContact.get(a)!.length);
			expect(contacts.length).toBeGreaterThanOrEqual(4);
			linked = contacts.slice(0, 2);
			const inserted = await tables.insert('Clients', [
				{ name: 'Client A', email: 'a@e2e.example', xeroContactId: linked[0] },
				{ name: 'Client B', email: 'b@e2e.example', xeroContactId: linked[1] },
				{ name: 'Client C', email: 'c@e2e.example' },
				{ name: 'Client D (no Xero contact)', email: 'd@e2e.example' },
			]);
			clients = Object.fromEntries(inserted.map((row) => [String(row.name).slice(7, 8), row]));

			await pollNow(context(), ids.matching);
			webhookUrl = await n8n.webhookUrlOf(ids.matching, WEBHOOK_NODE);
			sandbox.webhooks.subscribe(webhookUrl);

			const filed = await tables.rows('Client invoices');
			const expectedFiled = recent.filter((doc) => linked.includes(doc.Contact.ContactID));
			expect(filed.map((row) => row.xeroInvoiceId).sort()).toEqual(expectedFiled.map((doc) => doc.InvoiceID).sort());
			for (const row of filed) {
				const client = row.xeroContactId === linked[0] ? clients.A : clients.B;
				const doc = expectedFiled.find((candidate) => candidate.InvoiceID === row.xeroInvoiceId)!;
				expect(row).toMatchObject({ clientId: client.id, clientName: client.name, number: doc.InvoiceNumber ?? '', status: doc.Status, total: doc.Total });
			}
			const queued = await tables.rows('Unmatched invoices');
			expect(queued.map((row) => row.xeroInvoiceId).sort()).toEqual(
				recent.filter((doc) => !linked.includes(doc.Contact.ContactID)).map((doc) => doc.InvoiceID).sort(),
			);
			const clientA = (await tables.rows('Clients')).find((row) => row.id === clients.A.id)!;
			expect(clientA.lastInvoiceStatus).toEqual(expect.any(String));
		});

		it('Xero\'s "Intent to Receive" passes on the production URL', async () => {
			expect(await context().sandbox.webhooks.intentToReceive(webhookUrl)).toEqual({ passed: true, detail: expect.any(String) });
		});

		it('a person links one contact and asks for a client for another: their invoices move, the rest stays queued', async () => {
			const { ids, tables } = context();
			const queued = await tables.rows('Unmatched invoices');
			const [toLink, toCreate] = [...new Set(queued.map((row) => String(row.xeroContactId)))];
			await tables.update('Clients', 'id', clients.C.id, { xeroContactId: toLink });
			await tables.update('Unmatched invoices', 'xeroContactId', toCreate, { createClient: true });
			await runFrom(context(), ids.matching, 'Every 15 minutes: re-check the queue');

			const created = (await tables.rows('Clients')).filter((row) => row.xeroContactId === toCreate);
			const contactName = queued.find((row) => row.xeroContactId === toCreate)!.contactName;
			expect(created).toEqual([expect.objectContaining({ name: contactName })]);
			const moved = queued.filter((row) => row.xeroContactId === toLink || row.xeroContactId === toCreate);
			const filed = await tables.rows('Client invoices');
			for (const row of moved) {
				const clientId = row.xeroContactId === toLink ? clients.C.id : created[0].id;
				expect(filed.filter((candidate) => candidate.xeroInvoiceId === row.xeroInvoiceId)).toEqual([
					expect.objectContaining({ clientId, number: row.number, total: row.total, status: row.status }),
				]);
			}
			const left = await tables.rows('Unmatched invoices');
			expect(left.map((row) => row.xeroInvoiceId).sort()).toEqual(
				queued.filter((row) => !moved.includes(row)).map((row) => row.xeroInvoiceId).sort(),
			);

			await runFrom(context(), ids.matching, 'Every 15 minutes: re-check the queue');
			expect((await tables.rows('Clients')).filter((row) => row.xeroContactId === toCreate)).toHaveLength(1);
			expect(await tables.rows('Client invoices')).toHaveLength(filed.length);
		});

		let drafts: XeroInvoice[];

		it('month end: the billable work of last month becomes one draft per client, with lines, accounts and tax rates', async () => {
			const { ids, tables } = context();
			const lastMonth = new Date();
			lastMonth.setUTCDate(15);
			lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
			const day = lastMonth.toISOString().slice(0, 10);
			const today = new Date().toISOString().slice(0, 10);
			await tables.insert('Billable work', [
				{ clientId: clients.A.id, description: 'Design work', quantity: 10, unitPrice: 95, workDate: day },
				{ clientId: clients.A.id, description: 'Hosting', quantity: 1, unitPrice: 30, accountCode: '260', taxType: 'NONE', workDate: day },
				{ clientId: clients.B.id, description: 'Consulting', quantity: 4, unitPrice: 120, workDate: day },
				{ clientId: clients.B.id, description: 'Work of this month', quantity: 1, unitPrice: 50, workDate: today },
				{ clientId: clients.D.id, description: 'Client without a Xero contact', quantity: 2, unitPrice: 10, workDate: day },
			]);
			const known = new Set(salesInvoices().map((doc) => doc.InvoiceID));
			await runFrom(context(), ids.monthEnd, '1st of the month, 6 am');
			drafts = salesInvoices().filter((doc) => !known.has(doc.InvoiceID));
			expect(drafts.map((doc) => doc.Contact.ContactID).sort()).toEqual([...linked].sort());
			const draftOf = (contactId: string) => drafts.find((doc) => doc.Contact.ContactID === contactId)!;
			for (const doc of drafts) expect(doc).toMatchObject({ Status: 'DRAFT', Reference: expect.stringMatching(/^Work to \d{4}-\d{2}-\d{2}$/) });
			expect(draftOf(linked[0]).LineItems).toEqual([
				expect.objectContaining({ Description: 'Design work', Quantity: 10, UnitAmount: 95, AccountCode: '200', TaxType: 'OUTPUT' }),
				expect.objectContaining({ Description: 'Hosting', Quantity: 1, UnitAmount: 30, AccountCode: '260', TaxType: 'NONE' }),
			]);
			expect(draftOf(linked[1]).LineItems).toEqual([expect.objectContaining({ Description: 'Consulting', Quantity: 4, UnitAmount: 120, AccountCode: '200' })]);

			const work = await tables.rows('Billable work');
			const invoiced = (description: string) => work.find((row) => row.description === description)!;
			expect(invoiced('Design work')).toMatchObject({ xeroInvoiceId: draftOf(linked[0]).InvoiceID, invoiceNumber: draftOf(linked[0]).InvoiceNumber });
			expect(invoiced('Consulting')).toMatchObject({ xeroInvoiceId: draftOf(linked[1]).InvoiceID });
			for (const open of ['Work of this month', 'Client without a Xero contact']) expect(invoiced(open).xeroInvoiceId ?? '').toBe('');
			expect(salesInvoices()).toHaveLength(known.size + 2);
		});

		it('month end again: nothing is invoiced twice', async () => {
			const { ids, sandbox } = context();
			sandbox.clearLog();
			const count = salesInvoices().length;
			await runFrom(context(), ids.monthEnd, '1st of the month, 6 am');
			expect(salesInvoices()).toHaveLength(count);
			expect(sandbox.log.filter((entry) => entry.method !== 'GET')).toEqual([]);
		});

		it('the drafts reach the client records through the webhook; approving one in Xero flows back as Approved', async () => {
			const { ids, tables, sandbox, tenantId } = context();
			await sandbox.webhooks.settle();
			await waitFor('the drafts in Client invoices', async () => {
				const rows = await tables.rows('Client invoices');
				return drafts.every((doc) => rows.some((row) => row.xeroInvoiceId === doc.InvoiceID && row.status === 'DRAFT')) ? true : undefined;
			});
			const draft = drafts.find((doc) => doc.Contact.ContactID === linked[0])!;
			const before = await executionCount(context().n8n, ids.matching);
			sandbox.store.update(tenantId, 'Invoices', draft.InvoiceID, { Status: 'AUTHORISED' });
			await sandbox.webhooks.settle();
			const executions = await settle(context().n8n, ids.matching, before);
			expect(executions.map((execution) => [execution.mode, execution.status])).toEqual([['webhook', 'success']]);
			expect((await tables.rows('Client invoices')).filter((row) => row.xeroInvoiceId === draft.InvoiceID)).toEqual([
				expect.objectContaining({ status: 'AUTHORISED', clientId: clients.A.id }),
			]);
			expect((await tables.rows('Clients')).find((row) => row.id === clients.A.id)).toMatchObject({
				lastInvoiceNumber: draft.InvoiceNumber,
				lastInvoiceStatus: 'AUTHORISED',
			});
		});

		it('a forged delivery is refused with 401 and starts nothing', async () => {
			const { ids, sandbox, tenantId, n8n } = context();
			const before = await executionCount(n8n, ids.matching);
			const draft = drafts[0];
			const answer = await sandbox.webhooks.deliver(
				webhookUrl,
				[
					{
						resourceUrl: `${sandbox.url}/api.xro/2.0/Invoices/${draft.InvoiceID}`,
						resourceId: draft.InvoiceID,
						eventDateUtc: new Date().toISOString().slice(0, 23),
						eventType: 'UPDATE',
						eventCategory: 'INVOICE',
						tenantId,
						tenantType: 'ORGANISATION',
					},
				],
				{ forge: true },
			);
			expect(answer).toEqual({ status: 401, body: '' });
			expect(await settle(n8n, ids.matching, before)).toEqual([]);
		});

		afterAll(async () => {
			context().sandbox.webhooks.unsubscribe();
			await context().n8n.deactivate(context().ids.matching).catch(() => undefined);
		});
	});
}
