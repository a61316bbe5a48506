import type { IDataObject } from 'n8n-workflow';

export interface RowsOptions {
	/** Names for columns whose header Xero leaves blank, by position. */
	blankHeaders?: Record<number, string>;
}

interface Cell {
	Value?: string;
	Attributes?: Array<{ Id?: string; Value?: string }>;
}

interface Row {
	RowType?: string;
	Title?: string;
	Cells?: Cell[];
	Rows?: Row[];
}

/** Cell attribute IDs Xero uses, and the field each becomes on a row. */
const ATTRIBUTE_FIELDS: Record<string, string> = {
	account: 'AccountID',
	accountid: 'AccountID',
	invoiceid: 'InvoiceID',
	creditnoteid: 'CreditNoteID',
	contactid: 'ContactID',
};

/**
 * Xero formats every amount with a decimal point ("150.00"), so only such values become numbers:
 * document numbers made of digits ("1001") stay text.
 */
const AMOUNT = /^-?(\d{1,3}(,\d{3})+|\d+)\.\d+$/;

function parseValue(value: string | undefined): string | number | null {
	if (value === undefined || value === null || value === '') return null;
	return AMOUNT.test(value) ? Number(value.replace(/,/g, '')) : value;
}

function columnTitles(rows: Row[], options: RowsOptions): string[] {
	const header = rows.find((row) => row.RowType === 'Header');
	const seen = new Map<string, number>();
	return (header?.Cells ?? []).map((cell, n) => {
		const title = (cell.Value ?? '').trim() || options.blankHeaders?.[n] || `Column ${n + 1}`;
		const count = (seen.get(title) ?? 0) + 1;
		seen.set(title, count);
		return count === 1 ? title : `${title} (${count})`;
	});
}

function rowItem(row: Row, section: string, titles: string[]): IDataObject {
	const item: IDataObject = { Section: section, RowType: row.RowType ?? 'Row' };
	const cells = row.Cells ?? [];
	cells.forEach((cell, n) => {
		item[titles[n] ?? `Column ${n + 1}`] = parseValue(cell.Value);
	});
	for (const cell of cells) {
		for (const attribute of cell.Attributes ?? []) {
			if (!attribute.Id || !attribute.Value) continue;
			const field = ATTRIBUTE_FIELDS[attribute.Id.toLowerCase()] ?? attribute.Id.charAt(0).toUpperCase() + attribute.Id.slice(1);
			item[field] ??= attribute.Value;
		}
	}
	if (item.AccountID && typeof cells[0]?.Value === 'string') {
		// Trial balance rows read "Sales (400)": split the code off the name.
		const label = cells[0].Value;
		const coded = /^(.*\S)\s+\(([^()]+)\)$/.exec(label);
		item.AccountName = coded ? coded[1] : label;
		if (coded) item.AccountCode = coded[2];
	}
	return item;
}

/**
 * One object per report line, keyed by the report's column titles, with the section it belongs to
 * and the IDs Xero attaches to its cells (account, invoice): rows a next node can filter or sum.
 */
export function reportRows(report: IDataObject, options: RowsOptions = {}): IDataObject[] {
	const rows = (report.Rows as Row[] | undefined) ?? [];
	const titles = columnTitles(rows, options);
	const items: IDataObject[] = [];
	const walk = (list: Row[], section: string) => {
		for (const row of list) {
			if (row.RowType === 'Header') continue;
			if (row.RowType === 'Section' || (row.Rows && !row.Cells)) walk(row.Rows ?? [], row.Title ?? '');
			else items.push(rowItem(row, section, titles));
		}
	};
	walk(rows, '');
	return items;
}
