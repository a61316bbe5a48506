import { invoiceResource } from '../invoice/resource';
import { BILL } from '../invoice/kind';

const { description, operations } = invoiceResource(BILL);

export { description };

export const { approve, create, downloadPdf, get, getAll, markPaid, update, uploadAttachment, voidOrDelete } = operations;
