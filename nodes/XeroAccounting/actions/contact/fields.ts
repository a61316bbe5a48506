import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { InputCheck } from '../common/validate';

/** Contact fields offered on create and update. */
export const contactFields: INodeProperties[] = [
	{ displayName: 'Account Number', name: 'AccountNumber', type: 'string', default: '', description: 'Your own reference for the contact, unique in Xero' },
	{ displayName: 'Contact Number', name: 'ContactNumber', type: 'string', default: '', description: 'An ID from another system' },
	{ displayName: 'Default Currency', name: 'DefaultCurrency', type: 'string', default: '', placeholder: 'GBP' },
	{ displayName: 'Email', name: 'EmailAddress', type: 'string', placeholder: 'name@email.com', default: '' },
	{ displayName: 'First Name', name: 'FirstName', type: 'string', default: '' },
	{ displayName: 'Last Name', name: 'LastName', type: 'string', default: '' },
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
	{ displayName: 'Tax Number', name: 'TaxNumber', type: 'string', default: '', description: 'VAT, GST or ABN number' },
];

/** The Xero contact for the fields a user filled in; empty fields are left out. */
export function contactFromFields(check: InputCheck, fields: IDataObject, name?: string): IDataObject {
	const contact: IDataObject = {};
	if (name !== undefined) contact.Name = check.text('Name', name, { required: true, max: 255 });
	for (const key of ['AccountNumber', 'ContactNumber', 'DefaultCurrency', 'FirstName', 'LastName', 'TaxNumber']) {
		const value = check.text(key, fields[key], { max: 255 });
		if (value !== undefined) contact[key] = value;
	}
	const email = check.text('Email', fields.EmailAddress, { max: 255 });
	if (email !== undefined) {
		if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) check.fail('Email', `is not an email address: "${email}"`);
		contact.EmailAddress = email;
	}
	const phone = check.text('Phone', fields.phone, { max: 50 });
	if (phone !== undefined) contact.Phones = [{ PhoneType: 'DEFAULT', PhoneNumber: phone }];
	return contact;
}
