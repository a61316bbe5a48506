import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parseInputDate, xeroPages } from '../../../shared/transport';
import { dateRangeFilters, filtersProperty, limitProperty, modifiedSinceFilter, returnAllProperty, simplifyProperty } from '../common/descriptions';
import { runPerItem, tenantFor } from '../common/execution';
import { csvList } from '../common/listQuery';
import { simplifyAll } from '../common/simplify';
import { InputCheck } from '../common/validate';

const properties: INodeProperties[] = [
	returnAllProperty,
	limitProperty,
	filtersProperty([
		{ displayName: 'Contact IDs', name: 'contactIds', type: 'string', default: '', description: 'Comma-separated contact IDs: only orders to these suppliers' },
		...dateRangeFilters('orders dated'),
		modifiedSinceFilter('orders'),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Any', value: '' },
				{ name: 'Approved', value: 'AUTHORISED' },
				{ name: 'Awaiting Approval', value: 'SUBMITTED' },
				{ name: 'Billed', value: 'BILLED' },
				{ name: 'Deleted', value: 'DELETED' },
				{ name: 'Draft', value: 'DRAFT' },
			],
			default: '',
		},
	]),
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['purchaseOrder'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (i) => {
		const check = new InputCheck(this.getNode(), i);
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const qs: IDataObject = {};
		if (filters.status) qs.Status = filters.status;
		const dateFrom = check.date('Date From', filters.dateFrom);
		if (dateFrom) qs.DateFrom = dateFrom;
		const dateTo = check.date('Date To', filters.dateTo);
		if (dateTo) qs.DateTo = dateTo;
		check.date('Modified Since', filters.modifiedSince);
		const ifModifiedSince = filters.modifiedSince ? parseInputDate(filters.modifiedSince)!.toUTC().toISO()! : undefined;
		// Xero has no contact filter for purchase orders: it is applied to each page here.
		const contactIds = new Set(csvList(filters.contactIds).map((id) => check.guid('Contact IDs', id)!.toLowerCase()));
		const limit = this.getNodeParameter('returnAll', i) ? Infinity : (this.getNodeParameter('limit', i) as number);

		const orders: IDataObject[] = [];
		const pages = xeroPages.call(this, await tenantFor.call(this, i), {
			path: '/PurchaseOrders',
			property: 'PurchaseOrders',
			qs,
			ifModifiedSince,
			limit: contactIds.size || limit === Infinity ? undefined : limit,
			itemIndex: i,
		});
		for await (const page of pages) {
			for (const order of page) {
				const contact = order.Contact as IDataObject | undefined;
				if (contactIds.size && !contactIds.has(String(contact?.ContactID).toLowerCase())) continue;
				orders.push(order);
			}
			if (orders.length >= limit) break;
		}
		return simplifyAll(orders.slice(0, limit), this.getNodeParameter('simplify', i, true) as boolean);
	});
}
