import { createHash, randomUUID } from 'crypto';

import type { XeroContext } from './context';

function executionIdOf(context: XeroContext): string {
	const id = 'getExecutionId' in context ? context.getExecutionId() : undefined;
	return id ? String(id) : randomUUID();
}

/**
 * Xero's Idempotency-Key for a write: the same execution, node, item and content always give the
 * same key, so a retry (ours after a lost answer, or n8n's "Retry On Fail") cannot create a second
 * document, while different items or executions never collide.
 */
export function idempotencyKey(context: XeroContext, ...parts: unknown[]): string {
	const hash = createHash('sha256');
	hash.update(executionIdOf(context));
	hash.update(`|${context.getNode().id}`);
	for (const part of parts) {
		hash.update('|');
		hash.update(Buffer.isBuffer(part) ? part : JSON.stringify(part ?? null));
	}
	return hash.digest('hex');
}
