/**
 * Xero allows 5 calls in flight per organisation. This gate keeps one n8n process under that,
 * and narrows itself when Xero's X-MinLimit-Remaining says the minute's budget is nearly spent.
 * Processes cannot see each other's calls (queue-mode workers), but Xero tells them when
 * together they went over: a 429 for concurrency halves the gate, which stays narrow until a
 * minute passes without another such refusal and then widens one step a minute. Two workers
 * then settle at 2 calls each, under Xero's 5.
 */
const XERO_CONCURRENCY = 5;
/** How long the gate stays narrowed after a refusal for concurrency, and between steps back up. */
const SHARED_HOLD_MS = 60_000;

class TenantGate {
	private inFlight = 0;

	/** Narrowed by refusals for concurrency: other processes use the same organisation. */
	private shared = XERO_CONCURRENCY;

	private sharedUntil = 0;

	private narrowedAt = 0;

	/** Narrowed by X-MinLimit-Remaining. */
	private budget = XERO_CONCURRENCY;

	private readonly waiting: Array<() => void> = [];

	private get limit(): number {
		const now = Date.now();
		while (this.shared < XERO_CONCURRENCY && now >= this.sharedUntil) {
			this.shared++;
			this.sharedUntil += SHARED_HOLD_MS;
		}
		return Math.min(this.shared, this.budget);
	}

	async acquire(): Promise<void> {
		if (this.waiting.length === 0 && this.inFlight < this.limit) {
			this.inFlight++;
			return;
		}
		await new Promise<void>((resolve) => this.waiting.push(resolve));
	}

	release(): void {
		this.inFlight--;
		this.drain();
	}

	observe(minuteRemaining: number | undefined): void {
		if (minuteRemaining === undefined || Number.isNaN(minuteRemaining)) return;
		this.budget = Math.max(1, Math.min(XERO_CONCURRENCY, minuteRemaining));
		this.drain();
	}

	/**
	 * Xero refused a call sent at `sentAt` because too many were in flight for the organisation.
	 * Calls sent before the last narrowing were sent under the old limit: they narrow it no further.
	 */
	refusedForConcurrency(sentAt: number): void {
		const now = Date.now();
		this.sharedUntil = now + SHARED_HOLD_MS;
		if (sentAt < this.narrowedAt) return;
		this.shared = Math.max(1, Math.floor(this.limit / 2));
		this.narrowedAt = now;
	}

	private drain(): void {
		while (this.waiting.length > 0 && this.inFlight < this.limit) {
			this.inFlight++;
			this.waiting.shift()!();
		}
	}
}

const gates = new Map<string, TenantGate>();

export function gateFor(tenantId: string | undefined): TenantGate {
	const key = tenantId ?? '';
	let gate = gates.get(key);
	if (!gate) {
		gate = new TenantGate();
		gates.set(key, gate);
	}
	return gate;
}
