import { createHmac, randomBytes } from 'crypto';
import type { ChangeEvent } from './engine';
import { Random } from './random';

// Xero's webhook deliveries: events for contacts, invoices (and bills) and credit notes,
// signed with HMAC-SHA256 of the raw body in `x-xero-signature`, and the
// "Intent to Receive" handshake a receiver must pass before Xero sends anything.

const DELIVERY_TIMEOUT_MS = 5_000;
const BATCH_DELAY_MS = 25;

export interface WebhookEvent {
	resourceUrl: string;
	resourceId: string;
	eventDateUtc: string;
	eventType: 'CREATE' | 'UPDATE';
	eventCategory: 'INVOICE' | 'CONTACT' | 'CREDITNOTE';
	tenantId: string;
	tenantType: 'ORGANISATION';
	data?: Record<string, unknown>;
}

export interface WebhookPayload {
	events: WebhookEvent[];
	firstEventSequence: number;
	lastEventSequence: number;
	entropy: string;
}

export interface Delivery {
	url: string;
	body: string;
	signature: string;
	forged: boolean;
	status: number;
	responseBody: string;
	error?: string;
	at: number;
}

export interface DeliverOptions {
	/** Sign with the wrong key, as an attacker would. */
	forge?: boolean;
}

/** "2024-06-21T01:15:39.902": Xero's eventDateUtc (UTC, no zone). */
function eventDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 23);
}

export class Webhooks {
	readonly signingKey: string;
	readonly deliveries: Delivery[] = [];
	private url: string | undefined;
	private sequence = 0;
	private queue: WebhookEvent[] = [];
	private timer: NodeJS.Timeout | undefined;
	private inFlight = new Set<Promise<unknown>>();
	private readonly rng: Random;

	constructor(
		private readonly baseUrl: () => string,
		seed: number,
	) {
		this.rng = new Random(seed + 7);
		this.signingKey = randomBytes(48).toString('base64');
	}

	get subscribedUrl(): string | undefined {
		return this.url;
	}

	subscribe(url: string): void {
		this.url = url;
	}

	unsubscribe(): void {
		this.url = undefined;
		this.queue = [];
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
	}

	sign(body: string, key = this.signingKey): string {
		return createHmac('sha256', key).update(body, 'utf8').digest('base64');
	}

	/** Queues a change; events close together go out in one delivery, as Xero batches them. */
	onChange(change: ChangeEvent): void {
		if (!this.url) return;
		const collection = change.category === 'CONTACT' ? 'Contacts' : change.category === 'INVOICE' ? 'Invoices' : 'CreditNotes';
		const event: WebhookEvent = {
			resourceUrl: `${this.baseUrl()}/api.xro/2.0/${collection}/${change.resourceId}`,
			resourceId: change.resourceId,
			eventDateUtc: eventDate(change.at),
			eventType: change.eventType,
			eventCategory: change.category,
			tenantId: change.org.tenantId,
			tenantType: 'ORGANISATION',
		};
		if (change.data) event.data = change.data;
		this.queue.push(event);
		this.timer ??= setTimeout(() => this.flushQueue(), BATCH_DELAY_MS);
	}

	private flushQueue(): void {
		this.timer = undefined;
		const url = this.url;
		const events = this.queue;
		this.queue = [];
		if (!url || events.length === 0) return;
		void this.deliver(url, events);
	}

	/** Sends queued events now and waits for every delivery under way. */
	async settle(): Promise<void> {
		if (this.timer) {
			clearTimeout(this.timer);
			this.flushQueue();
		}
		while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
	}

	payload(events: WebhookEvent[]): WebhookPayload {
		const first = this.sequence + 1;
		this.sequence += Math.max(1, events.length);
		return { events, firstEventSequence: first, lastEventSequence: this.sequence, entropy: this.rng.token(20) };
	}

	/** POSTs a signed (or, with forge, wrongly signed) delivery and records the answer. */
	async deliver(url: string, events: WebhookEvent[], options: DeliverOptions = {}): Promise<{ status: number; body: string }> {
		const body = JSON.stringify(this.payload(events));
		return this.send(url, body, !!options.forge);
	}

	private async send(url: string, body: string, forge: boolean): Promise<{ status: number; body: string }> {
		const signature = forge ? this.sign(body, randomBytes(48).toString('base64')) : this.sign(body);
		const delivery: Delivery = { url, body, signature, forged: forge, status: 0, responseBody: '', at: Date.now() };
		this.deliveries.push(delivery);
		const attempt = (async () => {
			try {
				const response = await fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json', 'x-xero-signature': signature, 'user-agent': 'Xero-Webhooks' },
					body,
					signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
				});
				delivery.status = response.status;
				delivery.responseBody = await response.text();
			} catch (error) {
				delivery.error = (error as Error).message;
			}
		})();
		this.inFlight.add(attempt);
		try {
			await attempt;
		} finally {
			this.inFlight.delete(attempt);
		}
		return { status: delivery.status, body: delivery.responseBody };
	}

	/**
	 * Xero's Intent to Receive: empty-event deliveries, some correctly signed (the receiver
	 * must answer 200 with an empty body) and some wrongly signed (it must answer 401).
	 */
	async intentToReceive(url: string): Promise<{ passed: boolean; detail: string }> {
		const plan = [false, true, false, true, true];
		const notes: string[] = [];
		let passed = true;
		for (const [i, forge] of plan.entries()) {
			const body = JSON.stringify({ events: [], firstEventSequence: 0, lastEventSequence: 0, entropy: this.rng.token(20) });
			const result = await this.send(url, body, forge);
			const delivery = this.deliveries[this.deliveries.length - 1];
			const ok = forge ? result.status === 401 : result.status === 200 && result.body.length === 0;
			if (!ok) passed = false;
			const got = delivery.error ? `error ${delivery.error}` : `${result.status}${result.body ? ` with body ${JSON.stringify(result.body.slice(0, 80))}` : ''}`;
			notes.push(`#${i + 1} ${forge ? 'bad' : 'valid'} signature: expected ${forge ? '401' : '200 with empty body'}, got ${got}${ok ? '' : ' ✗'}`);
		}
		return { passed, detail: notes.join('; ') };
	}
}
