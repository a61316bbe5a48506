import type { Logger } from '@n8n/backend-common';
import { randomUUID } from 'crypto';
import { ErrorReporter } from 'n8n-core';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';

import { runWebhook } from '../harness';
import { CREDENTIAL_ID, startXero, type XeroFixture, type XeroRun } from '../helpers/xero';
import type { WebhookEvent, XeroContact } from '../sandbox';
import { Figures } from './figures';

// Failing operations must not leak the client secret, an access or refresh token, or the webhook
// key: not into node output (Continue On Fail items), not into errors (message, description,
// cause, anything reachable from the error object), not into the execution data n8n stores, and
// not into anything n8n's logger or error reporter receives (both replaced here by recorders,
// which also see the debug level that a silent test run would drop).

/** n8n-core carries its own copies of @n8n/di and @n8n/backend-common: use the ones it reads. */
function fromCore<T>(name: string): T {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(require.resolve(name, { paths: [require.resolve('n8n-core')] })) as T;
}
const { Container } = fromCore<typeof import('@n8n/di')>('@n8n/di');
const LoggerService = fromCore<typeof import('@n8n/backend-common')>('@n8n/backend-common').Logger;

const HOOK_CREDENTIAL = 'xero-webhook';
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

let xero: XeroFixture;
let customer: XeroContact;
const figures = new Figures('no secret leaks');

/** Everything n8n's logger and error reporter were handed during the run. */
const received: unknown[] = [];
const recorder = Object.fromEntries(
	['error', 'warn', 'info', 'debug'].map((level) => [level, (message: unknown, meta?: unknown) => received.push({ level, message, meta })]),
) as unknown as Logger;
(recorder as unknown as { scoped: () => Logger }).scoped = () => recorder;

/** Every secret issued during the run, whole and as distinctive fragments (a truncated token still leaks). */
const secrets = new Map<string, string>();
function remember(label: string, value: unknown, fragment = (secret: string) => secret.slice(0, 24)): void {
	if (typeof value !== 'string' || value.length < 16) return;
	secrets.set(value, label);
	secrets.set(fragment(value), `${label} (fragment)`);
}
function rememberTokens(data: IDataObject | undefined): void {
	// A JWT's header is the same for every token: its signature is what is secret.
	remember('access token', data?.access_token, (jwt) => jwt.split('.').pop()!.slice(0, 24));
	remember('refresh token', data?.refresh_token);
	remember('id token', data?.id_token, (jwt) => jwt.split('.').pop()!.slice(0, 24));
}

/** Paths under `value` where a secret appears; walks own properties, enumerable or not (errors hide theirs). */
function leaks(value: unknown, path = '$', seen = new Set<unknown>()): string[] {
	if (typeof value === 'string') {
		return [...secrets].filter(([secret]) => value.includes(secret)).map(([, label]) => `${path}: ${label}`);
	}
	if (Buffer.isBuffer(value)) return leaks(value.toString('latin1'), path, seen);
	if (value === null || typeof value !== 'object' || seen.has(value)) return [];
	seen.add(value);
	const found: string[] = [];
	for (const key of Object.getOwnPropertyNames(value)) {
		let child: unknown;
		try {
			child = (value as Record<string, unknown>)[key];
		} catch {
			continue;
		}
		found.push(...leaks(child, `${path}.${key}`, seen));
	}
	return found;
}

let scanned = 0;
function expectNoLeak(label: string, value: unknown): void {
	scanned++;
	expect({ label, leaks: leaks(value) }).toEqual({ label, leaks: [] });
}

function reconnect(): void {
	const tokens = xero.sandbox.issueTokens() as unknown as IDataObject;
	rememberTokens(tokens);
	const { data } = xero.credentials.get(CREDENTIAL_ID);
	xero.credentials.set(CREDENTIAL_ID, 'xeroAccountingOAuth2Api', { ...data, apiUrl: xero.sandbox.url, oauthTokenData: tokens });
}

