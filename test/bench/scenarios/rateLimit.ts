import type { BenchContext, Side } from '../context';
import { rateLimitAnswers } from '../intercept';
import type { Row, SideResult } from '../results';
import { writeFloor } from '../results';
import { createInvoices, invoiceInput } from './writes';

export interface RateLimitOptions {
	/** Invoices to create on each side. */
	n: number;
	/**
	 * How much faster the sandbox's clock for limits runs: Xero's "60 a minute" becomes 60 per
	 * 60/timeScale seconds (and Retry-After shrinks likewise, never below one second).
	 */
	timeScale: number;
}

async function underLimit(ctx: BenchContext, side: Side, options: RateLimitOptions): Promise<SideResult> {
	const tag = `BENCH-${side}-ratelimit`;
	// Fresh windows for each side: Xero's limits, per organisation, scaled in time.
	ctx.sandbox.rateLimit.configure({ enabled: true, perMinute: 60, perDay: 5000, concurrent: 5, timeScale: options.timeScale });
	ctx.wire.clear();
	try {
		const outcome = await createInvoices(ctx, side, tag, invoiceInput(ctx, tag, options.n));
		const { seen, retried } = rateLimitAnswers(ctx.wire.exchanges);
		const failed = outcome.failedItems.length;
		const counters = ctx.sandbox.rateLimit.counters(ctx.tenantId).rejected;
		return {
			...outcome.side,
			// Here "ok" is the target: every item done, none failed.
			ok: failed === 0 && outcome.side.ok === true,
			note: `429s: ${seen} seen, ${retried} retried, ${failed} items failed${outcome.side.note ? `; ${outcome.side.note}` : ''}`,
			figures: {
				...outcome.side.figures,
				seen429: seen,
				retried429: retried,
				failedItems: failed,
				rejectedMinute: counters.minute,
				rejectedConcurrent: counters.concurrent,
				rejectedDay: counters.day,
			},
		};
	} finally {
		ctx.sandbox.rateLimit.configure({ enabled: false });
	}
}

/** Bulk create with Xero's per-organisation limits switched on (60 a minute, 5 at once). */
export async function rateLimitScenario(ctx: BenchContext, options: RateLimitOptions): Promise<Row> {
	const minuteSeconds = Math.round((60 / options.timeScale) * 10) / 10;
	ctx.log(`rate limit: create ${options.n} invoices per side, 60 calls per ${minuteSeconds} s, 5 at once`);
	const ours = await underLimit(ctx, 'ours', options);
	const builtin = await underLimit(ctx, 'builtin', options);
	return {
		id: 'rateLimit',
		scenario: `Rate limit on (60/"minute" = ${minuteSeconds} s, 5 concurrent): create N=${options.n.toLocaleString('en')}`,
		floor: writeFloor(options.n),
		ours,
		builtin: { ...builtin, note: `${builtin.note}; no retry on 429 (n8n's Retry On Fail, off by default, re-runs a failed node from its first item)` },
		targets: [
			{
				text: 'zero failed items under the rate limit',
				met: ours.figures?.failedItems === 0 && ours.ok === true,
				detail: `ours ${String(ours.figures?.failedItems)} failed, built-in ${String(builtin.figures?.failedItems)} failed`,
			},
		],
	};
}
