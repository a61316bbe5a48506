import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { findReference, referenceData, requireAccount, requireTaxType } from './referenceData';
import type { InputCheck } from './validate';

/** The line-item parameters; operations scope them with updateDisplayOptions. */
export function lineItemsProperties(): INodeProperties[] {
	return [
		{
			displayName: 'Line Items Source',
			name: 'lineItemsSource',
			type: 'options',
			options: [
				{ name: 'Define Below', value: 'define', description: 'Enter the lines in this node' },
				{
					name: 'From Input Field',
					value: 'field',
					description: 'Use a list of lines built by an earlier node',
				},
			],
			default: 'define',
		},
		{
			displayName: 'Input Field With Lines',
			name: 'lineItemsField',
			type: 'string',
			default: 'LineItems',
			description:
				'Name of the input field holding an array of lines with Xero\'s field names (ItemCode, Description, Quantity, UnitAmount, AccountCode, TaxType, DiscountRate, Tracking)',
			displayOptions: { show: { lineItemsSource: ['field'] } },
		},
		{
			displayName: 'Line Items',
			name: 'lineItems',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Line',
			default: {},
			displayOptions: { show: { lineItemsSource: ['define'] } },
			options: [
				{
					displayName: 'Line',
					name: 'line',
					values: [
						{
							displayName: 'Account Code Name or ID',
							name: 'AccountCode',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getAccountCodes', loadOptionsDependsOn: ['tenantId.value'] },
							default: '',
							description:
								'Defaults to the item\'s account when an item is chosen. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
						},
						{ displayName: 'Description', name: 'Description', type: 'string', default: '' },
						{
							displayName: 'Discount Rate (%)',
							name: 'DiscountRate',
							type: 'number',
							default: 0,
						},
						{
							displayName: 'Item Code Name or ID',
							name: 'ItemCode',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getItemCodes', loadOptionsDependsOn: ['tenantId.value'] },
							default: '',
							description:
								'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
						},
						{ displayName: 'Quantity', name: 'Quantity', type: 'number', default: 1 },
						{
							displayName: 'Tax Type Name or ID',
							name: 'TaxType',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getTaxTypes', loadOptionsDependsOn: ['tenantId.value'] },
							default: '',
							description:
								'Defaults to the item\'s or account\'s tax type. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
						},
						{
							displayName: 'Tracking Names or IDs',
							name: 'Tracking',
							type: 'multiOptions',
							typeOptions: { loadOptionsMethod: 'getTrackingOptions', loadOptionsDependsOn: ['tenantId.value'] },
							default: [],
							description:
								'Tracking category options for this line. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
						},
						{
							displayName: 'Unit Amount',
							name: 'UnitAmount',
							// Text, so "empty" can mean "the item's price" (a number field always holds one).
							type: 'string',
							default: '',
							placeholder: '12.50',
							description: "Price per unit. Leave empty to use the item's price.",
						},
					],
				},
			],
		},
	];
}

/** Which side of an item's defaults a document uses. */
export type LineSide = 'sales' | 'purchases';

function rawLines(this: IExecuteFunctions, check: InputCheck): IDataObject[] {
	const i = check.itemIndex;
	if (this.getNodeParameter('lineItemsSource', i, 'define') === 'field') {
		const field = this.getNodeParameter('lineItemsField', i) as string;
		const value = this.getInputData()[i]?.json?.[field];
		if (!Array.isArray(value)) check.fail(field, `must be a list of line items, got ${value === undefined ? 'nothing' : typeof value}`);
		return value as IDataObject[];
	}
	const collection = this.getNodeParameter('lineItems', i, {}) as { line?: IDataObject[] };
	return collection.line ?? [];
}

function tracking(check: InputCheck, label: string, value: unknown): IDataObject[] | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const entries = Array.isArray(value) ? value : [value];
	if (entries.length === 0) return undefined;
	return entries.map((entry) => {
		if (entry && typeof entry === 'object') return entry as IDataObject;
		const [name, ...option] = String(entry).split(':');
		if (!option.length) check.fail(label, `must be "Category:Option", got "${String(entry)}"`);
		return { Name: name.trim(), Option: option.join(':').trim() };
	});
}

