import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { resolveTenantId } from '../shared/organisation';
import { xeroRequest } from '../shared/transport';
import { codesNeedingLookup, itemLookupKey, type ItemDetails, type ItemDetailsMap } from './matcher';

/** Finds Items by code: the seam between the matcher and Xero. Keys are `itemLookupKey(code)`. */
export type LookupItems = (codes: readonly string[]) => Promise<Map<string, ItemDetails>>;

const NOTHING_TO_LOOK_UP: ItemDetailsMap = new Map();

/** Looks codes up among the organisation's Items: one GET /Items, however many codes. */
export function xeroItemLookup(context: IExecuteFunctions, tenantId: string, itemIndex?: number): LookupItems {
	return async (codes) => {
		const found = new Map<string, ItemDetails>();
		if (codes.length === 0) return found;
		const wanted = new Set(codes.map(itemLookupKey));
		const body = await xeroRequest.call(context, tenantId, { path: '/Items', itemIndex });
		const items = Array.isArray(body.Items) ? (body.Items as IDataObject[]) : [];
		for (const item of items) {
			if (typeof item.Code !== 'string') continue;
			const key = itemLookupKey(item.Code);
			if (!wanted.has(key)) continue;
			found.set(key, { Name: item.Name, Description: item.Description, PurchaseDescription: item.PurchaseDescription });
		}
		return found;
	};
}

/**
 * The looked-up Items for every input item, fetched once per organisation for the whole run. Only
 * lines with an item code and no description need one; an input item without such lines costs no
 * request (not even to find its organisation). A failure (no organisation, Xero refusing the call)
 * is returned in place of the map, for each input item it concerns.
 */
export async function lookUpItemDetails(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	lookupFor: (tenantId: string, itemIndex: number) => LookupItems = (tenantId, itemIndex) =>
		xeroItemLookup(context, tenantId, itemIndex),
): Promise<Array<ItemDetailsMap | Error>> {
	const result: Array<ItemDetailsMap | Error> = new Array(items.length).fill(NOTHING_TO_LOOK_UP);
	const byTenant = new Map<string, { indexes: number[]; codes: Set<string> }>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const codes = codesNeedingLookup(items[itemIndex].json);
		if (codes.size === 0) continue;
		let tenantId: string;
		try {
			const raw = context.getNodeParameter('tenantId', itemIndex, '', { extractValue: true });
			tenantId = await resolveTenantId.call(context, raw, itemIndex);
		} catch (error) {
			result[itemIndex] = error as Error;
			continue;
		}
		let group = byTenant.get(tenantId);
		if (!group) {
			group = { indexes: [], codes: new Set() };
			byTenant.set(tenantId, group);
		}
		group.indexes.push(itemIndex);
		for (const code of codes) group.codes.add(code);
	}
	for (const [tenantId, group] of byTenant) {
		let details: ItemDetailsMap | Error;
		try {
			details = await lookupFor(tenantId, group.indexes[0])([...group.codes]);
		} catch (error) {
			details = error as Error;
		}
		for (const itemIndex of group.indexes) result[itemIndex] = details;
	}
	return result;
}
