// Failures on demand, for retry and recovery tests.

export type FaultAction =
	/** Answer with this status instead of acting (429 gets Retry-After and X-Rate-Limit-Problem). */
	| { kind: 'status'; status: number; retryAfter?: number; body?: unknown; headers?: Record<string, string> }
	/** Destroy the connection before acting. */
	| { kind: 'reset' }
	/** Act (the write happens), then destroy the connection instead of answering. */
	| { kind: 'lose-response' }
	/** Act, then hold the answer back for `ms` milliseconds. */
	| { kind: 'delay'; ms: number };

export interface FaultRule {
	/** HTTP method to match (any when absent). */
	method?: string;
	/**
	 * Request path without the query. A string matches the path exactly (case-insensitive),
	 * also when given without the `/api.xro/2.0` prefix; a RegExp is tested against the path.
	 */
	path: string | RegExp;
	tenantId?: string;
	/** How many matching requests it affects (default 1; Infinity for all). */
	times?: number;
	action: FaultAction;
}

interface ActiveRule extends FaultRule {
	remaining: number;
	hits: number;
}

export class Faults {
	private rules: ActiveRule[] = [];

	add(rule: FaultRule): void {
		this.rules.push({ ...rule, remaining: rule.times ?? 1, hits: 0 });
	}

	clear(): void {
		this.rules = [];
	}

	/** Rules still waiting to fire. */
	pending(): FaultRule[] {
		return this.rules.filter((r) => r.remaining > 0);
	}

	/** The first armed rule for this request, consuming one of its occurrences. */
	take(method: string, path: string, tenantId: string | undefined): FaultAction | undefined {
		for (const rule of this.rules) {
			if (rule.remaining <= 0) continue;
			if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
			if (rule.tenantId && rule.tenantId !== tenantId) continue;
			if (!matches(rule.path, path)) continue;
			rule.remaining--;
			rule.hits++;
			return rule.action;
		}
		return undefined;
	}
}

function matches(pattern: string | RegExp, path: string): boolean {
	if (pattern instanceof RegExp) return pattern.test(path);
	const p = pattern.toLowerCase();
	const actual = path.toLowerCase();
	return actual === p || actual === `/api.xro/2.0${p.startsWith('/') ? p : `/${p}`}`;
}
