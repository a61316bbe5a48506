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

/** Invoices and bills for the invoice pickers: newest first, searched by number or reference. */
async function searchInvoiceList(
	this: ILoadOptionsFunctions,
	type: 'ACCREC' | 'ACCPAY' | undefined,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1);
	const where = ['Status!="DELETED"', ...(type ? [`Type=="${type}"`] : [])].join(' AND ');
	const invoices = await list.call(this, '/Invoices', 'Invoices', {
		page,
		pageSize: 100,
		summaryOnly: true,
		order: 'Date DESC',
		where,
		...(filter ? { searchTerm: filter } : {}),
	});
	return {
		results: invoices.map((invoice) => {
			const contact = (invoice.Contact as IDataObject | undefined)?.Name;
			const number = invoice.InvoiceNumber || '(no number)';
			const kind = type ? '' : invoice.Type === 'ACCPAY' ? 'Bill ' : 'Invoice ';
			return {
				name: `${kind}${number} · ${contact ?? ''} · ${invoice.Total ?? ''} ${invoice.CurrencyCode ?? ''} · ${String(invoice.Status).toLowerCase()}`,
				value: String(invoice.InvoiceID),
			};
		}),
		paginationToken: invoices.length === 100 ? String(page + 1) : undefined,
	};
}

async function searchSalesInvoices(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await searchInvoiceList.call(this, 'ACCREC', filter, paginationToken);
}

async function searchBills(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await searchInvoiceList.call(this, 'ACCPAY', filter, paginationToken);
}

async function searchInvoices(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await searchInvoiceList.call(this, undefined, filter, paginationToken);
}

/**
 * Purchase orders for the purchase order picker: newest first, deleted ones left out, searched by
 * number, reference or supplier. Xero cannot search purchase orders, so a search reads pages of
 * 1,000 (one call looks through 1,000 orders) and filters them here.
 */
async function searchPurchaseOrders(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1);
	const needle = filter?.toLowerCase() ?? '';
	const pageSize = needle ? 1000 : 100;
	const orders = await list.call(this, '/PurchaseOrders', 'PurchaseOrders', { page, pageSize, order: 'Date DESC' });
	return {
		results: orders
			.filter((order) => order.Status !== 'DELETED')
			.map((order) => ({
				name: `${order.PurchaseOrderNumber || '(no number)'} · ${(order.Contact as IDataObject | undefined)?.Name ?? ''} · ${order.Total ?? ''} ${order.CurrencyCode ?? ''} · ${String(order.Status).toLowerCase()}${order.Reference ? ` · ${order.Reference}` : ''}`,
				value: String(order.PurchaseOrderID),
			}))
			.filter((option) => option.name.toLowerCase().includes(needle)),
		paginationToken: orders.length === pageSize ? String(page + 1) : undefined,
	};
}

/** Items for the item picker, searched by code or name (Xero returns all items in one call). */
async function searchItems(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const items = await list.call(this, '/Items', 'Items');
	const needle = filter?.toLowerCase() ?? '';
	return {
		results: items
			.map((item) => ({ name: `${item.Code}${item.Name ? ` - ${item.Name}` : ''}`, value: String(item.ItemID) }))
			.filter((option) => option.name.toLowerCase().includes(needle))
			.sort(byName),
	};
}

export const listSearch = { searchOrganisations, searchContacts, searchSalesInvoices, searchBills, searchInvoices, searchPurchaseOrders, searchItems };

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
