import { randomUUID } from 'crypto';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runPoll, runWebhook, type NodeSpec } from '../../harness';
import type { WebhookEvent } from '../../sandbox';
import type { BenchContext } from '../context';
import { countInvoices, organisation, touchBills, touchPurchaseOrders } from '../fixtures';
import { measure, percentile, round1 } from '../measure';
import type { Row } from '../results';

const NO_TRIGGER = 'n/a: the built-in node has no trigger';

function pollNode(ctx: BenchContext): NodeSpec {
	return {
		name: 'Trigger',
		type: 'xeroAccountingTrigger',
		credentials: ctx.credentials.ours.ref('xero'),
		parameters: {
			authentication: 'oAuth2',
			tenantId: { __rl: true, mode: 'id', value: ctx.tenantId },
			events: ['bill', 'purchaseOrder'],
			// Start from now: the activation poll learns what exists and emits nothing.
			options: { backfillDays: 0 },
		},
	};
}

/**
 * The polling trigger watching bills and purchase orders: a poll with nothing new, then a poll
 * after `changes` edits, on the documents the changed-since scenario left (its `total`).
 */
export async function pollScenarios(ctx: BenchContext, changes: number): Promise<Row[]> {
	const org = organisation(ctx.sandbox);
	const documents = countInvoices(org, 'ACCPAY') + org.PurchaseOrders.size;
	const staticData: IDataObject = {};
	const poll = () => runPoll({ root: ctx.roots.ours, node: pollNode(ctx), credentials: ctx.credentials.ours, staticData });

	const activation = await measure(ctx.sandbox, poll);
	ctx.log(`poll: activation poll ${activation.calls} calls over ${documents} documents`);
	const idle = await measure(ctx.sandbox, poll);

	const bills = new Set(touchBills(org, Math.ceil(changes / 2)));
	const orders = new Set(touchPurchaseOrders(org, Math.floor(changes / 2)));
	const busy = await measure(ctx.sandbox, poll);
	const emitted: INodeExecutionData[] = busy.value?.[0] ?? [];
	const ids = emitted.map((item) => String(item.json.InvoiceID ?? item.json.PurchaseOrderID));
	const expected = new Set([...bills, ...orders]);
	const busyOk = ids.length === expected.size && ids.every((id) => expected.has(id));
	const floor = 2; // one list call per endpoint: /Invoices (bills) and /PurchaseOrders
	const side = (m: typeof idle, ok: boolean, note: string) => ({
		calls: m.calls,
		ms: Math.round(m.ms),
		peakHeapMb: m.peakHeapMb,
		ok,
		note,
	});
	return [
		{
			id: 'pollIdle',
			scenario: `Poll with nothing new (bills + purchase orders, ${documents.toLocaleString('en')} documents)`,
			floor,
			ours: side(idle, idle.value === null, idle.value === null ? 'emits nothing' : 'emitted items'),
			builtin: { na: NO_TRIGGER },
			targets: [{ text: 'within 5% of the floor in calls', met: idle.calls <= floor, detail: `${idle.calls} calls, floor ${floor}` }],
		},
		{
			id: 'pollChanges',
			scenario: `Poll with ${expected.size} changes among ${documents.toLocaleString('en')} documents`,
			floor,
			ours: side(busy, busyOk, busyOk ? `emits exactly the ${expected.size} changed documents` : `emitted ${ids.length}, expected ${expected.size}`),
			builtin: { na: NO_TRIGGER },
			targets: [{ text: 'within 5% of the floor in calls', met: busy.calls <= floor, detail: `${busy.calls} calls, floor ${floor}` }],
		},
	];
}

const CATEGORIES: Array<{ category: WebhookEvent['eventCategory']; collection: string }> = [
	{ category: 'INVOICE', collection: 'Invoices' },
	{ category: 'CONTACT', collection: 'Contacts' },
	{ category: 'CREDITNOTE', collection: 'CreditNotes' },
];

/** A delivery as Xero sends it: 1 to 3 events, signed with the webhook key. */
function delivery(ctx: BenchContext, index: number): { body: Buffer; signature: string; events: number } {
	const count = 1 + (index % 3);
	const at = Date.now();
	const events: WebhookEvent[] = Array.from({ length: count }, (_, n) => {
		const { category, collection } = CATEGORIES[(index + n) % CATEGORIES.length];
		const resourceId = randomUUID();
		return {
			resourceUrl: `https://api.xero.com/api.xro/2.0/${collection}/${resourceId}`,
			resourceId,
			eventDateUtc: new Date(at + n).toISOString().slice(0, 23),
			eventType: (index + n) % 4 === 0 ? 'CREATE' : 'UPDATE',
			eventCategory: category,
			tenantId: ctx.tenantId,
			tenantType: 'ORGANISATION',
		};
	});
	const text = JSON.stringify(ctx.sandbox.webhooks.payload(events));
	return { body: Buffer.from(text), signature: ctx.sandbox.webhooks.sign(text), events: count };
}

/** `n` signed deliveries, one after another, through the webhook trigger's webhook(). */
export async function webhookScenario(ctx: BenchContext, n: number): Promise<Row> {
	const node: NodeSpec = {
		name: 'Webhook',
		type: 'xeroAccountingWebhookTrigger',
		credentials: ctx.credentials.ours.ref('webhook'),
		parameters: { tenantIds: ctx.tenantId },
	};
	// The active workflow's static data: Drop Replays remembers events in it.
	const staticData: IDataObject = {};
	const latencies: number[] = [];
	let failures = 0;
	let emitted = 0;
	let expectedEvents = 0;
	ctx.log(`webhook: ${n} signed deliveries`);
	const measured = await measure(ctx.sandbox, async () => {
		for (let i = 0; i < n; i++) {
			const { body, signature, events } = delivery(ctx, i);
			expectedEvents += events;
			const started = performance.now();
			const result = await runWebhook({
				root: ctx.roots.ours,
				node,
				credentials: ctx.credentials.ours,
				staticData,
				request: { headers: { 'content-type': 'application/json', 'x-xero-signature': signature }, rawBody: body },
			});
			latencies.push(performance.now() - started);
			if (result.status !== 200 || (result.body !== undefined && result.body !== '')) failures++;
			emitted += result.workflowData?.[0]?.length ?? 0;
		}
	});
	// Time inside webhook() only: building and signing the deliveries is the sender's work.
	const perSecond = Math.round(n / (latencies.reduce((sum, ms) => sum + ms, 0) / 1000));
	const ok = failures === 0 && emitted === expectedEvents;
	return {
		id: 'webhook',
		scenario: `Webhook: verify and accept signed deliveries (N=${n.toLocaleString('en')})`,
		ours: {
			calls: measured.calls,
			ms: Math.round(measured.ms),
			peakHeapMb: measured.peakHeapMb,
			ok,
			note: ok
				? `${perSecond.toLocaleString('en')} deliveries/s, p50 ${round1(percentile(latencies, 50))} ms, p99 ${round1(percentile(latencies, 99))} ms per webhook() call (it answers 200 first); ${emitted.toLocaleString('en')} events emitted`
				: `${failures} deliveries not answered 200 with an empty body; ${emitted} of ${expectedEvents} events emitted`,
			figures: {
				deliveriesPerSecond: perSecond,
				p50Ms: round1(percentile(latencies, 50)),
				p99Ms: round1(percentile(latencies, 99)),
				maxMs: round1(Math.max(...latencies)),
				events: emitted,
			},
		},
		builtin: { na: NO_TRIGGER },
		targets: [],
	};
}
