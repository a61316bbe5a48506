import { setTimeout as sleep } from 'timers/promises';

import { builtinNode, ourNode, runFlow, type BenchContext, type FlowResult } from '../context';
import { countInvoices, growInvoices, growPurchaseOrders, organisation, touchBills, touchPurchaseOrders } from '../fixtures';
import { measure, type Measured } from '../measure';
import { fewerCallsTarget, floorTarget, readFloor, type Row, type SideResult } from '../results';

function sideOf(measured: Measured<FlowResult>, ok: boolean, note?: string): SideResult {
	return {
		calls: measured.calls,
		ms: Math.round(measured.ms),
		peakHeapMb: measured.peakHeapMb,
		ok,
		note: note ?? measured.value.error,
	};
}

/** Runs the built-in node as shipped, then with the tenant-header fix; reports the fixed run. */
async function builtinBothWays(
	ctx: BenchContext,
	run: () => Promise<FlowResult>,
	check: (result: FlowResult) => boolean,
): Promise<SideResult> {
	ctx.wire.tenantFix = undefined;
	const shipped = await measure(ctx.sandbox, run);
	const failedAt = shipped.log.find((entry) => entry.status >= 400);
	ctx.wire.tenantFix = ctx.tenantId;
	let fixed: Measured<FlowResult>;
	try {
		fixed = await measure(ctx.sandbox, run);
	} finally {
		ctx.wire.tenantFix = undefined;
	}
	const asShipped = failedAt
		? `as shipped it fails after ${shipped.calls} calls (${failedAt.status} on ${failedAt.path}?page=${String(failedAt.query.page)}: no Xero-tenant-id)`
		: `as shipped: ${shipped.calls} calls, ${shipped.value.error ?? 'no error'}`;
	return { ...sideOf(fixed, check(fixed.value), `${asShipped}; figures with the header re-added (n8n's later fix)`) };
}

/** Heap while reading every sales invoice, for the memory scenario. */
export interface PagingMemory {
	documents: number;
	ours: HeapFigures;
	/** This package with Simplify off: the documents as Xero sent them, no second copy. */
	oursRaw: HeapFigures;
	/** This package, Simplify on, with garbage collected before each sample: the live heap. */
	oursLive: HeapFigures;
	builtin: { peakHeapMb?: number };
}

export interface HeapFigures {
	peakHeapMb: number;
	retainedHeapMb: number;
}

/** This package's Get Many of every sales invoice, Return All, with Simplify on (default) or off. */
export function readAllNode(ctx: BenchContext, simplify = true) {
	return ourNode(ctx, 'Read', { resource: 'salesInvoice', operation: 'getAll', returnAll: true, simplify });
}

/** Read every sales invoice: one `Get Many` with Return All. */
export async function readAll(ctx: BenchContext, n: number): Promise<{ row: Row; memory: PagingMemory }> {
	const org = organisation(ctx.sandbox);
	growInvoices(org, 'ACCREC', n);
	const expected = countInvoices(org, 'ACCREC');
	ctx.log(`read all: ${expected} sales invoices`);

	const ours = await measure(ctx.sandbox, () => runFlow(ctx, 'ours', [readAllNode(ctx)]));
	const oursCount = ours.value.outputs.Read.length;
	const oursOk = !ours.value.error && oursCount === expected;
	const heap = { peakHeapMb: ours.peakHeapMb, retainedHeapMb: ours.retainedHeapMb };
	ours.value.outputs.Read = [];
	// For the memory scenario: the same read with Simplify off (not in the table).
	const raw = await measure(ctx.sandbox, () => runFlow(ctx, 'ours', [readAllNode(ctx, false)]));
	raw.value.outputs.Read = [];
	const live = await measure(ctx.sandbox, () => runFlow(ctx, 'ours', [readAllNode(ctx)]), { live: true });
	live.value.outputs.Read = [];

	const builtin = await builtinBothWays(
		ctx,
		() =>
			runFlow(ctx, 'builtin', [
				builtinNode(ctx, 'Read', { resource: 'invoice', operation: 'getAll', returnAll: true, options: { where: 'Type=="ACCREC"' } }),
			]),
		(result) => !result.error && result.outputs.Read.length === expected,
	);
	const floor = readFloor(expected);
	return {
		memory: {
			documents: expected,
			ours: heap,
			oursRaw: { peakHeapMb: raw.peakHeapMb, retainedHeapMb: raw.retainedHeapMb },
			oursLive: { peakHeapMb: live.peakHeapMb, retainedHeapMb: live.retainedHeapMb },
			builtin: { peakHeapMb: builtin.peakHeapMb },
		},
		row: {
			id: 'readAll',
			scenario: `Read all sales invoices (N=${expected.toLocaleString('en')})`,
			floor,
			ours: sideOf(ours, oursOk, oursOk ? undefined : `returned ${oursCount} of ${expected}`),
			builtin: { ...builtin, note: `${builtin.note}; Xero's default page of 100 plus a final empty page` },
			targets: [floorTarget(ours.calls, floor), fewerCallsTarget(ours.calls, builtin.calls, 10)],
		},
	};
}

