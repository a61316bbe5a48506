import { startXero } from '../helpers/xero';
test('scratch', async () => {
	const xero = await startXero({ size: 5 });
	for (const [status, body] of [[500, undefined], [401, { error: 'invalid_client' }], [400, { error: 'invalid_request' }]] as const) {
		xero.sandbox.tokens.expireAccessTokens();
		xero.sandbox.clearLog();
		xero.sandbox.faults.add({ method: 'POST', path: '/connect/token', times: 10, action: { kind: 'status', status, body } });
		const run = await xero.run({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 2 });
		console.log(status, run.error?.message, run.error?.description, xero.sandbox.log.map((l) => `${l.method} ${l.path} ${l.status}`));
		xero.sandbox.faults.clear();
	}
	await xero.close();
});
