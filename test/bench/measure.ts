/**
 * Wall time, Xero calls and heap of one measured run. The sandbox runs in the same process, so
 * memory is the heap in use above what it was just before the run (after a full collection): the
 * sandbox's stored documents are part of the baseline, its per-request garbage is not excluded.
 */
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';

import type { RequestLogEntry, XeroSandbox } from '../sandbox';

const MB = 1024 * 1024;
const SAMPLE_EVERY_MS = 5;
const LIVE_SAMPLE_EVERY_MS = 25;

// `gc` without --expose-gc on the command line: flags set at run time reach new contexts.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

export function fullGc(): void {
	collect();
	collect();
}

export function heapUsedMb(): number {
	return process.memoryUsage().heapUsed / MB;
}

export interface Measured<T> {
	value: T;
	ms: number;
	/** Requests the sandbox received (API, connections and token calls). */
	calls: number;
	/** The sandbox's log of those requests. */
	log: RequestLogEntry[];
	/** Highest heap in use during the run, above the baseline, MB. */
	peakHeapMb: number;
	/** Heap still in use once the run returned, with its result held, above the baseline, MB. */
	retainedHeapMb: number;
}

export interface MeasureOptions {
	/**
	 * Collect garbage before each sample (every 25 ms), so the peak is the live heap: what the run
	 * holds at once rather than how much garbage V8 lets pile up, which grows with the heap's size.
	 * Much slower; for memory figures only.
	 */
	live?: boolean;
}

export async function measure<T>(sandbox: XeroSandbox, run: () => Promise<T>, { live = false }: MeasureOptions = {}): Promise<Measured<T>> {
	sandbox.clearLog();
	fullGc();
	const baseline = process.memoryUsage().heapUsed;
	let peak = baseline;
	const sample = () => {
		if (live) collect();
		const used = process.memoryUsage().heapUsed;
		if (used > peak) peak = used;
	};
	const timer = setInterval(sample, live ? LIVE_SAMPLE_EVERY_MS : SAMPLE_EVERY_MS);
	const started = performance.now();
	let value: T;
	try {
		value = await run();
	} finally {
		clearInterval(timer);
	}
	const ms = performance.now() - started;
	sample();
	const log = [...sandbox.log];
	fullGc();
	const retained = process.memoryUsage().heapUsed - baseline;
	return {
		value,
		ms,
		calls: log.length,
		log,
		peakHeapMb: round1((peak - baseline) / MB),
		retainedHeapMb: round1(retained / MB),
	};
}

export function round1(value: number): number {
	return Math.round(value * 10) / 10;
}

export function percentile(values: number[], p: number): number {
	if (!values.length) return 0;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
