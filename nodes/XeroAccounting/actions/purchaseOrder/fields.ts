import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { brandingThemeField, currencyField, dateField, LINE_AMOUNT_TYPES, lineAmountTypesField, referenceField } from '../common/fields';
import { checkCurrency } from '../common/lineItems';
import type { InputCheck } from '../common/validate';

export const PURCHASE_ORDER_STATUSES = [
	{ name: 'Approved', value: 'AUTHORISED', description: 'Ready to send to the supplier' },
	{ name: 'Awaiting Approval', value: 'SUBMITTED' },
	{ name: 'Draft', value: 'DRAFT' },
];

/** Purchase order fields offered on create and update (Xero's names, so input data maps directly). */
export const purchaseOrderFields: INodeProperties[] = [
	{ displayName: 'Attention To', name: 'AttentionTo', type: 'string', default: '', description: 'Person the delivery is for' },
	brandingThemeField('Layout of the PDF sent to the supplier.'),
	currencyField("Defaults to the organisation's base currency; must be enabled in the organisation."),
	dateField('Date of the order; defaults to today'),
	{ displayName: 'Delivery Address', name: 'DeliveryAddress', type: 'string', typeOptions: { rows: 3 }, default: '' },
	{ displayName: 'Delivery Date', name: 'DeliveryDate', type: 'dateTime', default: '', description: 'When the goods are expected' },
	{ displayName: 'Delivery Instructions', name: 'DeliveryInstructions', type: 'string', typeOptions: { rows: 2 }, default: '' },
	lineAmountTypesField(),
	{
		displayName: 'Purchase Order Number',
		name: 'PurchaseOrderNumber',
		type: 'string',
		default: '',
		description: 'Unique in the organisation; Xero numbers the order itself when empty',
	},
	referenceField(),
	{ displayName: 'Status', name: 'Status', type: 'options', options: PURCHASE_ORDER_STATUSES, default: 'DRAFT' },
	{ displayName: 'Telephone', name: 'Telephone', type: 'string', default: '', description: 'Phone number for the delivery' },
];

const TEXT: Record<string, number> = {
	AttentionTo: 255,
	DeliveryAddress: 4000,
	DeliveryInstructions: 4000,
	PurchaseOrderNumber: 255,
	Reference: 255,
	Telephone: 50,
};

/** The name the user sees for a field, for error messages. */
function labelOf(key: string): string {
	return purchaseOrderFields.find((field) => field.name === key)?.displayName ?? key;
}

/** The Xero purchase order for the fields filled in; empty fields are left out. */
export async function purchaseOrderFromFields(
	this: IExecuteFunctions,
	check: InputCheck,
	tenantId: string,
	fields: IDataObject,
): Promise<IDataObject> {
	const order: IDataObject = {};
	for (const [key, max] of Object.entries(TEXT)) {
		const value = check.text(labelOf(key), fields[key], { max });
		if (value !== undefined) order[key] = value;
	}
	for (const key of ['Date', 'DeliveryDate']) {
		const value = check.date(labelOf(key), fields[key]);
		if (value !== undefined) order[key] = value;
	}
	const theme = check.guid('Branding Theme', fields.BrandingThemeID);
	if (theme) order.BrandingThemeID = theme;
	const currency = check.text('Currency', fields.CurrencyCode, { max: 3 });
	if (currency) {
		await checkCurrency.call(this, check, tenantId, currency);
		order.CurrencyCode = currency.toUpperCase();
	}
	if (fields.LineAmountTypes) {
		if (!LINE_AMOUNT_TYPES.includes(String(fields.LineAmountTypes))) {
			check.fail('Line Amounts Are', `must be Exclusive, Inclusive or NoTax, got "${String(fields.LineAmountTypes)}"`);
		}
		order.LineAmountTypes = fields.LineAmountTypes;
	}
	if (fields.Status) {
		if (!PURCHASE_ORDER_STATUSES.some((s) => s.value === fields.Status)) {
			check.fail('Status', `must be DRAFT, SUBMITTED or AUTHORISED, got "${String(fields.Status)}"`);
		}
		order.Status = fields.Status;
	}
	return order;
}
