import type { Row, SideResult } from './results';

function time(ms: number | undefined): string {
	if (ms === undefined) return '';
	return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

function calls(side: SideResult): string {
	if (side.na) return 'n/a';
	const mark = side.ok === false ? ' ✗' : '';
	return side.calls === undefined ? `?${mark}` : `${side.calls.toLocaleString('en')}${mark}`;
}

function heap(side: SideResult): string {
	return side.na || side.peakHeapMb === undefined ? '' : `${side.peakHeapMb} MB`;
}

function ratio(row: Row): string {
	const { ours, builtin } = row;
	if (builtin.na || ours.na || !ours.calls || builtin.calls === undefined) return '';
	return `${(builtin.calls / ours.calls).toFixed(1)}×`;
}

function targets(row: Row): string {
	const judged = row.targets.filter((target) => target.met !== undefined);
	if (!judged.length) return '';
	const met = judged.filter((target) => target.met).length;
	return met === judged.length ? 'met' : met === 0 ? 'missed' : `${met} of ${judged.length} met`;
}

/** The results as one markdown table (readable on a terminal too), then the notes and targets. */
export function renderTable(rows: Row[]): string {
	const header = [
		'Scenario',
		'Ours: calls',
		'time',
		'peak heap',
		'Built-in: calls',
		'time',
		'peak heap',
		'Calls ratio',
		'Floor',
		'Targets',
	];
	const body = rows.map((row) => [
		row.scenario,
		calls(row.ours),
		time(row.ours.ms),
		heap(row.ours),
		calls(row.builtin),
		row.builtin.na ? '' : time(row.builtin.ms),
		heap(row.builtin),
		ratio(row),
		row.floor === undefined ? '' : row.floor.toLocaleString('en'),
		targets(row),
	]);
	const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column].length)));
	const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
	const table = [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...body.map(line)];

	const notes: string[] = [];
	for (const row of rows) {
		const parts: string[] = [];
		if (row.ours.note) parts.push(`ours: ${row.ours.note}`);
		if (row.builtin.na) parts.push(`built-in: ${row.builtin.na}`);
		else if (row.builtin.note) parts.push(`built-in: ${row.builtin.note}`);
		for (const target of row.targets) {
			const verdict = target.met === undefined ? 'n/a' : target.met ? 'met' : 'MISSED';
			parts.push(`target "${target.text}": ${verdict}${target.detail ? ` (${target.detail})` : ''}`);
		}
		if (parts.length) notes.push(`- **${row.scenario}**: ${parts.join('. ')}.`);
	}
	return [...table, '', '✗: the run did not do the whole job (see its note).', '', ...notes].join('\n');
}
