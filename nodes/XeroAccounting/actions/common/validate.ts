import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseInputDate, toXeroDate } from '../../../shared/transport';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Xero's own limit for descriptions is 4,000 characters. */
export const MAX_TEXT = 4000;

/**
 * Checks input before anything is sent to Xero, so a mistake is reported with the item and the
 * field, in words a no-code user can act on.
 */
export class InputCheck {
	constructor(
		private readonly node: INode,
		readonly itemIndex: number,
	) {}

	fail(field: string, problem: string): never {
		throw new NodeOperationError(this.node, `Item ${this.itemIndex}: "${field}" ${problem}`, {
			itemIndex: this.itemIndex,
			description: `Fix "${field}" in input item ${this.itemIndex}; nothing was sent to Xero for this item.`,
		});
	}

	text(field: string, value: unknown, { required = false, max = MAX_TEXT } = {}): string | undefined {
		if (value === undefined || value === null || value === '') {
			if (required) this.fail(field, 'is required but empty');
			return undefined;
		}
		if (typeof value !== 'string' && typeof value !== 'number') this.fail(field, `must be text, got ${typeOf(value)}`);
		const text = String(value);
		// Control characters other than tab and line breaks are refused by Xero's XML back end.
		// eslint-disable-next-line no-control-regex
		if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text)) this.fail(field, 'contains control characters');
		if (text.length > max) this.fail(field, `is ${text.length} characters long; Xero accepts at most ${max}`);
		return text;
	}

	number(field: string, value: unknown, { required = false } = {}): number | undefined {
		if (value === undefined || value === null || value === '') {
			if (required) this.fail(field, 'is required but empty');
			return undefined;
		}
		const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
		if (!Number.isFinite(number)) this.fail(field, `must be a number, got ${JSON.stringify(value)}`);
		return number;
	}

	guid(field: string, value: unknown, { required = false } = {}): string | undefined {
		const text = this.text(field, value, { required });
		if (text !== undefined && !GUID.test(text.trim())) this.fail(field, `must be a Xero ID (a GUID), got "${text}"`);
		return text?.trim();
	}

	date(field: string, value: unknown, { required = false } = {}): string | undefined {
		if (value === undefined || value === null || value === '') {
			if (required) this.fail(field, 'is required but empty');
			return undefined;
		}
		const date = parseInputDate(value);
		if (!date) this.fail(field, `must be a date such as 2026-01-31, got ${JSON.stringify(value)}`);
		return toXeroDate(date);
	}
}

function typeOf(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	return value === null ? 'null' : `a ${typeof value}`;
}

export function isGuid(value: string): boolean {
	return GUID.test(value);
}
