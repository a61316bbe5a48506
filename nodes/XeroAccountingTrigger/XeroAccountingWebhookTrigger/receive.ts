import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { xeroRequest } from '../../shared/transport';
import { WEBHOOK_CREDENTIAL } from './description';
import { isValidSignature } from './signature';

/** Xero's deliveries are a few kilobytes; anything far larger is not Xero. */
const MAX_BODY_BYTES = 1024 * 1024;
/** Events remembered to drop replays. */
const REPLAY_MEMORY = 1000;

interface XeroEvent extends IDataObject {
	resourceUrl: string;
	resourceId: string;
	eventDateUtc: string;
	eventType: string;
	eventCategory: string;
	tenantId: string;
}

const ENDPOINTS: Record<string, { path: string; property: string }> = {
	CONTACT: { path: '/Contacts', property: 'Contacts' },
	INVOICE: { path: '/Invoices', property: 'Invoices' },
	CREDITNOTE: { path: '/CreditNotes', property: 'CreditNotes' },
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Answers Xero right away, with an empty body: Xero wants a reply within 5 seconds. */
function reply(context: IWebhookFunctions, status: number): void {
	context.getResponseObject().status(status).end();
}

async function rawBodyOf(context: IWebhookFunctions): Promise<Buffer | undefined> {
	const request = context.getRequestObject() as ReturnType<IWebhookFunctions['getRequestObject']> & {
		rawBody?: Buffer;
		readRawBody?: () => Promise<void>;
	};
	if (!request.rawBody && typeof request.readRawBody === 'function') await request.readRawBody();
	return Buffer.isBuffer(request.rawBody) ? request.rawBody : undefined;
}

function parseEvents(rawBody: Buffer): XeroEvent[] | undefined {
	let payload: unknown;
	try {
		payload = JSON.parse(rawBody.toString('utf8'));
	} catch {
		return undefined;
	}
	const events = (payload as IDataObject | null)?.events;
	if (!Array.isArray(events)) return undefined;
	const valid = events.every(
		(event: IDataObject) =>
			typeof event === 'object' &&
			event !== null &&
			typeof event.resourceId === 'string' &&
			typeof event.eventCategory === 'string' &&
			typeof event.eventType === 'string' &&
			typeof event.tenantId === 'string',
	);
	return valid ? (events as XeroEvent[]) : undefined;
}

function csv(value: unknown): Set<string> {
	return new Set(
		String(value ?? '')
			.split(',')
			.map((part) => part.trim().toLowerCase())
			.filter(Boolean),
	);
}

function replayKey(event: XeroEvent): string {
	return [event.tenantId, event.eventCategory, event.eventType, event.resourceId, event.eventDateUtc]
		.join('|')
		.toLowerCase();
}

/** Keeps only events not seen before, and remembers them (bounded, oldest forgotten first). */
function dropReplays(context: IWebhookFunctions, events: XeroEvent[]): XeroEvent[] {
	const staticData = context.getWorkflowStaticData('node');
	const seen = new Set((staticData.receivedEvents as string[] | undefined) ?? []);
	const order = [...seen];
	const fresh: XeroEvent[] = [];
	for (const event of events) {
		const key = replayKey(event);
		if (seen.has(key)) continue;
		seen.add(key);
		order.push(key);
		fresh.push(event);
	}
	staticData.receivedEvents = order.slice(Math.max(0, order.length - REPLAY_MEMORY));
	return fresh;
}

function documentTypeOf(event: XeroEvent, document?: IDataObject): string {
	if (event.eventCategory === 'CONTACT') return 'contact';
	if (event.eventCategory === 'CREDITNOTE') return 'creditNote';
	const type = document?.Type;
	return type === 'ACCREC' ? 'salesInvoice' : type === 'ACCPAY' ? 'bill' : 'invoice';
}

async function fetchDocument(context: IWebhookFunctions, event: XeroEvent): Promise<IDataObject> {
	const endpoint = ENDPOINTS[event.eventCategory];
	if (!GUID.test(event.resourceId)) return { fetchError: `Not a Xero ID: ${event.resourceId}` };
	try {
		const body = await xeroRequest.call(context, event.tenantId, { path: `${endpoint.path}/${event.resourceId}` });
		const document = ((body[endpoint.property] as IDataObject[] | undefined) ?? [])[0];
		return document ?? { fetchError: 'Xero returned no document' };
	} catch (error) {
		// The delivery is already acknowledged: the workflow gets the event and the reason.
		return { fetchError: (error as Error).message };
	}
}

function toItem(event: XeroEvent, document: IDataObject | undefined): INodeExecutionData {
	const { data, ...fields } = event;
	return {
		json: {
			event: 'changed',
			documentType: documentTypeOf(event, document),
			change: event.eventType === 'CREATE' ? 'created' : 'updated',
			tenantId: event.tenantId,
			eventCategory: fields.eventCategory,
			eventType: fields.eventType,
			eventDateUtc: fields.eventDateUtc,
			resourceId: fields.resourceId,
			resourceUrl: fields.resourceUrl,
			...(data !== undefined ? { eventData: data } : {}),
			...(document ?? {}),
		},
	};
}

/**
 * One delivery from Xero. The signature is checked first, on the raw bytes; Xero gets its
 * answer (401, or 200 with an empty body) before any other work, and the workflow starts only
 * for signed deliveries with events that pass the filters.
 */
export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const ignore: IWebhookResponseData = { noWebhookResponse: true };
	const rawBody = await rawBodyOf(this);
	if (rawBody && rawBody.length > MAX_BODY_BYTES) {
		reply(this, 413);
		return ignore;
	}
	const credentials = await this.getCredentials(WEBHOOK_CREDENTIAL);
	const key = String(credentials.signingSecret ?? '');
	if (!rawBody || !isValidSignature(rawBody, this.getHeaderData()['x-xero-signature'], key)) {
		reply(this, 401);
		return ignore;
	}
	const events = parseEvents(rawBody);
	if (!events) {
		reply(this, 400);
		return ignore;
	}
	// Signed: acknowledge now, whatever follows (an empty list is Intent to Receive).
	reply(this, 200);
	if (events.length === 0) return ignore;

	const categories = new Set(this.getNodeParameter('eventCategories', []) as string[]);
	const types = new Set(this.getNodeParameter('eventTypes', []) as string[]);
	const tenants = csv(this.getNodeParameter('tenantIds', ''));
	const options = this.getNodeParameter('options', {}) as IDataObject;
	let wanted = events.filter(
		(event) =>
			ENDPOINTS[event.eventCategory] !== undefined &&
			categories.has(event.eventCategory) &&
			types.has(event.eventType) &&
			(tenants.size === 0 || tenants.has(event.tenantId.toLowerCase())),
	);
	if (options.dropReplays !== false) wanted = dropReplays(this, wanted);
	if (wanted.length === 0) return ignore;

	const fetch = this.getNodeParameter('fetchDocument', false) as boolean;
	// A delivery may name one document several times (created, then updated): fetch it once.
	const fetched = new Map<string, IDataObject>();
	const items: INodeExecutionData[] = [];
	for (const event of wanted) {
		let document: IDataObject | undefined;
		if (fetch) {
			const key = `${event.tenantId}|${event.eventCategory}|${event.resourceId}`.toLowerCase();
			document = fetched.get(key) ?? (await fetchDocument(this, event));
			fetched.set(key, document);
		}
		items.push(toItem(event, document));
	}
	return { ...ignore, workflowData: [items] };
}
