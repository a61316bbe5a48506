// Seeded randomness so that a seed always yields the same organisations.

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

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
		let out = '';
		for (let i = 0; i < 16; i++) {
			let byte = Math.floor(this.next() * 256);
			if (i === 6) byte = (byte & 0x0f) | 0x40;
			if (i === 8) byte = (byte & 0x3f) | 0x80;
			out += HEX[byte];
			if (i === 3 || i === 5 || i === 7 || i === 9) out += '-';
		}
		return out;
	}

	token(length: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'): string {
		let out = '';
		for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
		return out;
	}
}