/** Where both nodes need one call: the first 100 sales invoices, Return All off. */
export async function readFirstPage(ctx: BenchContext, limit = 100): Promise<Row> {
	const ours = await measure(ctx.sandbox, () =>
		runFlow(ctx, 'ours', [ourNode(ctx, 'Read', { resource: 'salesInvoice', operation: 'getAll', returnAll: false, limit })]),
	);
	const theirs = await measure(ctx.sandbox, () =>
		runFlow(ctx, 'builtin', [
			builtinNode(ctx, 'Read', { resource: 'invoice', operation: 'getAll', returnAll: false, limit, options: { where: 'Type=="ACCREC"' } }),
		]),
	);
	const okOf = (m: Measured<FlowResult>) => !m.value.error && m.value.outputs.Read.length === limit;
	return {
		id: 'readFirstPage',
		scenario: `Read the first ${limit} sales invoices (Return All off)`,
		floor: 1,
		ours: sideOf(ours, okOf(ours), `one page of ${limit}`),
		builtin: sideOf(
			theirs,
			okOf(theirs),
			'works as shipped; it asks without `page`, so Xero answers with every sales invoice (without line items) and the node keeps the first 100',
		),
		targets: [floorTarget(ours.calls, 1)],
	};
}

function xeroDateTime(ms: number): string {
	const d = new Date(ms);
	return `DateTime(${d.getUTCFullYear()}, ${d.getUTCMonth() + 1}, ${d.getUTCDate()}, ${d.getUTCHours()}, ${d.getUTCMinutes()}, ${d.getUTCSeconds()})`;
}

/** Bills and purchase orders changed since a moment, among `total` documents of which `changed` changed. */
export async function changedSince(ctx: BenchContext, total: number, changed: number): Promise<Row> {
	const org = organisation(ctx.sandbox);
	growInvoices(org, 'ACCPAY', Math.ceil(total / 2));
	growPurchaseOrders(org, Math.floor(total / 2));
	const documents = countInvoices(org, 'ACCPAY') + org.PurchaseOrders.size;
	// Whole seconds: the built-in node can only say `UpdatedDateUTC >= DateTime(…)`, to the second.
	const since = Math.floor(Date.now() / 1000) * 1000 + 1000;
	await sleep(since - Date.now() + 1100);
	const bills = new Set(touchBills(org, Math.ceil(changed / 2)));
	const orders = new Set(touchPurchaseOrders(org, Math.floor(changed / 2)));
	const sinceIso = new Date(since).toISOString();
	ctx.log(`changed since: ${bills.size} bills and ${orders.size} purchase orders changed among ${documents} documents`);

	const ours = await measure(ctx.sandbox, () =>
		runFlow(ctx, 'ours', [
			ourNode(ctx, 'Bills', { resource: 'bill', operation: 'getAll', returnAll: true, filters: { modifiedSince: sinceIso } }),
			ourNode(ctx, 'Orders', {
				resource: 'purchaseOrder',
				operation: 'getAll',
				returnAll: true,
				filters: { modifiedSince: sinceIso },
			}),
		]),
	);
	const gotBills = ours.value.outputs.Bills.map((item) => String(item.json.InvoiceID));
	const gotOrders = ours.value.outputs.Orders.map((item) => String(item.json.PurchaseOrderID));
	const oursOk =
		!ours.value.error &&
		gotBills.length === bills.size &&
		gotBills.every((id) => bills.has(id)) &&
		gotOrders.length === orders.size &&
		gotOrders.every((id) => orders.has(id));

	const builtin = await builtinBothWays(
		ctx,
		() =>
			runFlow(ctx, 'builtin', [
				builtinNode(ctx, 'Bills', {
					resource: 'invoice',
					operation: 'getAll',
					returnAll: true,
					options: { where: `Type=="ACCPAY" AND UpdatedDateUTC>=${xeroDateTime(since)}` },
				}),
			]),
		(result) => !result.error && result.outputs.Bills.length === bills.size,
	);
	const floor = readFloor(bills.size) + readFloor(orders.size);
	const oursBillCalls = ours.log.filter((entry) => entry.path.endsWith('/Invoices')).length;
	return {
		id: 'changedSince',
		scenario: `Bills + purchase orders changed since a date (${changed} of ${documents.toLocaleString('en')})`,
		floor,
		ours: sideOf(ours, oursOk, oursOk ? 'If-Modified-Since, one call per document type' : `got ${gotBills.length} bills, ${gotOrders.length} orders`),
		builtin: {
			...builtin,
			note: `bills only (no purchase orders in the built-in node; floor for bills alone: ${readFloor(bills.size)}), a \`where\` on UpdatedDateUTC; ${builtin.note}`,
		},
		targets: [
			floorTarget(ours.calls, floor),
			// The comparable part: bills (the built-in node cannot read purchase orders).
			{ ...fewerCallsTarget(oursBillCalls, builtin.calls, 10), text: '≥ 10× fewer calls than the built-in node (bills)' },
		],
	};
}
