import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { xeroBatchWrite } from '../../../shared/transport';
import { errorItem, outputFor, tenantFor, withItemIndex } from './execution';
import { simplify } from './simplify';
import { InputCheck } from './validate';

export interface BatchWriteOptions {
	method: 'PUT' | 'POST';
	path: string;
	property: string;
	/** Builds and checks the Xero document for one input item; throws a named error when invalid. */
	build: (check: InputCheck, tenantId: string) => Promise<IDataObject>;
	/** Singular noun for messages: "invoice", "contact". */
	noun: string;
}

/**
 * Creates or updates one Xero document per input item in Xero's batches (the fewest calls).
 * Every input is checked before anything is sent; each output item is paired with its input and
 * holds Xero's result or, under Continue On Fail, its error. Without Continue On Fail, documents
 * Xero accepted stay created and the node stops naming every item Xero refused, or, when a call
 * fails as a whole, sends nothing more and names the items already saved.
 */
export async function batchWrite(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	options: BatchWriteOptions,
): Promise<INodeExecutionData[]> {
	const outputs: INodeExecutionData[][] = items.map(() => []);
	const byTenant = new Map<string, Array<{ index: number; document: IDataObject }>>();
	const continueOnFail = this.continueOnFail();

	for (let i = 0; i < items.length; i++) {
		try {
			const tenantId = await tenantFor.call(this, i);
			const document = await options.build(new InputCheck(this.getNode(), i), tenantId);
			if (!byTenant.has(tenantId)) byTenant.set(tenantId, []);
			byTenant.get(tenantId)!.push({ index: i, document });
		} catch (error) {
			if (!continueOnFail) throw withItemIndex(this, error as Error, i);
			outputs[i] = [errorItem(error as Error, i)];
		}
	}

	const refused: string[] = [];
	const saved: number[] = [];
	let failedCall: { error: Error; index: number } | undefined;
	const simple = this.getNodeParameter('simplify', 0, true) as boolean;
	for (const [tenantId, entries] of byTenant) {
		if (failedCall && !continueOnFail) break;
		const results = await xeroBatchWrite.call(this, tenantId, {
			method: options.method,
			path: options.path,
			property: options.property,
			documents: entries.map((entry) => entry.document),
			// A call that fails fails its own items; what earlier calls saved is still known.
			onFailedCall: continueOnFail ? 'continue' : 'stop',
		});
		results.forEach((result, n) => {
			const i = entries[n].index;
			if (result.ok) {
				saved.push(i);
				outputs[i] = outputFor.call(this, (simple ? simplify(result.document) : result.document) as IDataObject, i);
				return;
			}
			if (result.error) {
				failedCall ??= { error: result.error, index: i };
				outputs[i] = [errorItem(result.error, i)];
				return;
			}
			const message = `Item ${i}: Xero refused the ${options.noun}: ${result.messages.join('; ')}`;
			refused.push(message);
			outputs[i] = [errorItem(new NodeOperationError(this.getNode(), message), i, { xeroValidationErrors: result.messages })];
		});
	}

	if (failedCall && !continueOnFail) throw callFailure(this, failedCall, saved, options.noun);
	if (refused.length && !continueOnFail) {
		const accepted = items.length - refused.length;
		throw new NodeOperationError(this.getNode(), refused[0], {
			description: `${refused.join('\n')}\n${accepted} other ${options.noun}(s) were saved in Xero.`,
			itemIndex: Number(/^Item (\d+)/.exec(refused[0])![1]),
		});
	}
	return outputs.flat();
}

/**
 * The error of a call that failed as a whole, naming the documents earlier calls saved: the user
 * must not run those items again, or they would be created twice.
 */
function callFailure(
	context: IExecuteFunctions,
	{ error, index }: { error: Error; index: number },
	saved: number[],
	noun: string,
): Error {
	const failure = withItemIndex(context, error, index) as Error & { description?: string | null };
	if (saved.length) {
		const note = `${saved.length} ${noun}(s) were saved in Xero before this failure (input items ${ranges([...saved].sort((a, b) => a - b))}): run only the other items again, or those will be created twice.`;
		failure.description = failure.description ? `${failure.description}\n${note}` : note;
	}
	return failure;
}

/** "0-49, 100-119" for a sorted list of indexes. */
function ranges(indexes: number[]): string {
	const parts: string[] = [];
	for (let n = 0; n < indexes.length; n++) {
		const first = indexes[n];
		while (n + 1 < indexes.length && indexes[n + 1] === indexes[n] + 1) n++;
		parts.push(first === indexes[n] ? `${first}` : `${first}-${indexes[n]}`);
	}
	return parts.join(', ');
}
