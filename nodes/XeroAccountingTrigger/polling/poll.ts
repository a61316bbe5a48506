import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { resolveTenantId } from '../../shared/organisation';
import { xeroRequest } from '../../shared/transport';
import {
	changesConsumer,
	freshState,
	statusConsumer,
	type Consumer,
	type ConsumerState,
	type Emission,
	type Filters,
} from './consumers';
import { readChanges, versionOf, type Version } from './cursor';
import { CHANGE_EVENTS } from './description';
import { DOCUMENT_TYPES, type DocumentType, type StatusDocumentType } from './documentTypes';
import { handleOverdue, overdueFloor, readOverdue, type OverdueInvoice, type OverdueState } from './overdue';

const DAY_MS = 86_400_000;
/** With no backfill, the first poll still looks this far back, to learn what already exists. */
const PRIME_WINDOW_MS = 60 * 60 * 1000;
/** Documents per event in a manual test run. */
const SAMPLE_SIZE = 5;

interface Config {
	tenantId: string;
	consumers: Consumer[];
	overdueDays?: number;
	filters: Filters;
	backfillDays: number;
}

/** Static data of the node: per organisation, per event key, what each event keeps. */
interface TriggerStaticData extends IDataObject {
	organisations?: IDataObject;
}

interface OrganisationState {
	[key: string]: ConsumerState | OverdueState;
}

function csvIds(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((part) => part.trim().toLowerCase())
		.filter(Boolean);
}

async function readConfig(this: IPollFunctions): Promise<Config> {
	const events = this.getNodeParameter('events', []) as string[];
	if (!events.length) throw new NodeOperationError(this.getNode(), 'Choose at least one event');
	const filterValues = this.getNodeParameter('filters', {}) as IDataObject;
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const filters: Filters = {
		contactIds: new Set(csvIds(filterValues.contactIds)),
		statuses: new Set((filterValues.statuses as string[] | undefined) ?? []),
	};
	const newOnly = this.getNodeParameter('changes', 'all') === 'new';
	const consumers: Consumer[] = events
		.filter((event): event is DocumentType => (CHANGE_EVENTS as readonly string[]).includes(event))
		.map((type) => changesConsumer(type, newOnly, filters));
	if (events.includes('statusEntered')) {
		const type = this.getNodeParameter('statusDocumentType', 'purchaseOrder') as StatusDocumentType;
		const statuses = this.getNodeParameter(`${type}Statuses`, []) as string[];
		if (!statuses.length) {
			throw new NodeOperationError(this.getNode(), 'Choose the statuses to watch for "Document Entered a Status"');
		}
		consumers.push(statusConsumer(type, statuses, filters));
	}
	const tenantId = await resolveTenantId.call(this, this.getNodeParameter('tenantId', '', { extractValue: true }));
	return {
		tenantId,
		consumers,
		overdueDays: events.includes('invoiceOverdue') ? Number(this.getNodeParameter('overdueDays', 7)) : undefined,
		filters,
		backfillDays: Math.max(0, Number(options.backfillDays ?? 90)),
	};
}

function today(context: IPollFunctions): DateTime {
	return DateTime.now().setZone(context.getTimezone()).startOf('day');
}

function budgetDeadline(context: IPollFunctions): number {
	const budget = typeof context.getPollBudgetMs === 'function' ? context.getPollBudgetMs() : 5 * 60 * 1000;
	// Leave half of the budget for building the items and handing them to n8n.
	return Date.now() + budget / 2;
}

function changeItem(tenantId: string, consumer: Consumer, emission: Emission, backfill: boolean): INodeExecutionData {
	const isStatus = consumer.key.startsWith('status:');
	return {
		json: {
			event: isStatus ? 'statusEntered' : 'changed',
			documentType: consumer.type,
			change: emission.change,
			...(emission.status ? { status: emission.status } : {}),
			tenantId,
			...(backfill ? { backfill: true } : {}),
			...emission.version.document,
		},
	};
}

function overdueItem(tenantId: string, invoice: OverdueInvoice, backfill: boolean): INodeExecutionData {
	return {
		json: {
			event: 'invoiceOverdue',
			documentType: 'salesInvoice',
			change: 'updated',
			daysOverdue: invoice.daysOverdue,
			tenantId,
			...(backfill ? { backfill: true } : {}),
			...invoice.document,
		},
	};
}

/** Consumers grouped by the endpoint they read, so that sales invoices and bills share one call. */
function byEndpoint(consumers: Consumer[]): Consumer[][] {
	const groups = new Map<string, Consumer[]>();
	for (const consumer of consumers) {
		const path = DOCUMENT_TYPES[consumer.type].path;
		groups.set(path, [...(groups.get(path) ?? []), consumer]);
	}
	return [...groups.values()];
}

