import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { xeroRequest } from '../../../shared/transport';
import { optionsProperty } from '../common/descriptions';
import type { Operation } from '../resources';
import type { InvoiceKind } from './kind';
import { invoiceLocator } from './lookup';
import { runPerInvoice } from './perInvoice';

/** Xero's limit for one attachment. */
const MAX_BYTES = 25 * 1024 * 1024;

export function uploadAttachment(kind: InvoiceKind): Operation {
	const options: INodeProperties[] = [
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			description: 'Name of the file in Xero; defaults to the input file\'s name',
		},
	];
	if (kind.type === 'ACCREC') {
		options.push({
			displayName: 'Show on Online Invoice',
			name: 'includeOnline',
			type: 'boolean',
			default: false,
			description: 'Whether the customer can open the file from the online invoice',
		});
	}
	const properties: INodeProperties[] = [
		invoiceLocator(kind.searchMethod, kind.label),
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			hint: 'The name of the input binary field holding the file to attach',
		},
		optionsProperty(options),
	];
	return {
		description: updateDisplayOptions({ show: { resource: [kind.resource], operation: ['uploadAttachment'] } }, properties),
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
			return await runPerInvoice.call(this, items, kind, async ({ itemIndex: i, check, tenantId, invoiceId }) => {
				const field = check.text('Input Binary Field', this.getNodeParameter('binaryPropertyName', i), { required: true })!;
				const file = this.helpers.assertBinaryData(i, field);
				const opts = this.getNodeParameter('options', i, {}) as IDataObject;
				const fileName =
					check.text('File Name', opts.fileName || file.fileName, { max: 255 }) ??
					check.fail('File Name', 'is required: the input file has no name');
				if (/[\\/]/.test(fileName)) check.fail('File Name', `must not contain slashes, got "${fileName}"`);
				const content = await this.helpers.getBinaryDataBuffer(i, field);
				if (content.length === 0) check.fail('Input Binary Field', `"${field}" holds an empty file`);
				if (content.length > MAX_BYTES) check.fail('Input Binary Field', `"${field}" is larger than Xero's 25 MB limit`);
				const id = await invoiceId();
				const body = await xeroRequest.call(this, tenantId, {
					method: 'PUT',
					path: `/Invoices/${id}/Attachments/${encodeURIComponent(fileName)}`,
					qs: opts.includeOnline ? { IncludeOnline: true } : undefined,
					body: content,
					headers: { 'Content-Type': file.mimeType || 'application/octet-stream' },
					itemIndex: i,
				});
				const attachment = ((body.Attachments as IDataObject[] | undefined) ?? [])[0] ?? {};
				return { InvoiceID: id, ...attachment };
			});
		},
	};
}
