import { invoiceResource } from '../invoice/resource';
import { SALES_INVOICE } from '../invoice/kind';

const { description, operations } = invoiceResource(SALES_INVOICE);

export { description };

export const {
	approve,
	create,
	downloadPdf,
	get,
	getAll,
	getOnlineUrl,
	markPaid,
	send,
	update,
	uploadAttachment,
	voidOrDelete,
} = operations;
