/**
 * Xero allows 5 calls in flight per organisation. This gate keeps one n8n process under that,
 * and narrows itself when Xero's X-MinLimit-Remaining says the minute's budget is nearly spent.
 *
 * Processes cannot see each other's calls (queue-mode workers, main's pollers), so each starts at
 * 2 calls at once (two workers together stay under 5) and widens one step a minute, up to 5, while
 * nothing suggests another process calls the organisation. Two things do: Xero's counter going
 * down by more between two of our calls than we sent, which narrows the gate back to 2, and a 429
 * for concurrency, which halves it (down to 1).
 */
const XERO_CONCURRENCY = 5;
const SHARED_CONCURRENCY = 2;
/** How long the gate stays narrowed after the last sign of sharing, and between steps back up. */
const SHARED_HOLD_MS = 60_000;
/** How long one call serves as the reference for Xero's counter (well under its minute window). */
const REFERENCE_SPAN_MS = 1000;

/** One call through the gate. */
export interface GateTicket {
	/** Its place in this process's sending order (1, 2, ...). */
	sequence: number;
	/** Calls of this process answered before it was sent. */
	answeredBefore: number;
}

class TenantGate {
	private inFlight = 0;

	private sequence = 0;

	private answered = 0;

	/** A call Xero counted, to compare its counter against. */
	private reference?: { ticket: GateTicket; remaining: number; sequenceWhenAnswered: number; answeredAt: number };

	/** Narrow while other processes may use the organisation. */
	private shared = SHARED_CONCURRENCY;

	private sharedUntil = Date.now() + SHARED_HOLD_MS;

	/** Calls numbered below this were sent under a wider gate. */
	private narrowedAt = 0;

	/** Narrowed by X-MinLimit-Remaining. */
	private budget = XERO_CONCURRENCY;

	private readonly waiting: Array<() => void> = [];

	private get limit(): number {
		return Math.min(this.sharedLimit(), this.budget);
	}

	/** Widens one step per quiet minute. */
	private sharedLimit(): number {
		const now = Date.now();
		while (this.shared < XERO_CONCURRENCY && now >= this.sharedUntil) {
			this.shared++;
			this.sharedUntil += SHARED_HOLD_MS;
		}
		return this.shared;
	}

	async acquire(): Promise<GateTicket> {
		if (this.waiting.length > 0 || this.inFlight >= this.limit) {
			await new Promise<void>((resolve) => this.waiting.push(resolve));
		} else {
			this.inFlight++;
		}
		return { sequence: ++this.sequence, answeredBefore: this.answered };
	}

	release(): void {
		this.inFlight--;
		this.answered++;
		this.drain();
	}

	/** Xero's X-MinLimit-Remaining after a call; `counted`: Xero counted the call (it succeeded). */
	observe(ticket: GateTicket, minuteRemaining: number | undefined, counted: boolean): void {
		if (minuteRemaining === undefined || Number.isNaN(minuteRemaining)) return;
		this.budget = Math.max(1, Math.min(XERO_CONCURRENCY, minuteRemaining));
		if (counted) this.compareCounter(ticket, minuteRemaining);
		this.drain();
	}

	/** Xero refused a call because too many were in flight for the organisation. */
	refusedForConcurrency(ticket: GateTicket): void {
		// Calls sent before the last narrowing were sent under the wider gate: they say nothing new.
		const current = this.sharedLimit();
		this.narrow(ticket.sequence > this.narrowedAt ? Math.min(Math.floor(current / 2), SHARED_CONCURRENCY) : current);
	}

	/**
	 * Xero's counter went down by one for every call it counted (and up for calls that left the
	 * minute's window). Between our reference call and a call sent after its answer came back,
	 * only calls of ours sent before the latter and not answered before the former can have been
	 * counted; a larger drop is someone else's.
	 */
	private compareCounter(ticket: GateTicket, remaining: number): void {
		const reference = this.reference;
		if (reference && ticket.sequence > reference.sequenceWhenAnswered) {
			const oursBetween = ticket.sequence - 2 - reference.ticket.answeredBefore;
			if (reference.remaining - remaining - 1 > oursBetween) this.narrow(SHARED_CONCURRENCY);
		}
		// Kept for a while: the longer the span, the more of someone else's calls it holds.
		const now = Date.now();
		if (!reference || (ticket.sequence > reference.ticket.sequence && now - reference.answeredAt > REFERENCE_SPAN_MS)) {
			this.reference = { ticket, remaining, sequenceWhenAnswered: this.sequence, answeredAt: now };
		}
	}

	private narrow(limit: number): void {
		const target = Math.max(1, limit);
		if (target < this.sharedLimit()) {
			this.shared = target;
			this.narrowedAt = this.sequence;
		}
		this.sharedUntil = Date.now() + SHARED_HOLD_MS;
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