/**
 * Validated Xero line items for one input item. Lines with an item code take the item's
 * description, price, account and tax type where the line leaves them empty; unknown item, account
 * and tax codes are refused here, naming the line, before anything reaches Xero.
 */
export async function buildLineItems(
	this: IExecuteFunctions,
	check: InputCheck,
	tenantId: string,
	side: LineSide,
	{ required = true } = {},
): Promise<IDataObject[]> {
	const lines = rawLines.call(this, check);
	if (required && lines.length === 0) check.fail('Line Items', 'must have at least one line');
	const built = lines.map((line, n) => {
		const label = (field: string) => `Line Items[${n}].${field}`;
		if (!line || typeof line !== 'object') check.fail(label(''), 'must be an object');
		const result: IDataObject = {};
		const put = (key: string, value: unknown) => {
			if (value !== undefined && value !== '') result[key] = value;
		};
		put('ItemCode', check.text(label('ItemCode'), line.ItemCode, { max: 30 }));
		put('Description', check.text(label('Description'), line.Description));
		put('Quantity', check.number(label('Quantity'), line.Quantity));
		put('UnitAmount', check.number(label('UnitAmount'), line.UnitAmount));
		put('AccountCode', check.text(label('AccountCode'), line.AccountCode, { max: 10 }));
		put('TaxType', check.text(label('TaxType'), line.TaxType, { max: 50 }));
		const discount = check.number(label('DiscountRate'), line.DiscountRate);
		if (discount) put('DiscountRate', discount);
		put('LineAmount', check.number(label('LineAmount'), line.LineAmount));
		put('Tracking', tracking(check, label('Tracking'), line.Tracking));
		if (!result.Description && !result.ItemCode) check.fail(label('Description'), 'is required when the line has no item code');
		return result;
	});
	await applyReferenceData.call(this, check, tenantId, side, built);
	return built;
}

async function applyReferenceData(
	this: IExecuteFunctions,
	check: InputCheck,
	tenantId: string,
	side: LineSide,
	lines: IDataObject[],
): Promise<void> {
	// Items are read only when a line leaves something for its item to fill in.
	const needsItem = (line: IDataObject) =>
		line.ItemCode && [line.Description, line.UnitAmount, line.AccountCode, line.TaxType].includes(undefined);
	if (lines.some(needsItem)) {
		const items = await referenceData.call(this, tenantId, 'Items');
		const byCode = new Map(items.map((item) => [String(item.Code).toLowerCase(), item]));
		lines.forEach((line, n) => {
			if (!needsItem(line)) return;
			const item = byCode.get(String(line.ItemCode).toLowerCase());
			if (!item) check.fail(`Line Items[${n}].ItemCode`, `"${line.ItemCode}" is not an item in this organisation`);
			const details = ((side === 'sales' ? item.SalesDetails : item.PurchaseDetails) ?? {}) as IDataObject;
			const description = side === 'sales' ? item.Description : (item.PurchaseDescription ?? item.Description);
			line.Description ??= description ?? item.Name;
			line.UnitAmount ??= details.UnitPrice;
			line.AccountCode ??= details.AccountCode;
			line.TaxType ??= details.TaxType;
		});
	}
	for (const [n, line] of lines.entries()) {
		if (line.AccountCode) {
			await requireAccount.call(this, check, tenantId, `Line Items[${n}].AccountCode`, String(line.AccountCode));
		}
		if (line.TaxType) await requireTaxType.call(this, check, tenantId, `Line Items[${n}].TaxType`, String(line.TaxType));
	}
}

/** Refuses a currency the organisation has not enabled, before Xero does. */
export async function checkCurrency(
	this: IExecuteFunctions,
	check: InputCheck,
	tenantId: string,
	code: string | undefined,
): Promise<void> {
	if (!code) return;
	const wanted = code.toUpperCase();
	if (!(await findReference.call(this, tenantId, 'Currencies', (c) => String(c.Code).toUpperCase() === wanted))) {
		check.fail('Currency', `"${code}" is not enabled in this organisation (Settings > Currencies in Xero)`);
	}
}
