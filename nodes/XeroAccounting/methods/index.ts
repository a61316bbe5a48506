import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { resolveTenantId, searchOrganisations } from '../../shared/organisation';
import { xeroRequest } from '../../shared/transport';

async function currentTenant(this: ILoadOptionsFunctions): Promise<string> {
	const raw = this.getCurrentNodeParameter('tenantId', { extractValue: true });
	return await resolveTenantId.call(this, raw);
}

async function list(this: ILoadOptionsFunctions, path: string, property: string, qs?: IDataObject) {
	const body = await xeroRequest.call(this, await currentTenant.call(this), { path, qs });
	return (body[property] as IDataObject[] | undefined) ?? [];
}

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

async function searchContacts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1);
	const contacts = await list.call(this, '/Contacts', 'Contacts', {
		page,
		pageSize: 100,
		summaryOnly: true,
		order: 'Name ASC',
		...(filter ? { searchTerm: filter } : {}),
	});
	return {
		results: contacts.map((c) => ({ name: String(c.Name), value: String(c.ContactID) })),
		paginationToken: contacts.length === 100 ? String(page + 1) : undefined,
	};
}

export const listSearch = { searchOrganisations, searchContacts };

export const loadOptions = {
	async getAccountCodes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const accounts = await list.call(this, '/Accounts', 'Accounts', { where: 'Status=="ACTIVE"' });
		return accounts
			.filter((a) => a.Code)
			.map((a) => ({ name: `${a.Code} - ${a.Name}`, value: String(a.Code), description: String(a.Type) }))
			.sort(byName);
	},
	async getBankAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const accounts = await list.call(this, '/Accounts', 'Accounts', { where: 'Status=="ACTIVE"' });
		return accounts
			.filter((a) => a.Code && (a.Type === 'BANK' || a.EnablePaymentsToAccount === true))
			.map((a) => ({ name: `${a.Code} - ${a.Name}`, value: String(a.Code) }))
			.sort(byName);
	},
	async getTaxTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const rates = await list.call(this, '/TaxRates', 'TaxRates');
		return rates
			.filter((r) => r.Status === 'ACTIVE')
			.map((r) => ({ name: `${r.Name} (${r.EffectiveRate ?? r.DisplayTaxRate ?? 0}%)`, value: String(r.TaxType) }))
			.sort(byName);
	},
	async getItemCodes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const items = await list.call(this, '/Items', 'Items');
		return items
			.map((i) => ({ name: `${i.Code}${i.Name ? ` - ${i.Name}` : ''}`, value: String(i.Code) }))
			.sort(byName);
	},
	async getCurrencies(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const currencies = await list.call(this, '/Currencies', 'Currencies');
		return currencies.map((c) => ({ name: `${c.Code} - ${c.Description}`, value: String(c.Code) })).sort(byName);
	},
	async getBrandingThemes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const themes = await list.call(this, '/BrandingThemes', 'BrandingThemes');
		return themes.map((t) => ({ name: String(t.Name), value: String(t.BrandingThemeID) })).sort(byName);
	},
	async getTrackingOptions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const categories = await list.call(this, '/TrackingCategories', 'TrackingCategories');
		return categories
			.flatMap((category) =>
				((category.Options as IDataObject[] | undefined) ?? []).map((option) => ({
					name: `${category.Name}: ${option.Name}`,
					value: `${category.Name}:${option.Name}`,
				})),
			)
			.sort(byName);
	},
};
