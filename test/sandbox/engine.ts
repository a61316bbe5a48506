import type { OrganisationData } from './store';
import type { Json } from './types';

export type EventCategory = 'INVOICE' | 'CONTACT' | 'CREDITNOTE';
export type EventType = 'CREATE' | 'UPDATE';

export interface ChangeEvent {
	org: OrganisationData;
	category: EventCategory;
	resourceId: string;
	eventType: EventType;
	at: number;
	data?: Json;
}

/** What resource logic needs from the running sandbox. */
export interface Engine {
	/** The sandbox clock (real clock plus the configured skew). */
	now(): number;
	readonly baseUrl: string;
	org(tenantId: string): OrganisationData | undefined;
	/** A change Xero would announce by webhook. */
	emit(event: Omit<ChangeEvent, 'at'>): void;
}

/** A validation failure that rejects a whole request with Xero's 400 shape. */
export class XeroValidationError extends Error {
	constructor(
		message: string,
		readonly elements: Json[] = [],
		readonly errorNumber = 10,
		readonly type = 'ValidationException',
	) {
		super(message);
	}
}

export class XeroNotFound extends Error {
	constructor() {
		super("The resource you're looking for cannot be found");
	}
}
