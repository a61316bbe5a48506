import Ajv from 'ajv';
import { createHmac } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { startSandbox, type XeroSandbox } from './index';
import { apiClient, startReceiver, waitFor, type ApiClient, type Receiver } from './test-helpers';

describe('Xero sandbox: webhooks', () => {
	let sandbox: XeroSandbox;
	let api: ApiClient;
	let receiver: Receiver;

	const valid = (body: string, signature: string | string[] | undefined) =>
		createHmac('sha256', sandbox.webhooks.signingKey).update(body).digest('base64') === signature;

	beforeAll(async () => {
		sandbox = await startSandbox();
		api = apiClient(sandbox);
		// A receiver that does what Xero asks: 200 with an empty body when signed, else 401.
		receiver = await startReceiver((body, headers) => (valid(body, headers['x-xero-signature']) ? { status: 200 } : { status: 401 }));
	});
	afterAll(async () => {
		await sandbox.close();
		await receiver.close();
	});
	afterEach(() => {
		sandbox.webhooks.unsubscribe();
		receiver.requests.length = 0;
	});

	const payloads = () => receiver.requests.map((r) => JSON.parse(r.body));

	it('delivers signed events for invoices, bills, contacts and credit notes', async () => {
		sandbox.webhooks.subscribe(receiver.url);
		const contact = sandbox.store.tenant(api.tenantId).Contacts.find((c) => c.IsCustomer)!;
		const created = await api.put('/Invoices', { Invoices: [{ Type: 'ACCREC', Contact: { ContactID: contact.ContactID }, LineItems: [{ Description: 'Oats', Quantity: 1, UnitAmount: 5, AccountCode: '200' }] }] });
		const invoiceId = created.body.Invoices[0].InvoiceID;
		await api.post(`/Invoices/${invoiceId}`, { Invoices: [{ Reference: 'changed' }] });
		await api.post(`/Contacts/${contact.ContactID}`, { Contacts: [{ FirstName: 'Changed' }] });
		const note = await api.put('/CreditNotes', { CreditNotes: [{ Type: 'ACCPAYCREDIT', Status: 'AUTHORISED', Contact: { ContactID: contact.ContactID }, LineItems: [{ Description: 'Return', Quantity: 1, UnitAmount: 3, AccountCode: '300' }] }] });
		// Purchase orders have no webhooks in Xero.
		await api.put('/PurchaseOrders', { PurchaseOrders: [{ Contact: { ContactID: contact.ContactID }, LineItems: [{ Description: 'x', Quantity: 1, UnitAmount: 1 }] }] });
		await sandbox.webhooks.settle();

		expect(receiver.requests.length).toBeGreaterThan(0);
		for (const r of receiver.requests) expect(valid(r.body, r.headers['x-xero-signature'])).toBe(true);
		const events = payloads().flatMap((p) => p.events);
		expect(events.map((e: { eventCategory: string; eventType: string }) => `${e.eventCategory}:${e.eventType}`)).toEqual(['INVOICE:CREATE', 'INVOICE:UPDATE', 'CONTACT:UPDATE', 'CREDITNOTE:CREATE']);
		expect(events[0]).toEqual({
			resourceUrl: `${sandbox.url}/api.xro/2.0/Invoices/${invoiceId}`,
			resourceId: invoiceId,
			eventDateUtc: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/),
			eventType: 'CREATE',
			eventCategory: 'INVOICE',
			tenantId: api.tenantId,
			tenantType: 'ORGANISATION',
		});
		expect(events[3]).toMatchObject({ resourceId: note.body.CreditNotes[0].CreditNoteID, data: { Type: 'ACCPAYCREDIT', Status: 'AUTHORISED' } });
		for (const p of payloads()) {
			expect(p.lastEventSequence - p.firstEventSequence + 1).toBe(p.events.length);
			expect(p.entropy).toMatch(/^[A-Z]{20}$/);
		}
		const sequences = payloads().map((p) => p.firstEventSequence);
		expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
		// Payloads follow xero-webhooks.yaml (formats aside: Xero's own eventDateUtc carries no zone).
		const ajv = new Ajv({ strict: false, validateFormats: false });
		ajv.addSchema(parse(readFileSync(join(__dirname, 'spec', 'xero-webhooks.yaml'), 'utf8')), 'webhooks');
		for (const p of payloads()) {
			const creditNotes = p.events.every((e: { eventCategory: string }) => e.eventCategory === 'CREDITNOTE');
			const validate = ajv.getSchema(`webhooks#/components/schemas/${creditNotes ? 'CreditNoteWebhookEvent' : 'WebhookEvent'}`)!;
			expect({ valid: validate(p), errors: validate.errors ?? null }).toEqual({ valid: true, errors: null });
		}
		// The resource URL leads back to the sandbox.
		expect((await api.get(`/Invoices/${invoiceId}`)).body.Invoices[0].Reference).toBe('changed');
	});

	it('fires for writes made through the store and stops after unsubscribe', async () => {
		sandbox.webhooks.subscribe(receiver.url);
		const contact = sandbox.store.create(api.tenantId, 'Contacts', { Name: 'Webhook Store Contact' });
		await sandbox.webhooks.settle();
		expect(payloads().flatMap((p) => p.events).map((e: { resourceId: string }) => e.resourceId)).toEqual([contact.ContactID]);
		sandbox.webhooks.unsubscribe();
		sandbox.store.update(api.tenantId, 'Contacts', contact.ContactID as string, { FirstName: 'Quiet' });
		await sandbox.webhooks.settle();
		expect(receiver.requests).toHaveLength(1);
	});

	it('sends forged deliveries on request, which a careful receiver refuses', async () => {
		const event = {
			resourceUrl: `${sandbox.url}/api.xro/2.0/Contacts/00000000-0000-4000-8000-000000000001`,
			resourceId: '00000000-0000-4000-8000-000000000001',
			eventDateUtc: '2026-01-01T00:00:00.000',
			eventType: 'UPDATE' as const,
			eventCategory: 'CONTACT' as const,
			tenantId: api.tenantId,
			tenantType: 'ORGANISATION' as const,
		};
		expect(await sandbox.webhooks.deliver(receiver.url, [event])).toEqual({ status: 200, body: '' });
		expect(await sandbox.webhooks.deliver(receiver.url, [event], { forge: true })).toEqual({ status: 401, body: '' });
		expect(sandbox.webhooks.deliveries.slice(-2).map((d) => d.forged)).toEqual([false, true]);
	});

	it('runs Intent to Receive: passes a correct receiver, fails careless ones with detail', async () => {
		const good = await sandbox.webhooks.intentToReceive(receiver.url);
		expect(good.passed).toBe(true);
		const bodies = receiver.requests.map((r) => JSON.parse(r.body));
		expect(bodies.every((b) => Array.isArray(b.events) && b.events.length === 0)).toBe(true);
		expect(receiver.requests.length).toBeGreaterThanOrEqual(4);

		const accepting = await startReceiver(() => ({ status: 200 }));
		const chatty = await startReceiver((body, headers) => (valid(body, headers['x-xero-signature']) ? { status: 200, body: 'ok' } : { status: 401 }));
		try {
			const lax = await sandbox.webhooks.intentToReceive(accepting.url);
			expect(lax.passed).toBe(false);
			expect(lax.detail).toMatch(/bad signature: expected 401, got 200/);
			const noisy = await sandbox.webhooks.intentToReceive(chatty.url);
			expect(noisy.passed).toBe(false);
			expect(noisy.detail).toMatch(/with body "ok"/);
		} finally {
			await accepting.close();
			await chatty.close();
		}
		const unreachable = await sandbox.webhooks.intentToReceive('http://127.0.0.1:9/nothing');
		expect(unreachable.passed).toBe(false);
	});

	it('batches events that happen together into one delivery', async () => {
		sandbox.webhooks.subscribe(receiver.url);
		for (let i = 0; i < 3; i++) sandbox.store.create(api.tenantId, 'Contacts', { Name: `Batch Contact ${i}` });
		await waitFor(() => receiver.requests.length > 0);
		await sandbox.webhooks.settle();
		expect(receiver.requests).toHaveLength(1);
		expect(payloads()[0].events).toHaveLength(3);
	});
});
