import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { resolveTenantId } from '../../../shared/organisation';
import { InputCheck } from './validate';

/**
 * The organisation for one input item (the parameter may be an expression). An expression can
 * yield a name where the ID belongs: Xero would answer that with a 403 blaming the scopes.
 */
export async function tenantFor(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	const raw = this.getNodeParameter('tenantId', itemIndex, '', { extractValue: true });
	const tenantId = await resolveTenantId.call(this, raw, itemIndex);
	return new InputCheck(this.getNode(), itemIndex).guid('Organisation', tenantId, { required: true })!;
}

/** The ID of the record an input item picks with a locator parameter; `label` names it in errors. */
export function pickedId(this: IExecuteFunctions, check: InputCheck, parameter: string, label: string): string {
	return check.guid(label, this.getNodeParameter(parameter, check.itemIndex, '', { extractValue: true }), { required: true })!;
}

/**
 * One output item carrying a failed input's error, for Continue On Fail. Its JSON holds only
 * `error` and `details`: the shape n8n sends to the node's error output when the workflow has one.
 */
export function errorItem(error: Error, itemIndex: number, details: IDataObject = {}): INodeExecutionData {
	const description = (error as { description?: string }).description;
	const prefix = `Item ${itemIndex}: `;
	return {
		json: {
			error: error.message.startsWith(prefix) ? error.message : prefix + error.message,
			details: { itemIndex, ...(description ? { description } : {}), ...details },
		},
		pairedItem: { item: itemIndex },
	};
}

/** Output items for one input item's result, paired to that input. */
export function outputFor(
	this: IExecuteFunctions,
	result: IDataObject | IDataObject[],
	itemIndex: number,
): INodeExecutionData[] {
	return this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
		itemData: { item: itemIndex },
	});
}

/**
 * Runs an operation item by item: each result is paired with its input; a failure becomes an
 * error item under Continue On Fail, otherwise stops the node naming the item.
 */
export async function runPerItem(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	operation: (itemIndex: number) => Promise<IDataObject | IDataObject[] | INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	const returnData: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const result = await operation(i);
			if (isExecutionData(result)) returnData.push(...result.map((item) => ({ ...item, pairedItem: { item: i } })));
			else returnData.push(...outputFor.call(this, result, i));
		} catch (error) {
			if (this.continueOnFail()) {
				returnData.push(errorItem(error as Error, i));
				continue;
			}
			throw withItemIndex(this, error as Error, i);
		}
	}
	return returnData;
}

function isExecutionData(result: unknown): result is INodeExecutionData[] {
	return Array.isArray(result) && result.length > 0 && typeof result[0] === 'object' && 'json' in result[0];
}

/** Makes sure an error that stops the node says which item failed. */
export function withItemIndex(context: IExecuteFunctions, error: Error, itemIndex: number): Error {
	const nodeError = error as Error & { context?: IDataObject };
	if (nodeError.context && typeof nodeError.context === 'object') {
		nodeError.context.itemIndex ??= itemIndex;
		return nodeError;
	}
	return new NodeOperationError(context.getNode(), error, { itemIndex });
}
