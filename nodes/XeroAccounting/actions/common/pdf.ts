import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

import { xeroRequestFull } from '../../../shared/transport';

/** A Xero document as a PDF file, ready for an output item's binary field. */
export async function pdfFile(
	this: IExecuteFunctions,
	tenantId: string,
	path: string,
	fileName: string,
	itemIndex: number,
): Promise<IBinaryData> {
	const response = await xeroRequestFull.call(this, tenantId, { path, accept: 'application/pdf', itemIndex });
	return await this.helpers.prepareBinaryData(response.body as Buffer, fileName, 'application/pdf');
}
