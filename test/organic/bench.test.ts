import { generateDocuments, runOrganicBench } from '../bench/organic.bench';

describe('organic benchmark', () => {
	it('generates the requested number of lines, reproducibly', () => {
		const first = generateDocuments(5000, 7);
		expect(first.lines).toBeGreaterThanOrEqual(5000);
		expect(first.lines).toBeLessThan(5008);
		expect(generateDocuments(5000, 7)).toEqual(first);
	});

	it('runs and reports throughput and memory', () => {
		const result = runOrganicBench({ lines: 20000, rounds: 1 });
		expect(result).toMatchObject({ lines: expect.any(Number), rounds: 1, target: 1_000_000 });
		expect(result.linesPerSecond).toBeGreaterThan(0);
		expect(result.linesPerCpuSecond).toBeGreaterThan(0);
		expect(result.peakRssMb).toBeGreaterThan(0);
		// The mix holds organic, negated and plain lines.
		expect(result.organicLines).toBeGreaterThan(result.lines * 0.2);
		expect(result.organicLines).toBeLessThan(result.lines * 0.7);
	});
});
