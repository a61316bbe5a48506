import { builtinNode, runFlow, type BenchContext } from '../context';
import { countInvoices, growInvoices, organisation } from '../fixtures';
import { measure, round1 } from '../measure';
import { readFloor, type Row, type SideResult } from '../results';
import { readAllNode, type HeapFigures, type PagingMemory } from './reads';

function ratio(large: number | undefined, small: number | undefined): string {
	return large !== undefined && small ? `${(large / small).toFixed(1)}×` : '?';
}

/**
 * Heap while reading every sales invoice at `n` (100,000) against the read-all scenario's figures
 * at its smaller N. n8n keeps a node's whole output in memory, so the output itself grows with N;
 * the paging overhead (peak minus what the output still holds) is reported beside it, from the
 * ordinary peak and from the live heap (garbage collected before each sample, so V8's headroom,
 * which grows with the heap, is not counted as the node's).
 */
export async function memoryScenario(ctx: BenchContext, n: number, small: PagingMemory, withBuiltin: boolean): Promise<Row> {
	const org = organisation(ctx.sandbox);
	growInvoices(org, 'ACCREC', n);
	const expected = countInvoices(org, 'ACCREC');
	ctx.log(`memory: read all ${expected} sales invoices`);

	const ours = await measure(ctx.sandbox, () => runFlow(ctx, 'ours', [readAllNode(ctx)]));
	const oursCount = ours.value.outputs.Read.length;
	ours.value.outputs.Read = [];
	const raw = await measure(ctx.sandbox, () => runFlow(ctx, 'ours', [readAllNode(ctx, false)]));
	const rawOk = raw.value.outputs.Read.length === expected;
	raw.value.outputs.Read = [];
	const live = await measure(ctx.sandbox, () => runFlow(ctx, 'ours', [readAllNode(ctx)]), { live: true });
	live.value.outputs.Read = [];
	const overhead = (figures: HeapFigures) => round1(figures.peakHeapMb - figures.retainedHeapMb);
	const oursOverhead = overhead(ours);
	const smallOverhead = overhead(small.ours);
	const liveOverhead = overhead(live);
	const smallLiveOverhead = overhead(small.oursLive);
	const rawText =
		`with Simplify off: peak ${raw.peakHeapMb} MB (${ratio(raw.peakHeapMb, small.oursRaw.peakHeapMb)} its ${small.oursRaw.peakHeapMb} MB), ` +
		`output ${raw.retainedHeapMb} MB, overhead ${overhead(raw)} MB (${overhead(small.oursRaw)} MB)${rawOk ? '' : ', incomplete output'}`;
	const oursSide: SideResult = {
		calls: ours.calls,
		ms: Math.round(ours.ms),
		peakHeapMb: ours.peakHeapMb,
		ok: !ours.value.error && oursCount === expected,
		note:
			`peak ${ratio(ours.peakHeapMb, small.ours.peakHeapMb)} the N=${small.documents.toLocaleString('en')} peak (${small.ours.peakHeapMb} MB); ` +
			`the output alone holds ${ours.retainedHeapMb} MB (${small.ours.retainedHeapMb} MB at N=${small.documents.toLocaleString('en')}); ` +
			`peak minus output ${oursOverhead} MB (${smallOverhead} MB); live heap (collected before each sample): peak ${live.peakHeapMb} MB ` +
			`(${small.oursLive.peakHeapMb} MB), above the output ${liveOverhead} MB (${smallLiveOverhead} MB); ${rawText}`,
		figures: {
			peakRatio: Number((ours.peakHeapMb / small.ours.peakHeapMb).toFixed(2)),
			retainedHeapMb: ours.retainedHeapMb,
			overheadMb: oursOverhead,
			smallOverheadMb: smallOverhead,
			livePeakHeapMb: live.peakHeapMb,
			liveOverheadMb: liveOverhead,
			smallLivePeakHeapMb: small.oursLive.peakHeapMb,
			smallLiveOverheadMb: smallLiveOverhead,
			smallPeakHeapMb: small.ours.peakHeapMb,
			smallRetainedHeapMb: small.ours.retainedHeapMb,
			rawPeakHeapMb: raw.peakHeapMb,
			rawRetainedHeapMb: raw.retainedHeapMb,
			rawSmallPeakHeapMb: small.oursRaw.peakHeapMb,
			rawSmallRetainedHeapMb: small.oursRaw.retainedHeapMb,
		},
	};

	let builtinSide: SideResult = { na: 'skipped (--no-builtin-memory)' };
	if (withBuiltin) {
		ctx.wire.tenantFix = ctx.tenantId;
		try {
			const theirs = await measure(ctx.sandbox, () =>
				runFlow(ctx, 'builtin', [
					builtinNode(ctx, 'Read', { resource: 'invoice', operation: 'getAll', returnAll: true, options: { where: 'Type=="ACCREC"' } }),
				]),
			);
			builtinSide = {
				calls: theirs.calls,
				ms: Math.round(theirs.ms),
				peakHeapMb: theirs.peakHeapMb,
				ok: !theirs.value.error && theirs.value.outputs.Read.length === expected,
				note: `peak ${ratio(theirs.peakHeapMb, small.builtin.peakHeapMb)} its N=${small.documents.toLocaleString('en')} peak (${String(small.builtin.peakHeapMb)} MB); output ${theirs.retainedHeapMb} MB; with the tenant-header fix`,
				figures: { retainedHeapMb: theirs.retainedHeapMb },
			};
		} finally {
			ctx.wire.tenantFix = undefined;
		}
	}
	const peakRatio = ours.peakHeapMb / small.ours.peakHeapMb;
	// Flat: no more than twice the small run's, or under a megabyte (what sampling can resolve).
	const flat = liveOverhead <= Math.max(2 * smallLiveOverhead, 1);
	return {
		id: 'memory',
		scenario: `Memory while paging: N=${expected.toLocaleString('en')} vs N=${small.documents.toLocaleString('en')}`,
		floor: readFloor(expected),
		ours: oursSide,
		builtin: builtinSide,
		targets: [
			{
				text: 'peak memory at 100,000 no more than twice that at 10,000',
				met: peakRatio <= 2,
				detail: `${peakRatio.toFixed(1)}× (whole output kept by n8n)`,
			},
			{
				text: 'flat memory while paging (live heap above the output)',
				met: flat,
				detail: `${liveOverhead} MB vs ${smallLiveOverhead} MB`,
			},
		],
	};
}
