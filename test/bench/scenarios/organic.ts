import type { BenchContext } from '../context';
import { fullGc, heapUsedMb, round1 } from '../measure';
import { runOrganicBench, type OrganicBenchResult } from '../organic.bench';
import type { Row } from '../results';

/** The Organic Filter's matcher over generated documents (its own benchmark, reported here). */
export function organicScenario(ctx: BenchContext, lines: number): { row: Row; result: OrganicBenchResult } {
	ctx.log(`organic filter: ${lines.toLocaleString('en')} lines`);
	fullGc();
	const baseline = heapUsedMb();
	const result = runOrganicBench({ lines, rounds: 3 });
	const target = 1_000_000;
	return {
		result,
		row: {
			id: 'organic',
			scenario: `Organic filter (${result.lines.toLocaleString('en')} lines, ${result.documents.toLocaleString('en')} documents)`,
			ours: {
				calls: 0,
				ms: Math.round(result.seconds * 1000),
				peakHeapMb: round1(result.peakHeapUsedMb - baseline),
				ok: true,
				note:
					`${result.linesPerSecond.toLocaleString('en')} lines/s (median of ${result.rounds}), ` +
					`${result.linesPerCpuSecond.toLocaleString('en')} per CPU second, ` +
					`${result.pipelineLinesPerSecond.toLocaleString('en')} with output shaping; load average ${result.loadAverage}; ` +
					`the heap figure includes the generated documents`,
				figures: {
					linesPerSecond: result.linesPerSecond,
					linesPerCpuSecond: result.linesPerCpuSecond,
					pipelineLinesPerSecond: result.pipelineLinesPerSecond,
				},
			},
			builtin: { na: 'n/a: n8n has no organic filter' },
			targets: [
				{
					text: '≥ 1,000,000 lines per second (the organic bench\'s own target)',
					met: result.linesPerSecond >= target,
					detail: `${result.linesPerSecond.toLocaleString('en')} lines/s`,
				},
			],
		},
	};
}
