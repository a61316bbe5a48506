import { startXero, type XeroFixture } from '../helpers/xero';
import type { OrganisationData } from '../sandbox';

describe('Custom API Call', () => {
	let xero: XeroFixture;
	let org: OrganisationData;

	beforeAll(async () => {
		xero = await startXero({ size: 5 });
		org = xero.sandbox.store.tenant(xero.tenantId);
	});

	afterAll(async () => {
		expect(xero.sandbox.specViolations).toEqual([]);
		await xero.close();
	});

	beforeEach(() => xero.sandbox.clearLog());

	it('reads any endpoint with query parameters and returns its JSON', async () => {
		const { items, error } = await xero.run({
			resource: 'customApiCall',
			operation: 'call',
			method: 'GET',
			path: 'Contacts',
			queryParameters: { parameter: [{ name: 'where', value: 'IsSupplier==true' }, { name: 'page', value: '1' }] },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const contacts = items[0].json.Contacts as Array<{ ContactID: string; IsSupplier: boolean }>;
		expect(contacts.length).toBeGreaterThan(0);
		for (const contact of contacts) expect(contact.IsSupplier).toBe(true);
		const call = xero.sandbox.log[0];
		expect(call).toMatchObject({ method: 'GET', path: '/api.xro/2.0/Contacts', tenantId: xero.tenantId });
		expect(call.query).toEqual({ where: 'IsSupplier==true', page: '1' });
	});

	it('writes with a JSON body and an idempotency key, on the chosen organisation', async () => {
		const body = { Contacts: [{ Name: 'Custom Call Supplier Ltd' }] };
		const { items, error } = await xero.run({ resource: 'customApiCall', operation: 'call', method: 'PUT', path: '/Contacts', body: JSON.stringify(body) });
		expect(error).toBeUndefined();
		expect((items[0].json.Contacts as Array<{ Name: string }>)[0].Name).toBe('Custom Call Supplier Ltd');
		expect(org.Contacts.filter((c) => c.Name === 'Custom Call Supplier Ltd')).toHaveLength(1);
		const call = xero.sandbox.log.find((entry) => entry.method === 'PUT')!;
		expect(call.idempotencyKey).toMatch(/^[0-9a-f]{64}$/);
	});

	it('accepts a full Accounting API URL but nothing outside it', async () => {
		const ok = await xero.run({ resource: 'customApiCall', operation: 'call', method: 'GET', path: 'https://api.xero.com/api.xro/2.0/Organisation' });
		expect(ok.error).toBeUndefined();
		expect(ok.items[0].json.Organisations).toBeDefined();
		const outside = await xero.run({ resource: 'customApiCall', operation: 'call', method: 'GET', path: 'https://example.com/steal' });
		expect(outside.error?.message).toMatch(/Path.*not a full URL/);
		const query = await xero.run({ resource: 'customApiCall', operation: 'call', method: 'GET', path: '/Contacts?page=1' });
		expect(query.error?.message).toMatch(/Query Parameters/);
		const body = await xero.run({ resource: 'customApiCall', operation: 'call', method: 'POST', path: '/Contacts', body: '[1, 2]' });
		expect(body.error?.message).toMatch(/JSON Body.*JSON object/);
		expect(xero.sandbox.log.map((entry) => entry.path)).toEqual(['/api.xro/2.0/Organisation']);
	});

	it('passes on Xero\'s error for an unknown resource', async () => {
		const { error } = await xero.run({ resource: 'customApiCall', operation: 'call', method: 'GET', path: `/Invoices/${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}` });
		expect(error?.message).toMatch(/found nothing/);
	});
});
