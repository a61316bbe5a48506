/** What each scenario reports, and the floor it is held against. */

/** Xero's largest page and its recommended batch: the floor of a bulk read or write. */
export const PAGE_SIZE = 1000;
export const BATCH_SIZE = 50;

export const readFloor = (documents: number): number => Math.max(1, Math.ceil(documents / PAGE_SIZE));
export const writeFloor = (documents: number): number => Math.ceil(documents / BATCH_SIZE);
/**
 * Documents asked for by ID go in the URL (`IDs=…`), and Xero refuses a query value much over
 * 2,000 characters: about 52 IDs. Reading given documents takes one call per 50, whatever the page.
 */
export const IDS_PER_CALL = 50;
export const idsReadFloor = (documents: number): number => Math.ceil(documents / IDS_PER_CALL);

export interface SideResult {
	/** Why the side cannot run this scenario at all. */
	na?: string;
	calls?: number;
	ms?: number;
	peakHeapMb?: number;
	/** Whether the side did the job (output and sandbox state checked). */
	ok?: boolean;
	/** What happened, in a few words, when worth saying. */
	note?: string;
	/** Scenario-specific figures (429s, items per second, ...). */
	figures?: Record<string, number | string>;
}

export interface Target {
	text: string;
	/** Undefined when the target does not apply to what was measured. */
	met?: boolean;
	detail?: string;
}

export interface Row {
	id: string;
	scenario: string;
	/** The fewest calls Xero's page size and batch size allow (this package's job). */
	floor?: number;
	ours: SideResult;
	builtin: SideResult;
	targets: Target[];
}

export function withinFloor(calls: number | undefined, floor: number, tolerance = 0.05): boolean {
	return calls !== undefined && calls <= Math.floor(floor * (1 + tolerance) + 1e-9);
}

export function floorTarget(calls: number | undefined, floor: number): Target {
	return {
		text: 'within 5% of the floor in calls',
		met: withinFloor(calls, floor),
		detail: `${calls ?? '?'} calls, floor ${floor}`,
	};
}

export function fewerCallsTarget(ours: number | undefined, builtin: number | undefined, factor: number): Target {
	const ratio = ours && builtin !== undefined ? builtin / ours : undefined;
	return {
		text: `≥ ${factor}× fewer calls than the built-in node`,
		met: ratio === undefined ? undefined : ratio >= factor,
		detail: ratio === undefined ? 'no comparable built-in figure' : `${ratio.toFixed(1)}×`,
	};
}
