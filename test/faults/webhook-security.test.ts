import { createHmac } from 'crypto';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWebhook, type WebhookResult } from '../harness';
import { CREDENTIAL_ID, startXero, type XeroFixture } from '../helpers/xero';
import type { WebhookEvent, XeroContact } from '../sandbox';
import { Figures } from './figures';

// The webhook trigger as an attacker meets it: only a delivery signed with the app's webhook key,
// over the exact bytes received, starts anything; everything else gets 401 (or 400/413 once
// signed) with an empty body, costs no call to Xero and leaves the replay memory untouched.

const HOOK_CREDENTIAL = 'xero-webhook';

let xero: XeroFixture;
let customer: XeroContact;
const figures = new Figures('webhook security');

const key = () => xero.sandbox.webhooks.signingKey;
const hmac = (body: string | Buffer, secret = key(), algorithm = 'sha256') => createHmac(algorithm, secret).update(body);
const sign = (body: string | Buffer, secret = key()) => hmac(body, secret).digest('base64');

function event(resourceId: string, eventDateUtc = new Date().toISOString().slice(0, 23)): WebhookEvent {
	return {
		resourceUrl: `${xero.sandbox.url}/api.xro/2.0/Contacts/${resourceId}`,
		resourceId,
		eventDateUtc,
		eventType: 'UPDATE',
		eventCategory: 'CONTACT',
		tenantId: xero.tenantId,
		tenantType: 'ORGANISATION',
	};
}

const payload = (events: WebhookEvent[]) => xero.sandbox.webhooks.payload(events);

interface Delivery {
	raw: string | Buffer;
	/** The x-xero-signature header; null sends none. Default: the right one for `raw`. */
	signature?: string | null;
	/** What n8n's body parser handed the node, if not `raw` parsed. */
	parsed?: unknown;
	parameters?: IDataObject;
	staticData?: IDataObject;
}

async function deliver({ raw, signature, parsed, parameters = {}, staticData = {} }: Delivery): Promise<WebhookResult> {
	const rawBody = Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'utf8');
	const header = signature === undefined ? sign(rawBody) : signature;
	return await runWebhook({
		node: {
			name: 'Xero Webhook',
			type: 'xeroAccountingWebhookTrigger',
			credentials: { ...xero.credentials.ref(HOOK_CREDENTIAL), ...xero.credentials.ref(CREDENTIAL_ID) },
			parameters: parameters as INodeParameters,
		},
		credentials: xero.credentials,
		staticData,
		request: {
			headers: { 'content-type': 'application/json', ...(header === null ? {} : { 'x-xero-signature': header }) },
			rawBody,
			...(parsed === undefined ? {} : { body: parsed }),
		},
	});
}

const items = (result: WebhookResult) => (result.workflowData?.[0] ?? []).map((item) => item.json);
const replies = (result: WebhookResult) => ({ status: result.status, body: result.body ?? '', started: result.workflowData !== undefined });

beforeAll(async () => {
	xero = await startXero({ size: 5 });
	xero.credentials.set(HOOK_CREDENTIAL, 'xeroAccountingWebhookApi', { signingSecret: key() });
	customer = xero.sandbox.store.create(xero.tenantId, 'Contacts', { Name: 'Webhook Security Customer' }) as unknown as XeroContact;
});

beforeEach(() => xero.sandbox.clearLog());

afterAll(async () => {
	await xero.close();
	figures.print();
	expect(xero.sandbox.specViolations).toEqual([]);
});

