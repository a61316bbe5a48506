import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import type { Operation } from '../resources';
import { approve } from './approve.operation';
import { create } from './create.operation';
import { downloadPdf } from './downloadPdf.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getOnlineUrl } from './getOnlineUrl.operation';
import type { InvoiceKind } from './kind';
import { markPaid } from './markPaid.operation';
import { send } from './send.operation';
import { update } from './update.operation';
import { uploadAttachment } from './uploadAttachment.operation';
import { voidOrDelete } from './voidOrDelete.operation';

const SCOPE = '(scope: accounting.invoices)';
const READ_SCOPE = '(scope: accounting.invoices.read)';

function operationOptions(kind: InvoiceKind): INodePropertyOptions[] {
	const { noun } = kind;
	const sales = kind.type === 'ACCREC';
	const options: INodePropertyOptions[] = [
		{
			name: 'Approve',
			value: 'approve',
			description: `Approve a draft ${noun} or one awaiting approval, so it can be paid ${SCOPE}`,
			action: `Approve a ${noun}`,
		},
		{
			name: 'Create',
			value: 'create',
			description: `Create a ${noun} for a ${sales ? 'customer' : 'supplier'}, with its lines ${SCOPE}`,
			action: `Create a ${noun}`,
		},
		{
			name: 'Download PDF',
			value: 'downloadPdf',
			description: `Get the ${noun} as a PDF file ${READ_SCOPE}`,
			action: `Download a ${noun} PDF`,
		},
		{ name: 'Get', value: 'get', description: `Get one ${noun} with its lines, by ID or number ${READ_SCOPE}`, action: `Get a ${noun}` },
		{
			name: 'Get Many',
			value: 'getAll',
			description: `List ${noun}s, filtered by status, contact, date, number or last change ${READ_SCOPE}`,
			action: `Get many ${noun}s`,
		},
		{
			name: 'Mark as Paid',
			value: 'markPaid',
			description: `Record a payment ${sales ? 'received for' : 'made on'} an approved ${noun}: the amount due or a part of it (scope: accounting.payments)`,
			action: `Mark a ${noun} as paid`,
		},
		{
			name: 'Update',
			value: 'update',
			description: `Change a ${noun}'s contact, dates, number, currency or lines ${SCOPE}`,
			action: `Update a ${noun}`,
		},
		{
			name: 'Upload Attachment',
			value: 'uploadAttachment',
			description: `Attach a file (receipt, timesheet, contract) from a binary field to a ${noun} (scope: accounting.attachments)`,
			action: `Upload an attachment to a ${noun}`,
		},
		{
			name: 'Void or Delete',
			value: 'voidOrDelete',
			description: `Cancel a ${noun}: deletes a draft or one awaiting approval, voids an approved unpaid one ${SCOPE}`,
			action: `Void or delete a ${noun}`,
		},
	];
	if (sales) {
		options.push(
			{
				name: 'Get Online Invoice URL',
				value: 'getOnlineUrl',
				description: `Get the link where the customer can view and pay an approved invoice online ${READ_SCOPE}`,
				action: 'Get the online invoice URL',
			},
			{
				name: 'Send by Email',
				value: 'send',
				description: `Email an approved invoice to the customer from Xero, marking it sent ${SCOPE}`,
				action: 'Send a sales invoice by email',
			},
		);
	}
	return options.sort((a, b) => a.name.localeCompare(b.name));
}

/** The Resource description and operations of sales invoices or bills: one implementation, two kinds. */
export function invoiceResource(kind: InvoiceKind): { description: INodeProperties[]; operations: Record<string, Operation> } {
	const operations: Record<string, Operation> = {
		approve: approve(kind),
		create: create(kind),
		downloadPdf: downloadPdf(kind),
		get: get(kind),
		getAll: getAll(kind),
		markPaid: markPaid(kind),
		update: update(kind),
		uploadAttachment: uploadAttachment(kind),
		voidOrDelete: voidOrDelete(kind),
	};
	if (kind.type === 'ACCREC') {
		operations.getOnlineUrl = getOnlineUrl(kind);
		operations.send = send(kind);
	}
	const description: INodeProperties[] = [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [kind.resource] } },
			options: operationOptions(kind),
			default: 'create',
		},
		...Object.values(operations).flatMap((operation) => operation.description),
	];
	return { description, operations };
}
