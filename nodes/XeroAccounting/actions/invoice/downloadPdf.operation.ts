import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pdfFile } from '../common/pdf';
import type { Operation } from '../resources';
import type { InvoiceKind } from './kind';
import { invoiceLocator } from './lookup';
import { runPerInvoice } from './perInvoice';

export function downloadPdf(kind: InvoiceKind): Operation {
	const properties: INodeProperties[] = [
		invoiceLocator(kind.searchMethod, kind.label),
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			hint: 'The name of the output binary field to put the PDF in',
		},
	];
	return {
		description: updateDisplayOptions({ show: { resource: [kind.resource], operation: ['downloadPdf'] } }, properties),
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
			return await runPerInvoice.call(this, items, kind, async ({ itemIndex: i, check, tenantId, ref, invoiceId }) => {
				const id = await invoiceId();
				const property = check.text('Put Output File in Field', this.getNodeParameter('binaryPropertyName', i), { required: true })!;
				const fileName = `${(ref().number ?? id).replace(/[^\w.-]+/g, '_')}.pdf`;
				const binary = await pdfFile.call(this, tenantId, `/Invoices/${id}`, fileName, i);
				return [{ json: { InvoiceID: id, fileName }, binary: { [property]: binary } }];
			});
		},
	};
}
