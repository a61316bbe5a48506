// Xero's per-organisation limits (60 calls a minute, 5,000 a day, 5 at once) and the
// 10,000 a minute per app. Counters always run so every response carries the
// X-*Limit-Remaining headers; calls are refused with 429 only when enabled.
// `timeScale` shrinks the windows (60 ⇒ a "minute" lasts one second, a "day" 24 minutes);
// Retry-After is scaled the same way and rounded up, never below 1 second.

export interface RateLimitConfig {
	enabled: boolean;
	perMinute: number;
	perDay: number;
	concurrent: number;
	appPerMinute: number;
	timeScale: number;
}

export type RateLimitProblem = 'minute' | 'day' | 'concurrent' | 'appminute';

export interface RateLimitCounters {
	minuteRemaining: number;
	dayRemaining: number;
	appMinuteRemaining: number;
	inFlight: number;
	rejected: Record<RateLimitProblem, number>;
}

interface TenantWindow {
	minute: number[];
	dayStart: number;
	dayCount: number;
	inFlight: number;
	rejected: Record<RateLimitProblem, number>;
}

export type Admission = { ok: true; release: () => void; headers: Record<string, string> } | { ok: false; problem: RateLimitProblem; retryAfter?: number; headers: Record<string, string> };

export class RateLimiter {
	config: RateLimitConfig = { enabled: false, perMinute: 60, perDay: 5000, concurrent: 5, appPerMinute: 10_000, timeScale: 1 };
	private readonly tenants = new Map<string, TenantWindow>();
	private readonly appMinute: number[] = [];

	configure(cfg: Partial<RateLimitConfig> & { enabled: boolean }): void {
		this.config = { ...this.config, ...cfg };
		this.reset();
	}

	reset(): void {
		this.tenants.clear();
		this.appMinute.length = 0;
	}

	private get minuteMs(): number {
		return 60_000 / this.config.timeScale;
	}

	private get dayMs(): number {
		return 86_400_000 / this.config.timeScale;
	}

	private window(tenantId: string, now: number): TenantWindow {
		let w = this.tenants.get(tenantId);
		if (!w) {
			w = { minute: [], dayStart: now, dayCount: 0, inFlight: 0, rejected: { minute: 0, day: 0, concurrent: 0, appminute: 0 } };
			this.tenants.set(tenantId, w);
		}
		const cutoff = now - this.minuteMs;
		while (w.minute.length && w.minute[0] <= cutoff) w.minute.shift();
		if (now - w.dayStart >= this.dayMs) {
			w.dayStart = now;
			w.dayCount = 0;
		}
		return w;
	}

	private trimApp(now: number): void {
		const cutoff = now - this.minuteMs;
		while (this.appMinute.length && this.appMinute[0] <= cutoff) this.appMinute.shift();
	}

	private headers(w: TenantWindow): Record<string, string> {
		const c = this.config;
		return {
			'x-daylimit-remaining': String(Math.max(0, c.perDay - w.dayCount)),
			'x-minlimit-remaining': String(Math.max(0, c.perMinute - w.minute.length)),
			'x-appminlimit-remaining': String(Math.max(0, c.appPerMinute - this.appMinute.length)),
		};
	}

	private seconds(ms: number): number {
		return Math.max(1, Math.ceil(ms / 1000));
	}

	/** Counts a call against the organisation, or says which limit refuses it. */
	admit(tenantId: string, now = Date.now()): Admission {
		const w = this.window(tenantId, now);
		this.trimApp(now);
		const c = this.config;
		if (c.enabled) {
			let problem: RateLimitProblem | undefined;
			let retryAfter: number | undefined;
			if (w.dayCount >= c.perDay) {
				problem = 'day';
				retryAfter = this.seconds(w.dayStart + this.dayMs - now);
			} else if (w.minute.length >= c.perMinute) {
				problem = 'minute';
				retryAfter = this.seconds(w.minute[0] + this.minuteMs - now);
			} else if (this.appMinute.length >= c.appPerMinute) {
				problem = 'appminute';
				retryAfter = this.seconds(this.appMinute[0] + this.minuteMs - now);
			} else if (w.inFlight >= c.concurrent) {
				problem = 'concurrent';
			}
			if (problem) {
				w.rejected[problem]++;
				return { ok: false, problem, retryAfter, headers: this.headers(w) };
			}
		}
		w.minute.push(now);
		w.dayCount++;
		this.appMinute.push(now);
		w.inFlight++;
		let released = false;
		return {
			ok: true,
			headers: this.headers(w),
			release: () => {
				if (!released) w.inFlight--;
				released = true;
			},
		};
	}

	counters(tenantId: string): RateLimitCounters {
		const now = Date.now();
		const w = this.window(tenantId, now);
		this.trimApp(now);
		const c = this.config;
		return {
			minuteRemaining: Math.max(0, c.perMinute - w.minute.length),
			dayRemaining: Math.max(0, c.perDay - w.dayCount),
			appMinuteRemaining: Math.max(0, c.appPerMinute - this.appMinute.length),
			inFlight: w.inFlight,
			rejected: { ...w.rejected },
		};
	}
}
