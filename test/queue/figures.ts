/** The measured figures of a run, printed at the end (and written to $QUEUE_REPORT as JSON if set). */
import { writeFileSync } from 'fs';

export class Figures {
	private readonly values: Record<string, unknown> = {};
	private readonly started = Date.now();

	set(section: string, value: unknown): void {
		this.values[section] = value;
	}

	print(): void {
		const report = { totalSeconds: Math.round((Date.now() - this.started) / 1000), ...this.values };
		process.stderr.write(`[queue] figures:\n${JSON.stringify(report, null, 2)}\n`);
		if (process.env.QUEUE_REPORT) writeFileSync(process.env.QUEUE_REPORT, `${JSON.stringify(report, null, '\t')}\n`);
	}
}
