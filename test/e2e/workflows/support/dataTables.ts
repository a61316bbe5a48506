/** n8n Data Tables of the owner's personal project, read and written as a person does in the editor. */
import type { N8n } from '../../n8n';

export type Row = Record<string, unknown> & { id: number };

interface Table {
	id: string;
	name: string;
	columns: Array<{ name: string; type: string }>;
}

export class DataTables {
	private projectId?: string;

	constructor(private readonly n8n: N8n) {}

	private async base(): Promise<string> {
		this.projectId ??= (await this.n8n.rest<{ id: string }>('GET', '/projects/personal')).id;
		return `/projects/${this.projectId}/data-tables`;
	}

	async list(): Promise<Table[]> {
		return (await this.n8n.rest<{ data: Table[] }>('GET', `${await this.base()}?take=100`)).data;
	}

	async table(name: string): Promise<Table> {
		const found = (await this.list()).find((table) => table.name === name);
		if (!found) throw new Error(`no data table "${name}"`);
		return found;
	}

	async rows(name: string): Promise<Row[]> {
		const { id } = await this.table(name);
		const page = await this.n8n.rest<{ count: number; data: Row[] }>('GET', `${await this.base()}/${id}/rows?take=1000`);
		if (page.count > page.data.length) throw new Error(`"${name}" has more rows than one page`);
		return page.data;
	}

	async insert(name: string, rows: Array<Record<string, unknown>>): Promise<Row[]> {
		const { id } = await this.table(name);
		return await this.n8n.rest<Row[]>('POST', `${await this.base()}/${id}/insert`, { data: rows, returnType: 'all' });
	}

	/** Changes the rows whose column equals the value. */
	async update(name: string, column: string, value: unknown, data: Record<string, unknown>): Promise<void> {
		const { id } = await this.table(name);
		await this.n8n.rest('PATCH', `${await this.base()}/${id}/rows`, {
			filter: { type: 'and', filters: [{ columnName: column, condition: 'eq', value }] },
			data,
		});
	}
}
