/**
 * The per-process gate on calls in flight per organisation (nodes/shared/transport/rateLimit.ts):
 * how it behaves when other processes may call the same organisation. `npm run test:queue` shows
 * the effect in a real queue-mode n8n; this pins the rules.
 */
import { gateFor } from '../../nodes/shared/transport/rateLimit';

type Gate = ReturnType<typeof gateFor>;

const MINUTE = 60_000;
let tenant = 0;
const newGate = (): Gate => gateFor(`gate-test-${++tenant}`);

async function flush() {
	for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** How many of 6 calls the gate lets through at once; leaves it idle again. */
async function width(gate: Gate): Promise<number> {
	const tickets = Array.from({ length: 6 }, () => gate.acquire());
	const granted = new Set<number>();
	tickets.forEach((ticket, i) => void ticket.then(() => granted.add(i)));
	await flush();
	const atOnce = granted.size;
	for (const ticket of tickets) {
		await ticket;
		gate.release();
	}
	return atOnce;
}

/** One call through the gate, answered with Xero's X-MinLimit-Remaining. */
async function call(gate: Gate, minuteRemaining: number) {
	const ticket = await gate.acquire();
	gate.observe(ticket, minuteRemaining, true);
	gate.release();
}

beforeEach(() => jest.useFakeTimers({ now: Date.parse('2026-01-01T00:00:00Z') }));
afterEach(() => jest.useRealTimers());

test('starts at 2 calls at once and widens one step per quiet minute, up to 5', async () => {
	const gate = newGate();
	expect(await width(gate)).toBe(2);
	const widths: number[] = [];
	for (let minute = 1; minute <= 4; minute++) {
		jest.setSystemTime(Date.now() + MINUTE);
		widths.push(await width(gate));
	}
	expect(widths).toEqual([3, 4, 5, 5]);
});

test('narrows back to 2 when Xero counted calls that were not ours, not when they were all ours', async () => {
	const alone = newGate();
	jest.setSystemTime(Date.now() + 4 * MINUTE);
	for (const remaining of [50, 49, 48]) {
		await call(alone, remaining);
		jest.setSystemTime(Date.now() + 2000);
	}
	expect(await width(alone)).toBe(5);

	const shared = newGate();
	jest.setSystemTime(Date.now() + 4 * MINUTE);
	await call(shared, 50);
	jest.setSystemTime(Date.now() + 2000);
	// Down by 4 for our one call: three were someone else's.
	await call(shared, 46);
	expect(await width(shared)).toBe(2);
});

test('halves on a 429 for concurrency, and not again for calls sent under the wider gate', async () => {
	const gate = newGate();
	jest.setSystemTime(Date.now() + 4 * MINUTE);
	const wide = await Promise.all(Array.from({ length: 5 }, () => gate.acquire()));
	gate.refusedForConcurrency(wide[0]);
	gate.refusedForConcurrency(wide[1]);
	wide.forEach(() => gate.release());
	expect(await width(gate)).toBe(2);

	// A call sent after that is refused too: more than two processes share the organisation.
	const narrow = await gate.acquire();
	gate.refusedForConcurrency(narrow);
	gate.release();
	expect(await width(gate)).toBe(1);
	jest.setSystemTime(Date.now() + MINUTE);
	expect(await width(gate)).toBe(2);
});

test('lets through no more than X-MinLimit-Remaining allows', async () => {
	const gate = newGate();
	jest.setSystemTime(Date.now() + 4 * MINUTE);
	const ticket = await gate.acquire();
	gate.observe(ticket, 3, false);
	gate.release();
	expect(await width(gate)).toBe(3);
});
