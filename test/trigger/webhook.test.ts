import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import type { ICredentialsDecrypted, IDataObject, IHookFunctions, INodeParameters, INodeType } from 'n8n-workflow';

import { loadPackage, runWebhook, type WebhookResult } from '../harness';
import { CREDENTIAL_ID, startXero, type XeroFixture } from '../helpers/xero';
import type { WebhookEvent, XeroContact, XeroInvoice } from '../sandbox';

// The webhook trigger through n8n-core's WebhookContext: Xero's signed deliveries, its Intent to
// Receive handshake (sent by the sandbox to a small HTTP server that hands each request to the
// node, as n8n's webhook server would), filters, fetched documents and replays.

const HOOK_CREDENTIAL = 'xero-webhook';

let xero: XeroFixture;
let customer: XeroContact;

const sign = (body: string | Buffer, key = xero.sandbox.webhooks.signingKey) =>
	xero.sandbox.webhooks.sign(typeof body === 'string' ? body : body.toString('utf8'), key);

function webhookNode(parameters: IDataObject = {}) {
	return {
		name: 'Xero Webhook',
		type: 'xeroAccountingWebhookTrigger',
		credentials: { ...xero.credentials.ref(HOOK_CREDENTIAL), ...xero.credentials.ref(CREDENTIAL_ID) },
		parameters: parameters as INodeParameters,
	};
}

function event(category: WebhookEvent['eventCategory'], resourceId: string, eventType: WebhookEvent['eventType'] = 'UPDATE', tenantId = xero.tenantId): WebhookEvent {
	const collection = { CONTACT: 'Contacts', INVOICE: 'Invoices', CREDITNOTE: 'CreditNotes' }[category];
	return {
		resourceUrl: `${xero.sandbox.url}/api.xro/2.0/${collection}/${resourceId}`,
		resourceId,
		eventDateUtc: new Date().toISOString().slice(0, 23),
		eventType,
		eventCategory: category,
		tenantId,
		tenantType: 'ORGANISATION',
	};
}

interface Delivery {
	body: string | Buffer;
	/** Default: Xero's signature of the body; null sends none. */
	signature?: string | null;
	parameters?: IDataObject;
	staticData?: IDataObject;
	/** What n8n's body parser made of it; default: the JSON parsed. */
	parsed?: unknown;
}

async function deliver({ body, signature, parameters, staticData, parsed }: Delivery): Promise<WebhookResult> {
	const rawBody = Buffer.isBuffer(body) ? body : Buffer.from(body);
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	const sig = signature === undefined ? sign(rawBody) : signature;
	if (sig !== null) headers['x-xero-signature'] = sig;
	return await runWebhook({
		node: webhookNode(parameters),
		credentials: xero.credentials,
		staticData: staticData ?? {},
		request: { headers, rawBody, ...(parsed !== undefined ? { body: parsed } : {}) },
	});
}

const payload = (events: WebhookEvent[]) => JSON.stringify(xero.sandbox.webhooks.payload(events));
const itemsOf = (result: WebhookResult) => (result.workflowData?.[0] ?? []).map((item) => item.json);

function salesInvoice(): XeroInvoice {
	return xero.sandbox.store.create(xero.tenantId, 'Invoices', {
		Type: 'ACCREC',
		Contact: { ContactID: customer.ContactID },
		Status: 'AUTHORISED',
		LineItems: [{ Description: 'Organic rye', Quantity: 3, UnitAmount: 12, AccountCode: '200' }],
	}) as unknown as XeroInvoice;
}

beforeAll(async () => {
	xero = await startXero({ size: 5, seed: 21 });
	xero.credentials.set(HOOK_CREDENTIAL, 'xeroAccountingWebhookApi', { signingSecret: xero.sandbox.webhooks.signingKey });
	customer = xero.sandbox.store.create(xero.tenantId, 'Contacts', { Name: 'Webhook Test Customer' }) as unknown as XeroContact;
});

