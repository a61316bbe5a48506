import { randomUUID } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { startXero, type XeroFixture } from '../helpers/xero';
import type { FaultRule, XeroContact } from '../sandbox';
import { Figures } from './figures';

// Faults on the calls that carry a batch of 50 documents, not on single documents (those are in
// the transport and invoice tests): every document must exist exactly once, whatever happened to
// the calls, and when a call fails for good the user must learn which documents were saved.

const API = '/api.xro/2.0';
const COUNT = 120;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

let xero: XeroFixture;
let customer: XeroContact;
const figures = new Figures('faults on batch calls');

const org = () => xero.sandbox.store.tenant(xero.tenantId);
const puts = () => xero.sandbox.log.filter((entry) => entry.method === 'PUT' && entry.path === `${API}/Invoices`);

beforeAll(async () => {
	xero = await startXero({ size: 5 });
	customer = xero.sandbox.store.create(xero.tenantId, 'Contacts', { Name: 'Batch Fault Customer' }) as unknown as XeroContact;
});

beforeEach(() => {
	xero.sandbox.faults.clear();
	xero.sandbox.clearLog();
});

afterAll(async () => {
	await xero.close();
	figures.print();
	expect(xero.sandbox.specViolations).toEqual([]);
});

/** One fault per PUT, in order (a rule fires once; an empty action lets the call through). */
function putFaults(actions: Array<FaultRule['action'] | null>): void {
	for (const action of actions) {
		xero.sandbox.faults.add({ method: 'PUT', path: '/Invoices', action: action ?? { kind: 'delay', ms: 1 } });
	}
}

async function createInvoices(tag: string, node: IDataObject = {}) {
	const input = Array.from({ length: COUNT }, (_, n) => ({ ref: `${tag}-${n}` }));
	return await xero.run(
		{
			resource: 'salesInvoice',
			operation: 'create',
			contactId: byId(customer.ContactID),
			lineItems: { line: [{ Description: 'Seed potatoes', Quantity: 1, UnitAmount: 6 }] },
			additionalFields: { Reference: '={{ $json.ref }}' },
		},
		input,
		{ node },
	);
}

const stored = (tag: string, n: number) => org().Invoices.filter((invoice) => invoice.Reference === `${tag}-${n}`);
const dayLimit: FaultRule['action'] = { kind: 'status', status: 429, retryAfter: 3600, headers: { 'x-rate-limit-problem': 'day' } };

test('503s, a lost answer and a reset connection on three batches: all 120 invoices exist exactly once', async () => {
	const tag = randomUUID();
	putFaults([{ kind: 'status', status: 503 }, { kind: 'status', status: 503 }, null, { kind: 'lose-response' }, null, { kind: 'reset' }]);
	const { items, error } = await createInvoices(tag);
	expect(error).toBeUndefined();
	expect(items.map((item) => item.pairedItem)).toEqual(Array.from({ length: COUNT }, (_, item) => ({ item })));
	items.forEach((item, n) => expect(item.json.Reference).toBe(`${tag}-${n}`));
	for (let n = 0; n < COUNT; n++) expect(stored(tag, n).map((invoice) => invoice.InvoiceID)).toEqual([items[n].json.InvoiceID]);

	const calls = puts();
	expect(calls.map((call) => [call.status, call.fault ?? null, call.replayed ?? false])).toEqual([
		[503, 'status', false],
		[503, 'status', false],
		[200, 'delay', false],
		[0, 'lose-response', false], // Xero saved batch 2; the answer never came
		[200, 'delay', true], // the retry is answered from Xero's idempotency record, nothing saved twice
		[0, 'reset', false], // batch 3 never reached Xero
		[200, null, false],
	]);
	const keys = calls.map((call) => call.idempotencyKey);
	expect(new Set(keys.slice(0, 3)).size).toBe(1);
	expect(keys[3]).toBe(keys[4]);
	expect(keys[5]).toBe(keys[6]);
	expect(new Set([keys[0], keys[3], keys[5]]).size).toBe(3);
	figures.add('invoices created through faulted batch calls', COUNT);
	figures.add('batch calls faulted and retried', 4);
	figures.add('duplicates', 0);
});

test('Continue On Fail, a batch refused as a whole: its 50 items fail, the other 70 are created once', async () => {
	const tag = randomUUID();
	putFaults([null, dayLimit]);
	const { items, error } = await createInvoices(tag, { onError: 'continueRegularOutput' });
	expect(error).toBeUndefined();
	expect(items.map((item) => item.pairedItem)).toEqual(Array.from({ length: COUNT }, (_, item) => ({ item })));
	for (let n = 0; n < COUNT; n++) {
		const failed = n >= 50 && n < 100;
		if (failed) {
			expect(items[n].json).toMatchObject({ details: { itemIndex: n }, error: expect.stringMatching(new RegExp(`^Item ${n}: Xero's daily limit`)) });
			expect(stored(tag, n)).toEqual([]);
		} else {
			expect(stored(tag, n).map((invoice) => invoice.InvoiceID)).toEqual([items[n].json.InvoiceID]);
		}
	}
	expect(puts().map((call) => call.status)).toEqual([200, 429, 200]);
	figures.add('items failed as a whole batch, reported under Continue On Fail', 50);
});

test('without Continue On Fail, a batch refused as a whole stops the node, naming the invoices already saved', async () => {
	const tag = randomUUID();
	putFaults([null, dayLimit]);
	const { items, error } = await createInvoices(tag);
	expect(items).toEqual([]);
	expect(error?.message).toMatch(/^Xero's daily limit of API calls for this organisation is used up/);
	expect(error?.description).toContain(
		'50 sales invoice(s) were saved in Xero before this failure (input items 0-49): run only the other items again, or those will be created twice.',
	);
	// Nothing more is sent after the failure.
	expect(puts().map((call) => call.status)).toEqual([200, 429]);
	for (let n = 0; n < COUNT; n++) expect(stored(tag, n)).toHaveLength(n < 50 ? 1 : 0);
});
