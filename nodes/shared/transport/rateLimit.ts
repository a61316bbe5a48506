/**
 * Xero allows 5 calls in flight per organisation. This gate keeps one n8n process under that,
 * and narrows itself when Xero's X-MinLimit-Remaining says the minute's budget is nearly spent.
 * Other processes (queue-mode workers) cannot share it: for them Retry-After is the backstop.
 */
const XERO_CONCURRENCY = 5;

class TenantGate {
	private inFlight = 0;

	private limit = XERO_CONCURRENCY;

	private readonly waiting: Array<() => void> = [];

	async acquire(): Promise<void> {
		if (this.inFlight < this.limit) {
			this.inFlight++;
			return;
		}
		await new Promise<void>((resolve) => this.waiting.push(resolve));
	}

	release(): void {
		const next = this.inFlight <= this.limit ? this.waiting.shift() : undefined;
		if (next) next();
		else this.inFlight--;
	}

	observe(minuteRemaining: number | undefined): void {
		if (minuteRemaining === undefined || Number.isNaN(minuteRemaining)) return;
		this.limit = Math.max(1, Math.min(XERO_CONCURRENCY, minuteRemaining));
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