beforeAll(async () => {
	Container.set(LoggerService, recorder);
	LoggerProxy.init(recorder);
	// The reporter logs each error of the chain through the recorder; the objects it was handed are
	// kept too, and checked whole: stricter than what its log lines or Sentry would carry.
	const reporter = Container.get(ErrorReporter);
	const report = reporter.error.bind(reporter);
	jest.spyOn(reporter, 'error').mockImplementation((error, options) => {
		received.push({ reported: error, options });
		report(error, options);
	});
	xero = await startXero({ size: 5 });
	remember('client secret', xero.sandbox.client.clientSecret);
	// The end of "Basic base64(id:secret)" encodes the secret.
	remember('basic authorisation', Buffer.from(`${xero.sandbox.client.clientId}:${xero.sandbox.client.clientSecret}`).toString('base64'), (basic) => basic.slice(-24));
	remember('webhook key', xero.sandbox.webhooks.signingKey);
	rememberTokens(xero.credentials.get(CREDENTIAL_ID).data.oauthTokenData as IDataObject);
	xero.credentials.set(HOOK_CREDENTIAL, 'xeroAccountingWebhookApi', { signingSecret: xero.sandbox.webhooks.signingKey });
	customer = xero.sandbox.store.create(xero.tenantId, 'Contacts', { Name: 'Secrets Customer' }) as unknown as XeroContact;
});

beforeEach(() => {
	xero.sandbox.faults.clear();
	reconnect();
});

afterAll(async () => {
	await xero.close();
	jest.restoreAllMocks();
	for (const update of xero.credentials.tokenUpdates) rememberTokens(update.oauthTokenData);
	figures.set('secrets and fragments watched', secrets.size);
	figures.set('logger and error-reporter records scanned', received.length);
	expectNoLeak('everything n8n logged or reported', received);
	figures.set('objects scanned', scanned);
	figures.print();
	expect(xero.sandbox.specViolations).toEqual([]);
});

interface Scenario {
	name: string;
	parameters: IDataObject;
	input?: IDataObject[];
	/** Arms the fault; runs before each of the two runs. */
	arrange?: () => void;
	/** What the error must say, so the scenario is known to fail the intended way. */
	message: RegExp;
}

const contacts = { resource: 'contact', operation: 'getAll', returnAll: false, limit: 2 };

const scenarios: Scenario[] = [
	{
		name: 'a revoked connection (refresh refused with invalid_grant)',
		parameters: contacts,
		arrange: () => {
			xero.sandbox.tokens.expireAccessTokens();
			xero.sandbox.tokens.revokeRefreshTokens();
		},
		message: /needs to be reconnected/,
	},
	{
		name: 'a token Xero refuses even after a refresh (401)',
		parameters: contacts,
		arrange: () => xero.sandbox.faults.add({ path: '/Contacts', times: 2, action: { kind: 'status', status: 401 } }),
		message: /Xero refused the access token: reconnect/,
	},
	{
		name: 'the token endpoint refusing the client during a refresh (invalid_client)',
		parameters: contacts,
		arrange: () => {
			xero.sandbox.tokens.expireAccessTokens();
			xero.sandbox.faults.add({ method: 'POST', path: '/connect/token', action: { kind: 'status', status: 401, body: { error: 'invalid_client' } } });
		},
		message: /Client authentication failed/,
	},
	{
		name: 'an organisation the credential cannot reach (403)',
		parameters: { ...contacts, tenantId: randomUUID() },
		message: /Xero denied access/,
	},
	{
		name: 'a document that does not exist (404)',
		parameters: { resource: 'contact', operation: 'get', contactId: byId(randomUUID()) },
		message: /Xero found nothing at \/Contacts\/[0-9a-f-]{36}: check the ID/,
	},
	{
		name: "Xero's validation errors on a whole batch (400)",
		parameters: { resource: 'contact', operation: 'create', name: 'Broken Email Ltd' },
		arrange: () =>
			xero.sandbox.faults.add({
				method: 'PUT',
				path: '/Contacts',
				action: {
					kind: 'status',
					status: 400,
					body: {
						ErrorNumber: 10,
						Type: 'ValidationException',
						Message: 'A validation exception occurred',
						Elements: [{ ValidationErrors: [{ Message: 'Email address must be valid.' }] }],
					},
				},
			}),
		message: /Email address must be valid/,
	},
	{
		name: "Xero refusing one document of a batch",
		parameters: {
			resource: 'salesInvoice',
			operation: 'create',
			contactId: byId(randomUUID()),
			lineItems: { line: [{ Description: 'Rye', Quantity: 1, UnitAmount: 4 }] },
		},
		message: /Xero refused the sales invoice/,
	},
	{
		name: 'invalid input refused before sending',
		parameters: { resource: 'salesInvoice', operation: 'create', contactId: byId('={{ "nobody" }}') },
		message: /must be a Xero ID/,
	},
	{
		name: "Xero's daily limit used up (429)",
		parameters: contacts,
		arrange: () =>
			xero.sandbox.faults.add({ path: '/Contacts', action: { kind: 'status', status: 429, retryAfter: 7200, headers: { 'x-rate-limit-problem': 'day' } } }),
		message: /daily limit/,
	},
	{
		name: 'an API host that does not resolve (network error)',
		parameters: contacts,
		arrange: () => {
			const { data } = xero.credentials.get(CREDENTIAL_ID);
			xero.credentials.set(CREDENTIAL_ID, 'xeroAccountingOAuth2Api', { ...data, apiUrl: 'http://api.xero-sandbox.invalid' });
		},
		message: /^The connection cannot be established/,
	},
];

