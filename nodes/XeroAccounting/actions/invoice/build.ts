import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { pickedId } from '../common/execution';
import { buildLineItems } from '../common/lineItems';
import type { InputCheck } from '../common/validate';
import { createStatus, documentFields } from './fields';
import type { InvoiceKind } from './kind';

/** What sets a new invoice, bill or credit note apart: its type, number label and side of the items. */
export type DocumentKind = Pick<InvoiceKind, 'numberLabel' | 'side'> & { type: string };

/** The Xero invoice, bill or credit note to create for one input item, from the node's parameters. */
export async function documentToCreate(
	this: IExecuteFunctions,
	check: InputCheck,
	tenantId: string,
	kind: DocumentKind,
): Promise<IDataObject> {
	const i = check.itemIndex;
	const contactId = pickedId.call(this, check, 'contactId', 'Contact');
	const fields = await documentFields.call(
		this,
		check,
		tenantId,
		this.getNodeParameter('additionalFields', i, {}) as IDataObject,
		kind.numberLabel,
	);
	const status = createStatus(check, this.getNodeParameter('status', i, 'DRAFT'));
	const lineItems = await buildLineItems.call(this, check, tenantId, kind.side);
	return { Type: kind.type, Contact: { ContactID: contactId }, ...fields, Status: status, LineItems: lineItems };
}

/** The changes to send for one input item: only the fields given, lines only when replaced. */
export async function invoiceChanges(
	this: IExecuteFunctions,
	check: InputCheck,
	tenantId: string,
	kind: InvoiceKind,
	invoiceId: string,
): Promise<IDataObject> {
	const i = check.itemIndex;
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const changes: IDataObject = { InvoiceID: invoiceId, ...(await documentFields.call(this, check, tenantId, fields, kind.numberLabel)) };
	if (fields.contactId !== undefined) {
		const contact = typeof fields.contactId === 'object' && fields.contactId !== null ? (fields.contactId as IDataObject).value : fields.contactId;
		const contactId = check.guid('Contact', contact);
		if (contactId) changes.Contact = { ContactID: contactId };
	}
	if (this.getNodeParameter('replaceLineItems', i, false)) {
		changes.LineItems = await buildLineItems.call(this, check, tenantId, kind.side);
	}
	if (Object.keys(changes).length === 1) check.fail('Update Fields', 'are empty: choose at least one field to change');
	return changes;
}
