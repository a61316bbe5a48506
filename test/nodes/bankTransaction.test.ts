import type { IDataObject } from 'n8n-workflow';

import { startXero, type XeroFixture } from '../helpers/xero';
import type { OrganisationData } from '../sandbox';

const rl = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Bank Transaction', () => {
	let xero: XeroFixture;
	let org: OrganisationData;
	let contactId: string;

	beforeAll(async () => {
		xero = await startXero({ size: 30 });
		org = xero.sandbox.store.tenant(xero.tenantId);
		contactId = org.Contacts.find((c) => c.ContactStatus === 'ACTIVE')!.ContactID;
	});

	afterAll(async () => {
		expect(xero.sandbox.specViolations).toEqual([]);
		await xero.close();
	});

	beforeEach(() => xero.sandbox.clearLog());

	const listCalls = () => xero.sandbox.log.filter((entry) => entry.method === 'GET' && entry.path.endsWith('/BankTransactions'));

	it('lists only unreconciled transactions, in pages of 1000', async () => {
		const { items, error } = await xero.run({ resource: 'bankTransaction', operation: 'getAll', returnAll: true, filters: { unreconciledOnly: true } });
		expect(error).toBeUndefined();
		const expected = org.BankTransactions.filter((t) => !t.IsReconciled);
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.length).toBeLessThan(org.BankTransactions.size);
		expect(items.map((i) => i.json.BankTransactionID).sort()).toEqual(expected.map((t) => t.BankTransactionID).sort());
		for (const item of items) expect(item.json.IsReconciled).toBe(false);
		const calls = listCalls();
		expect(calls).toHaveLength(1);
		expect(calls[0].query).toMatchObject({ where: 'IsReconciled==false', page: '1', pageSize: '1000' });
	});

	it('filters by type, status, date and bank account', async () => {
		const { items, error } = await xero.run({
			resource: 'bankTransaction',
			operation: 'getAll',
			returnAll: true,
			filters: { types: ['SPEND'], statuses: ['AUTHORISED'], dateFrom: '2000-01-01', dateTo: '2100-01-01', bankAccount: '090' },
		});
		expect(error).toBeUndefined();
		const expected = org.BankTransactions.filter((t) => t.Type === 'SPEND' && t.Status === 'AUTHORISED' && t.BankAccount.Code === '090');
		expect(expected.length).toBeGreaterThan(0);
		expect(items.map((i) => i.json.BankTransactionID).sort()).toEqual(expected.map((t) => t.BankTransactionID).sort());
		expect(listCalls()[0].query.where).toBe(
			'(Type=="SPEND") AND BankAccount.Code=="090" AND (Status=="AUTHORISED") AND Date>=DateTime(2000, 01, 01) AND Date<=DateTime(2100, 01, 01)',
		);
	});

	it('honours the limit and Modified Since', async () => {
		const limited = await xero.run({ resource: 'bankTransaction', operation: 'getAll', returnAll: false, limit: 3 });
		expect(limited.items).toHaveLength(3);
		const since = new Date(Date.now() + 60_000).toISOString();
		const none = await xero.run({ resource: 'bankTransaction', operation: 'getAll', returnAll: true, filters: { modifiedSince: since } });
		expect(none.error).toBeUndefined();
		expect(none.items).toHaveLength(0);
		expect(listCalls()[1].ifModifiedSince).toBeTruthy();
	});

	it('creates money spent through a bank account, once', async () => {
		const { items, error } = await xero.run({
			resource: 'bankTransaction',
			operation: 'create',
			type: 'SPEND',
			contactId: rl(contactId),
			bankAccount: '090',
			lineItems: { line: [{ Description: 'Courier', Quantity: 1, UnitAmount: 23.5, AccountCode: '425', TaxType: 'INPUT' }] },
			additionalFields: { Date: '2026-08-03', Reference: 'BT-TEST-SPEND' },
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ Type: 'SPEND', Reference: 'BT-TEST-SPEND', Status: 'AUTHORISED' });
		const stored = org.BankTransactions.filter((t) => t.Reference === 'BT-TEST-SPEND');
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({
			BankTransactionID: items[0].json.BankTransactionID,
			Contact: { ContactID: contactId },
			BankAccount: { Code: '090' },
			DateString: '2026-08-03T00:00:00',
			IsReconciled: false,
		});
		expect(stored[0].LineItems).toHaveLength(1);
		expect(stored[0].LineItems[0]).toMatchObject({ AccountCode: '425', LineAmount: 23.5 });
	});

	it('creates money received for many input items in one call', async () => {
		const { items, error } = await xero.run(
			{
				resource: 'bankTransaction',
				operation: 'create',
				type: 'RECEIVE',
				contactId: rl(contactId),
				bankAccount: '091',
				lineItemsSource: 'field',
				lineItemsField: 'lines',
				additionalFields: { Reference: '={{ $json.ref }}' },
			},
			[
				{ ref: 'BT-RECEIVE-1', lines: [{ Description: 'Interest', UnitAmount: 4.1, AccountCode: '270' }] },
				{ ref: 'BT-RECEIVE-2', lines: [{ ItemCode: 'COFFEE-FT', Quantity: 2 }] },
			],
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.Reference)).toEqual(['BT-RECEIVE-1', 'BT-RECEIVE-2']);
		const second = org.BankTransactions.find((t) => t.Reference === 'BT-RECEIVE-2')!;
		// The item's sales side is used for money in.
		expect(second.LineItems[0]).toMatchObject({ AccountCode: org.itemByCode('COFFEE-FT')!.SalesDetails!.AccountCode, UnitAmount: org.itemByCode('COFFEE-FT')!.SalesDetails!.UnitPrice });
		expect(xero.sandbox.log.filter((entry) => entry.method === 'PUT')).toHaveLength(1);
	});

	it('refuses an account that is not a bank account before calling Xero', async () => {
		const { error } = await xero.run({
			resource: 'bankTransaction',
			operation: 'create',
			type: 'SPEND',
			contactId: rl(contactId),
			bankAccount: '855',
			lineItems: { line: [{ Description: 'Fee', Quantity: 1, UnitAmount: 1, AccountCode: '404' }] },
		});
		expect(error?.message).toMatch(/"855" is a CURRLIAB account, not a bank account/);
		expect(xero.sandbox.log.filter((entry) => entry.method === 'PUT')).toHaveLength(0);
	});

	it('gets one bank transaction', async () => {
		const transaction = org.BankTransactions.all()[0];
		const { items, error } = await xero.run({ resource: 'bankTransaction', operation: 'get', bankTransactionId: transaction.BankTransactionID });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ BankTransactionID: transaction.BankTransactionID, Total: transaction.Total });
		expect((items[0].json.LineItems as IDataObject[]).length).toBe(transaction.LineItems.length);
	});
});
