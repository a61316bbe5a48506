import { createHash } from 'crypto';

// Xero keeps the first answer to an Idempotency-Key for 6 minutes: a retry with the same
// key and the same request gets that answer without acting again; the same key with a
// different request is refused.

export const RETENTION_MS = 6 * 60_000;
export const MAX_KEY_LENGTH = 128;

export interface StoredResponse {
	status: number;
	headers: Record<string, string>;
	body: Buffer;
}

interface Entry {
	fingerprint: string;
	at: number;
	response?: StoredResponse;
}

export type IdempotencyLookup =
	| { kind: 'new'; store: (response: StoredResponse) => void; abandon: () => void }
	| { kind: 'replay'; response: StoredResponse }
	| { kind: 'conflict' }
	| { kind: 'in-progress' };

export class IdempotencyCache {
	private readonly entries = new Map<string, Entry>();

	clear(): void {
		this.entries.clear();
	}

	lookup(tenantId: string, key: string, method: string, path: string, body: Buffer, now: number): IdempotencyLookup {
		// Entries are in arrival order, so expired ones are all at the front.
		for (const [k, e] of this.entries) {
			if (now - e.at <= RETENTION_MS) break;
			this.entries.delete(k);
		}
		const id = `${tenantId}|${key}`;
		const fingerprint = createHash('sha256').update(method).update('\n').update(path).update('\n').update(body).digest('hex');
		const existing = this.entries.get(id);
		if (existing) {
			if (existing.fingerprint !== fingerprint) return { kind: 'conflict' };
			return existing.response ? { kind: 'replay', response: existing.response } : { kind: 'in-progress' };
		}
		const entry: Entry = { fingerprint, at: now };
		this.entries.set(id, entry);
		return {
			kind: 'new',
			store: (response) => {
				entry.response = response;
			},
			abandon: () => {
				this.entries.delete(id);
			},
		};
	}
}