beforeEach(() => xero.sandbox.clearLog());

afterAll(async () => {
	expect(xero.sandbox.specViolations).toEqual([]);
	await xero.close();
});

describe('signature', () => {
	it('a signed delivery gets 200 with an empty body and starts the workflow with one item per event', async () => {
		const invoice = salesInvoice();
		const events = [event('INVOICE', invoice.InvoiceID, 'CREATE'), event('CONTACT', customer.ContactID)];
		const result = await deliver({ body: payload(events) });

		expect(result.status).toBe(200);
		expect(result.body ?? '').toBe('');
		expect(result.noWebhookResponse).toBe(true);
		expect(itemsOf(result)).toEqual([
			{
				event: 'changed',
				documentType: 'invoice',
				change: 'created',
				tenantId: xero.tenantId,
				eventCategory: 'INVOICE',
				eventType: 'CREATE',
				eventDateUtc: events[0].eventDateUtc,
				resourceId: invoice.InvoiceID,
				resourceUrl: events[0].resourceUrl,
			},
			expect.objectContaining({ documentType: 'contact', change: 'updated', resourceId: customer.ContactID }),
		]);
		// Nothing was fetched.
		expect(xero.sandbox.log).toEqual([]);
	});

	it.each([
		['a forged', (body: string) => sign(body, Buffer.alloc(48, 7).toString('base64'))],
		['a missing', () => null],
		['a truncated', (body: string) => sign(body).slice(0, -4)],
		['a padded', (body: string) => `${sign(body)} `],
		["another body's", (body: string) => sign(`${body} `)],
		['an empty', () => ''],
	])('answers 401 with an empty body to %s signature and starts nothing', async (_label, signatureOf) => {
		const body = payload([event('CONTACT', customer.ContactID)]);
		const result = await deliver({ body, signature: signatureOf(body) });
		expect(result.status).toBe(401);
		expect(result.body ?? '').toBe('');
		expect(result.workflowData).toBeUndefined();
	});

	it('Intent to Receive (no events) gets 200 and starts nothing', async () => {
		const body = JSON.stringify({ events: [], firstEventSequence: 0, lastEventSequence: 0, entropy: 'S0m3r4Nd0mt3xt' });
		const result = await deliver({ body });
		expect(result.status).toBe(200);
		expect(result.body ?? '').toBe('');
		expect(result.workflowData).toBeUndefined();
	});

	it('refuses a signed body that is not Xero JSON, and an oversized one, without starting anything', async () => {
		// (n8n itself answers 422 to JSON it cannot parse; the node does not rely on that.)
		for (const body of ['{"events": [', '"events"', '{"events": [{"resourceId": 1}]}']) {
			const result = await deliver({ body, parsed: {} });
			expect([result.status, result.workflowData]).toEqual([400, undefined]);
		}
		const huge = Buffer.alloc(1024 * 1024 + 1, 0x20);
		const result = await deliver({ body: huge, parsed: {} });
		expect([result.status, result.workflowData]).toEqual([413, undefined]);
	});
});

