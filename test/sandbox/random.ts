// Seeded randomness so that a seed always yields the same organisations.

export class Random {
	private state: number;

	constructor(seed: number) {
		this.state = (seed * 0x9e3779b1) >>> 0 || 0x12345678;
	}

	/** mulberry32: small, fast and good enough for test data. */
	next(): number {
		let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	/** A version-4 shaped UUID drawn from this generator. */
	uuid(): string {
		const hex: string[] = [];
		for (let i = 0; i < 32; i++) hex.push(Math.floor(this.next() * 16).toString(16));
		hex[12] = '4';
		hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
		const s = hex.join('');
		return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
	}

	token(length: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'): string {
		let out = '';
		for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
		return out;
	}
}
