import { simplify, simplifyAll } from '../../nodes/XeroAccounting/actions/common/simplify';

describe('simplify', () => {
	const invoice = {
		InvoiceID: 'a1',
		Type: 'ACCREC',
		Status: 'AUTHORISED',
		Date: '2026-11-01T00:00:00',
		DateString: '2026-11-01T00:00:00',
		HasErrors: false,
		Reference: null,
		Payments: [],
		Total: 0,
		IsDiscounted: false,
		Contact: { ContactID: 'c1', Name: 'Fresh Foods', Addresses: [{ City: 'Leeds' }], ContactStatus: 'ACTIVE' },
		LineItems: [
			{ Description: 'Oats', Quantity: 2, Tracking: [], TaxAmount: 0 },
			{ Description: 'Rye', Quantity: 1, DiscountRate: null },
		],
	};

	it('drops repeated strings, flags, nulls and empty lists, and keeps amounts, dates and lines', () => {
		expect(simplify(invoice)).toEqual({
			InvoiceID: 'a1',
			Type: 'ACCREC',
			Status: 'AUTHORISED',
			Date: '2026-11-01T00:00:00',
			Total: 0,
			Contact: { ContactID: 'c1', Name: 'Fresh Foods' },
			LineItems: [
				{ Description: 'Oats', Quantity: 2, TaxAmount: 0 },
				{ Description: 'Rye', Quantity: 1 },
			],
		});
	});

	it('leaves the elements of arrays in place, and the input untouched', () => {
		const before = structuredClone(invoice);
		expect(simplify([null, [], invoice, 'x'])).toEqual([null, [], simplify(invoice), 'x']);
		expect(simplify([])).toEqual([]);
		expect(invoice).toEqual(before);
	});

	it('returns the documents as they are when switched off', () => {
		const documents = [invoice];
		expect(simplifyAll(documents, false)).toBe(documents);
		expect(simplifyAll(documents, true)).toEqual([simplify(invoice)]);
	});
});