describe('events', () => {
	it('are filtered by organisation, category and type', async () => {
		const other = xero.sandbox.tenants[1].tenantId;
		const invoice = salesInvoice();
		const events = [
			event('INVOICE', invoice.InvoiceID, 'UPDATE'),
			event('INVOICE', invoice.InvoiceID, 'CREATE'),
			event('CONTACT', customer.ContactID),
			event('CONTACT', customer.ContactID, 'UPDATE', other),
		];
		const result = await deliver({
			body: payload(events),
			parameters: { eventCategories: ['INVOICE'], eventTypes: ['UPDATE'], tenantIds: ` ${xero.tenantId.toUpperCase()} ` },
		});
		expect(result.status).toBe(200);
		expect(itemsOf(result).map((item) => [item.eventCategory, item.eventType, item.tenantId])).toEqual([
			['INVOICE', 'UPDATE', xero.tenantId],
		]);

		// Nothing left after filtering: acknowledged, nothing started.
		const none = await deliver({ body: payload([events[3]]), parameters: { tenantIds: xero.tenantId } });
		expect([none.status, none.workflowData]).toEqual([200, undefined]);
	});

	it('carry the fetched document when Fetch Document is on', async () => {
		const invoice = salesInvoice();
		const note = xero.sandbox.store.create(xero.tenantId, 'CreditNotes', {
			Type: 'ACCRECCREDIT',
			Contact: { ContactID: customer.ContactID },
			Status: 'DRAFT',
			LineItems: [{ Description: 'Returned rye', Quantity: 1, UnitAmount: 12, AccountCode: '200' }],
		});
		const creditNoteEvent = { ...event('CREDITNOTE', String(note.CreditNoteID), 'CREATE'), data: { Type: 'ACCRECCREDIT', Status: 'DRAFT' } };
		const events = [event('INVOICE', invoice.InvoiceID, 'CREATE'), event('INVOICE', invoice.InvoiceID), creditNoteEvent];
		const result = await deliver({ body: payload(events), parameters: { fetchDocument: true, authentication: 'oAuth2' } });

		const [created, updated, credit] = itemsOf(result);
		expect(created).toMatchObject({ documentType: 'salesInvoice', change: 'created', InvoiceID: invoice.InvoiceID, Type: 'ACCREC' });
		expect((created.LineItems as IDataObject[])[0]).toMatchObject({ Description: 'Organic rye', Quantity: 3 });
		expect(updated).toMatchObject({ documentType: 'salesInvoice', change: 'updated', InvoiceID: invoice.InvoiceID });
		expect(credit).toMatchObject({
			documentType: 'creditNote',
			CreditNoteID: note.CreditNoteID,
			eventData: { Type: 'ACCRECCREDIT', Status: 'DRAFT' },
		});
		// One call per document, with the organisation of the event.
		expect(xero.sandbox.log.map((l) => [l.method, l.path, l.tenantId])).toEqual([
			['GET', `/api.xro/2.0/Invoices/${invoice.InvoiceID}`, xero.tenantId],
			['GET', `/api.xro/2.0/CreditNotes/${note.CreditNoteID}`, xero.tenantId],
		]);
	});

	it('keep an event whose document cannot be fetched, with the reason', async () => {
		const missing = '00000000-0000-4000-8000-000000000001';
		const result = await deliver({ body: payload([event('CONTACT', missing)]), parameters: { fetchDocument: true } });
		expect(itemsOf(result)).toEqual([expect.objectContaining({ resourceId: missing, fetchError: expect.any(String) })]);
	});

	it('already received are dropped when Drop Replays is on (the default)', async () => {
		const body = payload([event('CONTACT', customer.ContactID)]);
		const staticData: IDataObject = {};
		expect(itemsOf(await deliver({ body, staticData }))).toHaveLength(1);
		const replay = await deliver({ body, staticData });
		expect([replay.status, replay.workflowData]).toEqual([200, undefined]);

		// A new event for the same contact still passes.
		const next = await deliver({ body: payload([{ ...event('CONTACT', customer.ContactID), eventDateUtc: '2030-01-01T00:00:00.000' }]), staticData });
		expect(itemsOf(next)).toHaveLength(1);

		const off = { options: { dropReplays: false } };
		expect(itemsOf(await deliver({ body, staticData, parameters: off }))).toHaveLength(1);
	});
});

