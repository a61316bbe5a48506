import type { INodeProperties } from 'n8n-workflow';

export const purchaseOrderLocator: INodeProperties = {
	displayName: 'Purchase Order',
	name: 'purchaseOrderId',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchPurchaseOrders', searchable: true },
		},
		{ displayName: 'ID', name: 'id', type: 'string', placeholder: '00000000-0000-0000-0000-000000000000' },
	],
};
