import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import * as bill from './bill/Bill.resource';
import * as contact from './contact/Contact.resource';
import * as creditNote from './creditNote/CreditNote.resource';
import * as payment from './payment/Payment.resource';
import * as salesInvoice from './salesInvoice/SalesInvoice.resource';
import * as account from './account/Account.resource';
import * as bankTransaction from './bankTransaction/BankTransaction.resource';
import * as currency from './currency/Currency.resource';
import * as customApiCall from './customApiCall/CustomApiCall.resource';
import * as item from './item/Item.resource';
import * as organisation from './organisation/Organisation.resource';
import * as purchaseOrder from './purchaseOrder/PurchaseOrder.resource';
import * as report from './report/Report.resource';
import * as taxRate from './taxRate/TaxRate.resource';
import * as trackingCategory from './trackingCategory/TrackingCategory.resource';

export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

export interface Resource {
	/** Shown in the Resource picker. */
	name: string;
	/** Its operation picker followed by every operation's parameters. */
	description: INodeProperties[];
	operations: Record<string, Operation>;
}

function resource(name: string, module: { description: INodeProperties[] } & Record<string, unknown>): Resource {
	const operations: Record<string, Operation> = {};
	for (const [key, value] of Object.entries(module)) {
		if (key !== 'description' && value && typeof value === 'object' && 'execute' in value) {
			operations[key] = value as Operation;
		}
	}
	return { name, description: module.description, operations };
}

/** Every resource of the node, keyed by its parameter value. */
export const resources: Record<string, Resource> = {
	bill: resource('Bill', bill),
	contact: resource('Contact', contact),
	creditNote: resource('Credit Note', creditNote),
	payment: resource('Payment', payment),
	salesInvoice: resource('Sales Invoice', salesInvoice),
	account: resource('Account', account),
	bankTransaction: resource('Bank Transaction', bankTransaction),
	currency: resource('Currency', currency),
	customApiCall: resource('Custom API Call', customApiCall),
	item: resource('Item', item),
	organisation: resource('Organisation', organisation),
	purchaseOrder: resource('Purchase Order', purchaseOrder),
	report: resource('Report', report),
	taxRate: resource('Tax Rate', taxRate),
	trackingCategory: resource('Tracking Category', trackingCategory),
};
