/**
 * Figures the fault tests measure (calls made, faults injected, retries, documents checked), printed
 * once per test file so the README's reliability section can quote what a run actually saw.
 */
export class Figures {
	private readonly values = new Map<string, number>();

	constructor(private readonly title: string) {}

	add(name: string, amount = 1): void {
		this.values.set(name, (this.values.get(name) ?? 0) + amount);
	}

	set(name: string, value: number): void {
		this.values.set(name, value);
	}

	get(name: string): number {
		return this.values.get(name) ?? 0;
	}

	print(): void {
		const lines = [...this.values].map(([name, value]) => `  ${name}: ${value}`);
		console.log(`[${this.title}]\n${lines.join('\n')}`);
	}
}
