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
 * Xero accepted stay created and the node stops naming every item Xero refused.
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
	const simple = this.getNodeParameter('simplify', 0, true) as boolean;
	for (const [tenantId, entries] of byTenant) {
		const results = await xeroBatchWrite.call(this, tenantId, {
			method: options.method,
			path: options.path,
			property: options.property,
			documents: entries.map((entry) => entry.document),
			// Under Continue On Fail a failed call fails its items only, not the documents already saved.
			continueAfterFailedBatch: continueOnFail,
		});
		results.forEach((result, n) => {
			const i = entries[n].index;
			if (result.ok) {
				outputs[i] = outputFor.call(this, (simple ? simplify(result.document) : result.document) as IDataObject, i);
				return;
			}
			if (result.error) {
				const { json } = errorItem(result.error, i);
				outputs[i] = [{ json: { ...json, error: `Item ${i}: ${result.error.message}`, itemIndex: i }, pairedItem: { item: i } }];
				return;
			}
			const message = `Item ${i}: Xero refused the ${options.noun}: ${result.messages.join('; ')}`;
			refused.push(message);
			outputs[i] = [
				{
					json: { error: message, itemIndex: i, xeroValidationErrors: result.messages },
					pairedItem: { item: i },
				},
			];
		});
	}

	if (refused.length && !continueOnFail) {
		const accepted = items.length - refused.length;
		throw new NodeOperationError(this.getNode(), refused[0], {
			description: `${refused.join('\n')}\n${accepted} other ${options.noun}(s) were saved in Xero.`,
			itemIndex: Number(/^Item (\d+)/.exec(refused[0])![1]),
		});
	}
	return outputs.flat();
}
