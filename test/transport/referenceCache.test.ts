import { startXero, type XeroFixture } from '../helpers/xero';

// Accounts and tax rates are read once and shared by later runs, so a flow that creates one
// invoice per execution spends one call per invoice; an unknown code is read again before it is refused.
describe('reference data shared across runs', () => {
	let xero: XeroFixture;
	let contactId: string;
	beforeAll(async () => {
		xero = await startXero({ size: 5 });
		contactId = String(xero.sandbox.store.create(xero.tenantId, 'Contacts', { Name: 'Cache Test Customer' }).ContactID);
	});
	afterAll(async () => {
		expect(xero.sandbox.specViolations).toEqual([]);
		await xero.close();
	});

	const invoice = (AccountCode: string) => ({
		resource: 'salesInvoice',
		operation: 'create',
		contactId: { __rl: true, mode: 'id', value: contactId },
		lineItems: { line: [{ Description: 'Consulting', Quantity: 1, UnitAmount: '100', AccountCode, TaxType: 'OUTPUT' }] },
	});
	const paths = () => xero.sandbox.log.map((entry) => `${entry.method} ${entry.path.replace('/api.xro/2.0', '')}`);

	test('the first run reads accounts and tax rates; the next one only writes', async () => {
		xero.sandbox.clearLog();
		expect((await xero.run(invoice('200'))).error).toBeUndefined();
		expect(paths().sort()).toEqual(['GET /Accounts', 'GET /TaxRates', 'PUT /Invoices']);
		xero.sandbox.clearLog();
		expect((await xero.run(invoice('200'))).error).toBeUndefined();
		expect(paths()).toEqual(['PUT /Invoices']);
	});

	test('a code missing from the shared list is read again, then refused naming the field', async () => {
		xero.sandbox.clearLog();
		const { error } = await xero.run(invoice('4321'));
		expect(error?.message).toBe('Item 0: "Line Items[0].AccountCode" "4321" is not an account code in this organisation');
		expect(paths()).toEqual(['GET /Accounts']);
	});
});