describe('signature', () => {
	const body = () => JSON.stringify(payload([event(customer.ContactID)]));
	const forgeries: Array<[string, (raw: string) => string | null]> = [
		['signed with another key', (raw) => sign(raw, Buffer.alloc(48, 9).toString('base64'))],
		['signed with the client secret', (raw) => sign(raw, xero.sandbox.client.clientSecret)],
		['no signature', () => null],
		['an empty signature', () => ''],
		['a truncated signature', (raw) => sign(raw).slice(0, -2)],
		['a signature with a character more', (raw) => `${sign(raw)}A`],
		['the signature in hex', (raw) => hmac(raw).digest('hex')],
		['the signature in base64url', (raw) => hmac(raw).digest('base64url')],
		['the signature with its case flipped', (raw) => sign(raw).replace(/[a-z]/gi, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()))],
		['an HMAC-SHA1 signature', (raw) => hmac(raw, key(), 'sha1').digest('base64')],
		['the signature of an empty body', () => sign('')],
		['the bare key as a signature', () => key()],
	];

	test.each(forgeries)('%s: 401, empty body, nothing started, no call to Xero, replay memory untouched', async (_name, signatureOf) => {
		const raw = body();
		const staticData: IDataObject = {};
		const result = await deliver({ raw, signature: signatureOf(raw), parameters: { fetchDocument: true, authentication: 'oAuth2' }, staticData });
		expect(replies(result)).toEqual({ status: 401, body: '', started: false });
		expect(xero.sandbox.log).toEqual([]);
		expect(staticData).toEqual({});
		figures.add('forged deliveries refused');
	});

	it('the right signature: 200 with an empty body, and the workflow starts', async () => {
		const result = await deliver({ raw: body() });
		expect(replies(result)).toEqual({ status: 200, body: '', started: true });
		expect(items(result)).toEqual([expect.objectContaining({ resourceId: customer.ContactID, eventCategory: 'CONTACT' })]);
	});

	it('a forged copy of a real event does not make the real one look like a replay', async () => {
		const staticData: IDataObject = {};
		const raw = JSON.stringify(payload([event(customer.ContactID, '2031-05-05T05:05:05.555')]));
		expect(replies(await deliver({ raw, signature: sign(raw, 'attacker'), staticData })).status).toBe(401);
		expect(items(await deliver({ raw, staticData }))).toHaveLength(1);
	});
});

describe('the signature covers the raw bytes', () => {
	it('a body signed as sent, whatever its whitespace, passes; the same JSON re-serialised fails', async () => {
		const data = payload([event(customer.ContactID)]);
		const pretty = JSON.stringify(data, null, 2);
		const signature = sign(pretty);
		expect(replies(await deliver({ raw: pretty, signature }))).toEqual({ status: 200, body: '', started: true });
		for (const reserialised of [JSON.stringify(data), JSON.stringify(data, null, 4), `${pretty}\n`, pretty.replace(/\n/g, '\r\n')]) {
			expect(replies(await deliver({ raw: reserialised, signature }))).toEqual({ status: 401, body: '', started: false });
		}
	});

	it('escaped and literal unicode are different bytes', async () => {
		const data = payload([{ ...event(customer.ContactID), data: { Name: 'Crème brûlée — 東京' } } as WebhookEvent]);
		const literal = JSON.stringify(data);
		const escaped = literal.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
		expect(JSON.parse(escaped)).toEqual(JSON.parse(literal));
		expect(replies(await deliver({ raw: escaped, signature: sign(literal) })).status).toBe(401);
		const result = await deliver({ raw: escaped });
		expect(result.status).toBe(200);
		expect(items(result)[0].eventData).toEqual({ Name: 'Crème brûlée — 東京' });
	});

	it('the events come from the signed bytes, never from what a body parser made of them', async () => {
		const raw = JSON.stringify(payload([event(customer.ContactID)]));
		const injected = payload([event('00000000-0000-4000-8000-00000000dead'), event('00000000-0000-4000-8000-00000000beef')]);
		const result = await deliver({ raw, parsed: injected });
		expect(result.status).toBe(200);
		expect(items(result).map((item) => item.resourceId)).toEqual([customer.ContactID]);
	});
});

