import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { searchOrganisations } from '../shared/organisation';
import { organicFilterCredentials, organicFilterProperties } from './description';
import { NOT_ORGANIC_OUTPUT, shapeItem, type OrganicMode } from './documents';
import { lookUpItemDetails } from './itemLookup';
import {
	compileOrganicRules,
	DEFAULT_FIELDS,
	OrganicInputError,
	OrganicRuleError,
	splitList,
	type ExclusionScope,
	type OrganicField,
	type OrganicLanguage,
	type OrganicMatcher,
	type OrganicRuleOptions,
} from './matcher';

const PARAMETER_NAMES: Record<keyof OrganicRuleOptions, string> = {
	keywords: 'Keywords',
	exclusions: 'Exclusions',
	fields: 'Fields to Inspect',
	languages: 'Other Languages',
	codePrefixes: 'Item Code Prefixes',
	codePattern: 'Item Code Pattern',
	exclusionScope: 'Exclusion Scope',
};

interface OrganicSettings {
	rules: OrganicRuleOptions;
	includeDetails: boolean;
}

function readSettings(context: IExecuteFunctions, itemIndex: number): OrganicSettings {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const rules: OrganicRuleOptions = {
		keywords: splitList(context.getNodeParameter('keywords', itemIndex, '')),
		exclusions: splitList(context.getNodeParameter('exclusions', itemIndex, '')),
		fields: context.getNodeParameter('fields', itemIndex, [...DEFAULT_FIELDS]) as OrganicField[],
		languages: (options.languages as OrganicLanguage[] | undefined) ?? [],
		codePrefixes: splitList(options.codePrefixes),
		codePattern: typeof options.codePattern === 'string' ? options.codePattern : '',
		exclusionScope: (options.exclusionScope as ExclusionScope | undefined) ?? 'clause',
	};
	return { rules, includeDetails: options.includeDetails !== false };
}

export class OrganicFilter implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Organic Filter',
		name: 'organicFilter',
		icon: { light: 'file:../../icons/organic.svg', dark: 'file:../../icons/organic.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ {"annotate": "Annotate every document", "keepDocuments": "Keep documents with organic lines", "keepLines": "Keep only organic lines"}[$parameter["mode"]] }}',
		description: 'Split Xero invoices, bills, purchase orders, credit notes and items into organic and not organic',
		defaults: { name: 'Organic Filter' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Organic', 'Not Organic'],
		usableAsTool: true,
		credentials: organicFilterCredentials,
		properties: organicFilterProperties,
	};

	methods = { listSearch: { searchOrganisations } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const mode = this.getNodeParameter('mode', 0, 'keepDocuments') as OrganicMode;
		const outputs: INodeExecutionData[][] = [[], []];
		// The rules are compiled once per distinct setting, not per item or line.
		const matchers = new Map<string, OrganicMatcher>();
		// Items are looked up before matching, once per organisation for the whole run.
		const lookups = this.getNodeParameter('lookupItems', 0, false) ? await lookUpItemDetails(this, items) : undefined;

		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const settings = readSettings(this, itemIndex);
				const key = JSON.stringify(settings.rules);
				let matcher = matchers.get(key);
				if (!matcher) {
					matcher = compileOrganicRules(settings.rules);
					matchers.set(key, matcher);
				}
				const lookup = lookups?.[itemIndex];
				if (lookup instanceof Error) throw lookup;
				const item = items[itemIndex];
				const classification = matcher.classify(item.json, lookup);
				const shaped = shapeItem(item.json, classification, mode, { includeDetails: settings.includeDetails });
				const result: INodeExecutionData = { json: shaped.json as IDataObject, pairedItem: { item: itemIndex } };
				if (item.binary) result.binary = item.binary;
				outputs[shaped.output].push(result);
			} catch (error) {
				const nodeError = toNodeError(this, error as Error, itemIndex);
				if (this.continueOnFail()) {
					outputs[NOT_ORGANIC_OUTPUT].push({
						json: { error: nodeError.message },
						error: nodeError,
						pairedItem: { item: itemIndex },
					});
					continue;
				}
				throw nodeError;
			}
		}
		return outputs;
	}
}

function toNodeError(context: IExecuteFunctions, error: Error, itemIndex: number): NodeOperationError | NodeApiError {
	if (error instanceof NodeOperationError || error instanceof NodeApiError) return error;
	if (error instanceof OrganicInputError) {
		const where = error.field ? ` (field '${error.field}')` : '';
		return new NodeOperationError(context.getNode(), `Item ${itemIndex}${where}: ${error.message}`, {
			itemIndex,
			description:
				'Organic Filter expects Xero documents with a LineItems array (invoices, bills, purchase orders, credit notes), bare line items, or Xero Items.',
		});
	}
	if (error instanceof OrganicRuleError) {
		return new NodeOperationError(
			context.getNode(),
			`Parameter '${PARAMETER_NAMES[error.parameter]}' (item ${itemIndex}): ${error.message}`,
			{ itemIndex },
		);
	}
	return new NodeOperationError(context.getNode(), error, { itemIndex });
}