/**
 * One poll of an active workflow. Everything is read before anything is written: a poll that
 * fails halfway throws, emits nothing and leaves every cursor where it was.
 */
export async function pollChanges(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const config = await readConfig.call(this);
	if (this.getMode() === 'manual') return await sample.call(this, config);

	const staticData = this.getWorkflowStaticData('node') as TriggerStaticData;
	const organisations = (staticData.organisations ?? {}) as Record<string, OrganisationState>;
	const previous = organisations[config.tenantId] ?? {};
	const next: OrganisationState = {};
	const now = Date.now();
	const deadline = budgetDeadline(this);
	const prime = config.backfillDays === 0;
	const startMs = prime ? now - PRIME_WINDOW_MS : now - config.backfillDays * DAY_MS;
	const timeline: Array<{ ms: number; item: INodeExecutionData }> = [];

	for (const group of byEndpoint(config.consumers)) {
		const states = group.map((consumer) => (previous[consumer.key] as ConsumerState | undefined) ?? freshState(startMs));
		const types = [...new Set(group.map((consumer) => consumer.type))];
		const result = await readChanges.call(this, config.tenantId, {
			types,
			sinceMs: Math.min(...states.map((state) => Date.parse(state.since))),
			deadline,
		});
		group.forEach((consumer, index) => {
			const isNew = previous[consumer.key] === undefined;
			const versions = result.versions.filter((version) => version.type === consumer.type);
			const { state, emit } = consumer.handle(states[index], versions, isNew && prime, result.holdAtMs);
			next[consumer.key] = state;
			for (const emission of emit) {
				timeline.push({ ms: emission.version.ms, item: changeItem(config.tenantId, consumer, emission, isNew) });
			}
		});
	}

	const overdueItems: INodeExecutionData[] = [];
	if (config.overdueDays !== undefined) {
		const key = `overdue:${config.overdueDays}`;
		const isNew = previous[key] === undefined;
		const day = today(this);
		const state = (previous[key] as OverdueState | undefined) ?? {
			floor: overdueFloor(day, config.overdueDays, config.backfillDays),
			emitted: [],
		};
		const { invoices, complete } = await readOverdue.call(this, config.tenantId, {
			days: config.overdueDays,
			today: day,
			floor: state.floor,
			contactIds: [...config.filters.contactIds],
			deadline,
		});
		const handled = handleOverdue(state, invoices, complete, isNew && prime);
		next[key] = handled.state;
		overdueItems.push(...handled.emit.map((invoice) => overdueItem(config.tenantId, invoice, isNew)));
	}

	staticData.organisations = { ...organisations, [config.tenantId]: next };
	const items = [...timeline.sort((a, b) => a.ms - b.ms).map((entry) => entry.item), ...overdueItems];
	return items.length ? [items] : null;
}

/**
 * "Fetch Test Event" in the editor: a few recent documents per event, read without
 * If-Modified-Since, and no cursor touched.
 */
async function sample(this: IPollFunctions, config: Config): Promise<INodeExecutionData[][] | null> {
	const items: INodeExecutionData[] = [];
	for (const consumer of config.consumers) {
		const info = DOCUMENT_TYPES[consumer.type];
		const qs: IDataObject = { ...info.qs, order: 'UpdatedDateUTC DESC' };
		if (info.where) qs.where = info.where;
		if (info.paged) Object.assign(qs, { page: 1, pageSize: 100 });
		const body = await xeroRequest.call(this, config.tenantId, { path: info.path, qs });
		const versions: Version[] = ((body[info.property] as IDataObject[] | undefined) ?? [])
			.map((document) => versionOf(consumer.type, document))
			.sort((a, b) => b.ms - a.ms);
		// A blank state: every recent version counts as unseen (and as new to the trigger).
		const { emit } = consumer.handle(freshState(0), versions, false);
		items.push(...emit.slice(0, SAMPLE_SIZE).map((emission) => changeItem(config.tenantId, consumer, emission, false)));
	}
	if (config.overdueDays !== undefined) {
		const { invoices } = await readOverdue.call(this, config.tenantId, {
			days: config.overdueDays,
			today: today(this),
			contactIds: [...config.filters.contactIds],
			sample: SAMPLE_SIZE,
			deadline: budgetDeadline(this),
		});
		items.push(...invoices.map((invoice) => overdueItem(config.tenantId, invoice, false)));
	}
	return items.length ? [items] : null;
}
