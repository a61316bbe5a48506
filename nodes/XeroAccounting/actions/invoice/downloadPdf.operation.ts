import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { xeroRequestFull } from '../../../shared/transport';
import { runPerItem, tenantFor } from '../common/execution';
import { InputCheck } from '../common/validate';
import type { Operation } from '../resources';
import type { InvoiceKind } from './kind';
import { InvoiceFinder, invoiceLocator, invoiceRefOf } from './lookup';

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
			const finder = new InvoiceFinder(this, kind.type);
			await finder.prefetch(items);
			return await runPerItem.call(this, items, async (i) => {
				const check = new InputCheck(this.getNode(), i);
				const tenantId = await tenantFor.call(this, i);
				const ref = invoiceRefOf.call(this, i, check, kind.label);
				const id = await finder.id(check, tenantId, ref, kind.label);
				const property = check.text('Put Output File in Field', this.getNodeParameter('binaryPropertyName', i), { required: true })!;
				const response = await xeroRequestFull.call(this, tenantId, {
					path: `/Invoices/${id}`,
					accept: 'application/pdf',
					itemIndex: i,
				});
				const fileName = `${(ref.number ?? id).replace(/[^\w.-]+/g, '_')}.pdf`;
				const binary = await this.helpers.prepareBinaryData(response.body as Buffer, fileName, 'application/pdf');
				return [{ json: { InvoiceID: id, fileName }, binary: { [property]: binary } }];
			});
		},
	};
}