describe('failing operations leak no secret', () => {
	test.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('%s', async (_name, scenario) => {
		const outcomes: Array<[string, XeroRun]> = [];
		for (const continueOnFail of [false, true]) {
			reconnect();
			scenario.arrange?.();
			const run = await xero.run(scenario.parameters, scenario.input, continueOnFail ? { node: { onError: 'continueRegularOutput' } } : {});
			outcomes.push([continueOnFail ? 'continue on fail' : 'stop', run]);
			xero.sandbox.faults.clear();
		}
		const [[, stopped], [, continued]] = outcomes;
		expect(stopped.error?.message).toMatch(scenario.message);
		expect(stopped.items).toEqual([]);
		expect(continued.error).toBeUndefined();
		expect(continued.items[0].json.error).toEqual(expect.any(String));
		for (const [mode, run] of outcomes) {
			for (const update of xero.credentials.tokenUpdates) rememberTokens(update.oauthTokenData);
			expectNoLeak(`${mode}: error`, run.error);
			expectNoLeak(`${mode}: output`, run.items);
			expectNoLeak(`${mode}: execution data`, run.run.run);
		}
		figures.add('failing scenarios (each run stopping and under Continue On Fail)');
	});
});

describe('the webhook trigger leaks no secret', () => {
	const event = (resourceId: string): WebhookEvent => ({
		resourceUrl: `${xero.sandbox.url}/api.xro/2.0/Contacts/${resourceId}`,
		resourceId,
		eventDateUtc: new Date().toISOString().slice(0, 23),
		eventType: 'UPDATE',
		eventCategory: 'CONTACT',
		tenantId: xero.tenantId,
		tenantType: 'ORGANISATION',
	});
	const deliver = async (body: string, signature: string | undefined, parameters: IDataObject = {}) =>
		await runWebhook({
			node: {
				name: 'Xero Webhook',
				type: 'xeroAccountingWebhookTrigger',
				credentials: { ...xero.credentials.ref(HOOK_CREDENTIAL), ...xero.credentials.ref(CREDENTIAL_ID) },
				parameters: parameters as INodeParameters,
			},
			credentials: xero.credentials,
			staticData: {},
			request: { headers: { 'content-type': 'application/json', ...(signature ? { 'x-xero-signature': signature } : {}) }, rawBody: Buffer.from(body) },
		});

	it('refusing forged, missing and truncated signatures', async () => {
		const body = JSON.stringify(xero.sandbox.webhooks.payload([event(customer.ContactID)]));
		const signature = xero.sandbox.webhooks.sign(body, xero.sandbox.webhooks.signingKey);
		for (const given of [xero.sandbox.webhooks.sign(body, 'not-the-key-but-long-enough-to-look-real'), undefined, signature.slice(0, 10)]) {
			const result = await deliver(body, given);
			expect(result.status).toBe(401);
			expectNoLeak('webhook reply', result);
		}
	});

	it('fetching the document with a revoked connection', async () => {
		xero.sandbox.tokens.expireAccessTokens();
		xero.sandbox.tokens.revokeRefreshTokens();
		const body = JSON.stringify(xero.sandbox.webhooks.payload([event(customer.ContactID)]));
		const result = await deliver(body, xero.sandbox.webhooks.sign(body, xero.sandbox.webhooks.signingKey), { fetchDocument: true, authentication: 'oAuth2' });
		expect(result.status).toBe(200);
		const [item] = result.workflowData![0];
		expect(item.json.fetchError).toMatch(/reconnect/);
		expectNoLeak('webhook items', result);
	});
});
