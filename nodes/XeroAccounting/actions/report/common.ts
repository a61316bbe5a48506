import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { xeroRequest } from '../../../shared/transport';
import { runPerItem, tenantFor } from '../common/execution';
import { InputCheck } from '../common/validate';
import { reportRows, type RowsOptions } from './rows';

export const outputProperty: INodeProperties = {
	displayName: 'Output',
	name: 'output',
	type: 'options',
	options: [
		{
			name: 'Rows',
			value: 'rows',
			description: 'One item per report line, keyed by column title, with its section and account',
		},
		{ name: 'Raw Report', value: 'raw', description: 'Xero\'s report as one item, with its nested sections and cells' },
	],
	default: 'rows',
};

export function dateProperty(displayName: string, name: string, description: string, required = false): INodeProperties {
	return { displayName, name, type: 'dateTime', default: '', required, description };
}

/** From Date and To Date of a report over a period (Xero defaults to the current month). */
export const fromToDateProperties: INodeProperties[] = [
	dateProperty('From Date', 'fromDate', 'First day of the period; defaults to the start of the current month'),
	dateProperty('To Date', 'toDate', 'Last day of the period; defaults to the end of the current month'),
];

export const cashBasisOption: INodeProperties = {
	displayName: 'Cash Basis',
	name: 'paymentsOnly',
	type: 'boolean',
	default: false,
	description: 'Whether to count only paid amounts (cash basis) instead of invoiced ones',
};

export const standardLayoutOption: INodeProperties = {
	displayName: 'Standard Layout',
	name: 'standardLayout',
	type: 'boolean',
	default: false,
	description: "Whether to ignore the organisation's custom report layout",
};

export const periodsProperties: INodeProperties[] = [
	{
		displayName: 'Periods',
		name: 'periods',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 12 },
		default: 1,
		description: 'Number of periods to compare, 1 to 12, each adding a column',
	},
	{
		displayName: 'Timeframe',
		name: 'timeframe',
		type: 'options',
		options: [
			{ name: 'Month', value: 'MONTH' },
			{ name: 'Quarter', value: 'QUARTER' },
			{ name: 'Year', value: 'YEAR' },
		],
		default: 'MONTH',
		description: 'Length of each compared period',
	},
];

/** Reports whose first column lists accounts under a blank header. */
export const ACCOUNT_ROWS: RowsOptions = { blankHeaders: { 0: 'Account' } };

/** Reads one report per input item and returns its rows or the raw report. */
export async function runReport(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	path: string,
	query: (check: InputCheck, itemIndex: number) => IDataObject,
	rows: RowsOptions = {},
): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const check = new InputCheck(this.getNode(), i);
		const qs = query(check, i);
		const body = await xeroRequest.call(this, await tenantFor.call(this, i), { path, qs, itemIndex: i });
		const report = ((body.Reports as IDataObject[] | undefined) ?? [])[0] ?? {};
		return this.getNodeParameter('output', i, 'rows') === 'raw' ? report : reportRows(report, rows);
	});
}

/** Sets a date query parameter when the field is filled in. */
export function putDate(qs: IDataObject, name: string, check: InputCheck, label: string, value: unknown, required = false): void {
	const date = check.date(label, value, { required });
	if (date) qs[name] = date;
}

/** Sets the dates of `fromToDateProperties`, refusing a period that ends before it starts. */
export function putFromToDates(this: IExecuteFunctions, qs: IDataObject, check: InputCheck): void {
	putDate(qs, 'fromDate', check, 'From Date', this.getNodeParameter('fromDate', check.itemIndex, ''));
	putDate(qs, 'toDate', check, 'To Date', this.getNodeParameter('toDate', check.itemIndex, ''));
	if (qs.fromDate && qs.toDate && String(qs.fromDate) > String(qs.toDate)) check.fail('To Date', 'is before From Date');
}

export function putPeriods(qs: IDataObject, check: InputCheck, options: IDataObject): void {
	if (options.periods !== undefined) {
		const periods = check.number('Periods', options.periods)!;
		if (!Number.isInteger(periods) || periods < 1 || periods > 12) check.fail('Periods', `must be a whole number from 1 to 12, got ${periods}`);
		qs.periods = periods;
	}
	if (options.timeframe) {
		if (!['MONTH', 'QUARTER', 'YEAR'].includes(String(options.timeframe))) check.fail('Timeframe', 'must be MONTH, QUARTER or YEAR');
		qs.timeframe = options.timeframe;
	}
	for (const flag of ['standardLayout', 'paymentsOnly']) {
		if (typeof options[flag] === 'boolean') qs[flag] = options[flag];
	}
}
