import { runWorkflow, TestCredentials } from '../harness';
import { startSandbox, type XeroSandbox } from '../sandbox';

// A Xero custom connection: n8n fetches the token itself (client credentials) and the node finds
// the one organisation the connection reaches when none is chosen.
describe('custom connection credential', () => {
	let sandbox: XeroSandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => {
		expect(sandbox.specViolations).toEqual([]);
		await sandbox.close();
	});

	test('gets its own token and works in its organisation without one being chosen', async () => {
		const type = 'xeroAccountingCustomConnectionOAuth2Api';
		const credentials = new TestCredentials({ [type]: { accessTokenUrl: `${sandbox.url}/connect/token` } });
		credentials.set('machine', type, {
			clientId: sandbox.customConnection.clientId,
			clientSecret: sandbox.customConnection.clientSecret,
			apiUrl: sandbox.url,
		});
		const { output, error } = await runWorkflow({
			credentials,
			input: [{}],
			nodes: [
				{
					name: 'Xero',
					type: 'xeroAccounting',
					credentials: credentials.ref('machine'),
					parameters: {
						authentication: 'customConnection',
						resource: 'contact',
						operation: 'getAll',
						returnAll: false,
						limit: 3,
						tenantId: { __rl: true, mode: 'list', value: '' },
					},
				},
			],
		});
		expect(error).toBeUndefined();
		expect(output('Xero')).toHaveLength(3);
		expect(credentials.refreshes).toBe(1);
		const contactReads = sandbox.log.filter((entry) => entry.path.endsWith('/Contacts'));
		expect(contactReads.map((entry) => entry.tenantId)).toEqual([sandbox.customConnection.tenantId]);
	});
});
