import { recordLocator } from '../common/descriptions';

export const purchaseOrderLocator = recordLocator('Purchase Order', 'purchaseOrderId', 'searchPurchaseOrders');
