import { randomUUID } from 'crypto';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow } from '../harness';
import { CREDENTIAL_ID, startXero, type XeroFixture } from '../helpers/xero';
import type { XeroContact } from '../sandbox';
import { Figures } from './figures';

// Xero's limits switched on in the sandbox (60 calls a minute and 5 at once per organisation),
// with its clock sped up 10 times so a "minute" lasts six seconds. One execution creates 200
// invoices while four others, started at the same moment, each list every sales invoice and then
// fetch each one in full: more calls than a minute allows (at any speed above 10 calls a second),
// so Xero answers 429 and the transport must wait and retry until every item succeeds, without
// losing or repeating a document.

const API = '/api.xro/2.0';
const INVOICES = 200;
const READERS = 4;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

let xero: XeroFixture;
let customer: XeroContact;
const figures = new Figures('rate limits under load');

const org = () => xero.sandbox.store.tenant(xero.tenantId);

beforeAll(async () => {
	xero = await startXero({ size: 15 });
	customer = xero.sandbox.store.create(xero.tenantId, 'Contacts', { Name: 'Rate Limit Customer' }) as unknown as XeroContact;
});

afterAll(async () => {
	await xero.close();
	figures.print();
	expect(xero.sandbox.specViolations).toEqual([]);
});

function xeroNode(name: string, parameters: IDataObject) {
	return {
		name,
		type: 'xeroAccounting',
		credentials: xero.credentials.ref(CREDENTIAL_ID),
		parameters: { authentication: 'oAuth2', tenantId: byId(xero.tenantId), ...parameters } as INodeParameters,
	};
}

/** List every sales invoice, then get each one in full: one call per invoice. */
async function readEverything() {
	return await runWorkflow({
		credentials: xero.credentials,
		input: [{}],
		nodes: [
			xeroNode('List', { resource: 'salesInvoice', operation: 'getAll', returnAll: true }),
			xeroNode('Get', { resource: 'salesInvoice', operation: 'get', invoiceId: byId('={{ $json.InvoiceID }}') }),
		],
		connections: [['List', 'Get']],
	});
}

test('200 invoices created and 4 concurrent full reads: every item succeeds, each invoice exists once, 429s retried', async () => {
	const tag = randomUUID();
	const existing = new Set(org().Invoices.filter((invoice) => invoice.Type === 'ACCREC').map((invoice) => invoice.InvoiceID));
	xero.sandbox.clearLog();
	xero.sandbox.rateLimit.configure({ enabled: true, perMinute: 60, concurrent: 5, timeScale: 10 });
	const started = Date.now();

	const input = Array.from({ length: INVOICES }, (_, n) => ({
		ref: `${tag}-${n}`,
		lines: [{ Description: `Crate ${n}`, Quantity: 1 + (n % 4), UnitAmount: 9.5, AccountCode: '200' }],
	}));
	const [write, ...reads] = await Promise.all([
		xero.run(
			{
				resource: 'salesInvoice',
				operation: 'create',
				contactId: byId(customer.ContactID),
				lineItemsSource: 'field',
				lineItemsField: 'lines',
				additionalFields: { Reference: '={{ $json.ref }}' },
			},
			input,
		),
		...Array.from({ length: READERS }, async () => await readEverything()),
	]);
	const elapsed = Date.now() - started;
	const counters = xero.sandbox.rateLimit.counters(xero.tenantId);
	xero.sandbox.rateLimit.configure({ enabled: false });
	const log = [...xero.sandbox.log];

	// The writer: 200 outputs paired with their inputs, no error item, each invoice stored once.
	expect(write.error).toBeUndefined();
	expect(write.items).toHaveLength(INVOICES);
	write.items.forEach((item, n) => {
		expect(item.pairedItem).toEqual({ item: n });
		expect(item.json.error).toBeUndefined();
		expect(item.json.Reference).toBe(`${tag}-${n}`);
	});
	for (let n = 0; n < INVOICES; n++) {
		const stored = org().Invoices.filter((invoice) => invoice.Reference === `${tag}-${n}`);
		expect(stored).toHaveLength(1);
		expect(stored[0].InvoiceID).toBe(write.items[n].json.InvoiceID);
	}
	// Each batch of 50 reached Xero's handler once: a 429 is refused before Xero acts.
	const puts = log.filter((entry) => entry.method === 'PUT' && entry.path === `${API}/Invoices`);
	const accepted = puts.filter((entry) => entry.status === 200);
	expect(accepted).toHaveLength(INVOICES / 50);
	expect(new Set(accepted.map((entry) => entry.idempotencyKey)).size).toBe(INVOICES / 50);
	expect(puts.every((entry) => entry.status === 200 || entry.status === 429)).toBe(true);

	// The readers: every invoice that existed before the run listed and fetched exactly once each.
	const fetchedByReader: string[][] = [];
	for (const read of reads) {
		expect(read.error).toBeUndefined();
		const listed = read.output('List').map((item) => String(item.json.InvoiceID));
		const fetched = read.output('Get').map((item) => String(item.json.InvoiceID));
		expect(read.output('Get').every((item) => item.json.error === undefined)).toBe(true);
		expect(new Set(listed).size).toBe(listed.length);
		expect(fetched).toEqual(listed);
		for (const id of existing) expect(listed).toContain(id);
		for (const id of listed) expect(org().Invoices.get(id)?.Type).toBe('ACCREC');
		fetchedByReader.push(fetched);
	}
	const gets = log.filter((entry) => entry.method === 'GET' && /^\/api\.xro\/2\.0\/Invoices\/[0-9a-f-]{36}$/i.test(entry.path));
	const answeredGets = gets.filter((entry) => entry.status === 200);
	expect(answeredGets).toHaveLength(fetchedByReader.reduce((sum, ids) => sum + ids.length, 0));

	// The 429s: seen, counted, and each one retried (no call ended on a 429).
	const limited = log.filter((entry) => entry.status === 429);
	expect(limited.length).toBeGreaterThan(0);
	expect(limited.length).toBe(counters.rejected.minute + counters.rejected.concurrent + counters.rejected.day + counters.rejected.appminute);
	expect(counters.rejected.day).toBe(0);
	expect(log.every((entry) => entry.status === 200 || entry.status === 429)).toBe(true);
	expect(xero.sandbox.maxInFlight(xero.tenantId)).toBeLessThanOrEqual(5);

	figures.set('invoices created in one execution', INVOICES);
	figures.set('concurrent reading executions', READERS);
	figures.set('invoices fetched one by one (all readers)', answeredGets.length);
	figures.set('calls to Xero (60 allowed per scaled minute)', log.length);
	figures.set('answered 429 (minute limit)', counters.rejected.minute);
	figures.set('answered 429 (5 at once)', counters.rejected.concurrent);
	figures.set('429s retried to success', limited.length);
	figures.set('failed items', 0);
	figures.set('duplicate invoices', 0);
	figures.set('elapsed ms', elapsed);
});