describe('bodies that are not a Xero delivery', () => {
	const signedMalformed: Array<[string, string | Buffer]> = [
		['not JSON', '{"events": ['],
		['JSON null', 'null'],
		['a JSON string', '"events"'],
		['events that are not a list', '{"events": {"resourceId": "x"}}'],
		['an event that is null', '{"events": [null]}'],
		['an event missing its fields', '{"events": [{"resourceId": "1"}]}'],
		['an event with a number for its ID', '{"events": [{"resourceId": 1, "eventCategory": "CONTACT", "eventType": "UPDATE", "tenantId": "t"}]}'],
		['binary garbage', Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x80, 0x81])],
		['deeply nested JSON', `{"events": ${'['.repeat(5000)}${']'.repeat(5000)}}`],
	];

	test.each(signedMalformed)('signed %s: 400 without starting anything', async (_name, raw) => {
		const result = await deliver({ raw, parsed: {} });
		expect(replies(result)).toEqual({ status: 400, body: '', started: false });
		expect(xero.sandbox.log).toEqual([]);
	});

	it('unsigned malformed bodies get 401: nothing is parsed before the signature is checked', async () => {
		for (const [, raw] of signedMalformed) expect((await deliver({ raw, signature: null, parsed: {} })).status).toBe(401);
	});

	it('a body over 1 MB is refused with 413, signed or not, without reading it as JSON', async () => {
		const huge = Buffer.concat([Buffer.from('{"events": [], "pad": "'), Buffer.alloc(1024 * 1024, 0x61), Buffer.from('"}')]);
		for (const signature of [undefined, null, 'forged']) {
			expect(replies(await deliver({ raw: huge, signature, parsed: {} }))).toEqual({ status: 413, body: '', started: false });
		}
		const justUnder = Buffer.concat([Buffer.from('{"events": [], "pad": "'), Buffer.alloc(1024 * 1024 - 40, 0x61), Buffer.from('"}')]);
		expect(replies(await deliver({ raw: justUnder, parsed: {} }))).toEqual({ status: 200, body: '', started: false });
	});
});

describe('replays', () => {
	it('with Drop Replays on, a delivery sent again starts nothing, also inside one delivery', async () => {
		const staticData: IDataObject = {};
		const one = event(customer.ContactID, '2032-01-01T00:00:00.000');
		const first = JSON.stringify(payload([one, one]));
		expect(items(await deliver({ raw: first, staticData }))).toHaveLength(1);
		// Xero resends the event in a new delivery (new sequence numbers and entropy).
		const resent = JSON.stringify(payload([one]));
		expect(replies(await deliver({ raw: resent, staticData }))).toEqual({ status: 200, body: '', started: false });
		const later = event(customer.ContactID, '2032-01-01T00:00:01.000');
		expect(items(await deliver({ raw: JSON.stringify(payload([one, later])), staticData })).map((item) => item.eventDateUtc)).toEqual([
			later.eventDateUtc,
		]);
	});

	it('with Drop Replays off, every delivery starts the workflow', async () => {
		const staticData: IDataObject = {};
		const raw = JSON.stringify(payload([event(customer.ContactID, '2033-01-01T00:00:00.000')]));
		for (let n = 0; n < 2; n++) {
			expect(items(await deliver({ raw, staticData, parameters: { options: { dropReplays: false } } }))).toHaveLength(1);
		}
	});

	it('remembers the last 1,000 events: an older one comes through again (the documented limit)', async () => {
		const staticData: IDataObject = {};
		const oldest = event(customer.ContactID, '2034-01-01T00:00:00.000');
		await deliver({ raw: JSON.stringify(payload([oldest])), staticData });
		const others = Array.from({ length: 1000 }, (_, n) => event(customer.ContactID, new Date(Date.UTC(2034, 1, 1, 0, 0, n)).toISOString().slice(0, 23)));
		expect(items(await deliver({ raw: JSON.stringify(payload(others)), staticData }))).toHaveLength(1000);
		expect(items(await deliver({ raw: JSON.stringify(payload([others[999]])), staticData }))).toHaveLength(0);
		expect(items(await deliver({ raw: JSON.stringify(payload([oldest])), staticData }))).toHaveLength(1);
	});
});