describe('with Xero delivering over HTTP', () => {
	let server: Server;
	let url: string;
	const started: IDataObject[][] = [];
	const staticData: IDataObject = {};

	beforeAll(async () => {
		// Stands in for n8n's webhook server: raw bytes in, the node's answer out.
		server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				void runWebhook({
					node: webhookNode(),
					credentials: xero.credentials,
					staticData,
					request: { headers: req.headers as Record<string, string>, rawBody: Buffer.concat(chunks) },
							}).then(
					(result) => {
						if (result.workflowData) started.push(result.workflowData[0].map((item) => item.json));
						res.statusCode = result.status;
						res.end(result.body === undefined ? '' : String(result.body));
					},
					() => {
						res.statusCode = 500;
						res.end();
					},
				);
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/xero`;
	});

	afterAll(async () => {
		xero.sandbox.webhooks.unsubscribe();
		await new Promise((resolve) => server.close(resolve));
	});

	it('passes Intent to Receive', async () => {
		const { passed, detail } = await xero.sandbox.webhooks.intentToReceive(url);
		expect(detail).toBeDefined();
		expect(passed).toBe(true);
		expect(started).toEqual([]);
	});

	it('turns changes in Xero into workflow runs, and refuses a forged delivery', async () => {
		xero.sandbox.webhooks.subscribe(url);
		const invoice = salesInvoice();
		xero.sandbox.store.update(xero.tenantId, 'Contacts', customer.ContactID, { EmailAddress: 'hello@customer.example' });
		await xero.sandbox.webhooks.settle();

		const deliveries = xero.sandbox.webhooks.deliveries.filter((d) => d.url === url && JSON.parse(d.body).events.length > 0);
		expect(deliveries.map((d) => [d.status, d.responseBody])).toEqual(deliveries.map(() => [200, '']));
		const items = started.flat();
		expect(items).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ eventCategory: 'INVOICE', eventType: 'CREATE', resourceId: invoice.InvoiceID }),
				expect.objectContaining({ eventCategory: 'CONTACT', eventType: 'UPDATE', resourceId: customer.ContactID }),
			]),
		);

		const before = started.length;
		const forged = await xero.sandbox.webhooks.deliver(url, [event('CONTACT', customer.ContactID)], { forge: true });
		expect(forged).toEqual({ status: 401, body: '' });
		expect(started).toHaveLength(before);
	});
});

describe('node methods', () => {
	async function nodeType(): Promise<INodeType> {
		const pkg = await loadPackage();
		return pkg.nodeTypes.getByNameAndVersion(pkg.fullType('xeroAccountingWebhookTrigger'));
	}

	const credential = (signingSecret: string): ICredentialsDecrypted => ({
		id: 'c',
		name: 'Xero webhook',
		type: 'xeroAccountingWebhookApi',
		data: { signingSecret },
	});

	it('the credential test checks the shape of a Xero webhook key, and says it cannot do more', async () => {
		const test = (await nodeType()).methods!.credentialTest!.xeroWebhookKeyShape;
		const run = async (key: string) => await test.call({} as never, credential(key));

		const ok = await run(xero.sandbox.webhooks.signingKey);
		expect(ok.status).toBe('OK');
		expect(ok.message).toMatch(/no API/);
		for (const bad of ['', 'short', 'vNOpS-jITM0ri6N060mtcQwxRnl7prgfXeU5Lkf74DY0yCKC', ` ${xero.sandbox.webhooks.signingKey}`]) {
			expect((await run(bad)).status).toBe('Error');
		}
	});

	it('the webhook lifecycle registers nothing and only checks that a key is set', async () => {
		const methods = (await nodeType()).webhookMethods!.default!;
		const hooks = (signingSecret: string) =>
			({
				getCredentials: async () => ({ signingSecret }),
				getNode: () => ({ name: 'Xero Webhook', type: 'xeroAccountingWebhookTrigger' }),
			}) as unknown as IHookFunctions;

		await expect(methods.checkExists.call(hooks(xero.sandbox.webhooks.signingKey))).resolves.toBe(true);
		await expect(methods.checkExists.call(hooks(''))).rejects.toThrow(/no Webhooks key/);
		await expect(methods.create.call(hooks(''))).resolves.toBe(true);
		await expect(methods.delete.call(hooks(''))).resolves.toBe(true);
	});
});
