import { startXero, type XeroFixture } from '../helpers/xero';

// "On Error → Continue (using error output)": a failed item must leave by the error output, not
// pass down the success path looking like a result.
describe('error output', () => {
	let xero: XeroFixture;
	let contactId: string;
	beforeAll(async () => {
		xero = await startXero({ size: 5 });
		contactId = String(xero.sandbox.store.create(xero.tenantId, 'Contacts', { Name: 'Error Output Customer' }).ContactID);
	});
	afterAll(async () => {
		expect(xero.sandbox.specViolations).toEqual([]);
		await xero.close();
	});

	test('invalid and refused invoices go to the error output, the others to the main one', async () => {
		const { run, error } = await xero.run(
			{
				resource: 'salesInvoice',
				operation: 'create',
				contactId: { __rl: true, mode: 'id', value: contactId },
				lineItemsSource: 'field',
				lineItemsField: 'lines',
			},
			[
				{ lines: [{ Description: 'Fine', Quantity: 1, UnitAmount: 10, AccountCode: '200' }] },
				{ lines: [{ Description: 'Not a number', Quantity: 'two', UnitAmount: 10, AccountCode: '200' }] },
				{ lines: [{ Description: 'Unknown item', ItemCode: 'NO-SUCH-ITEM', Quantity: 1, UnitAmount: 5, AccountCode: '200', TaxType: 'OUTPUT', DiscountRate: 0 }] },
			],
			{ node: { onError: 'continueErrorOutput' } },
		);
		expect(error).toBeUndefined();
		const ok = run.output('Xero', 0);
		const failed = run.output('Xero', 1);
		expect(ok.map((item) => item.json.Status)).toEqual(['DRAFT']);
		expect(failed.map((item) => (item.pairedItem as { item: number }).item)).toEqual([1, 2]);
		expect(failed[0].json.error).toMatch(/^Item 1: "Line Items\[0\]\.Quantity" must be a number/);
		expect(failed[1].json.error).toMatch(/^Item 2: Xero refused the sales invoice: Item code .NO-SUCH-ITEM. is not valid/);
	});
});
