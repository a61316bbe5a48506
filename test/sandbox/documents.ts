import { randomUUID } from 'crypto';
import type { Engine } from './engine';
import type { OrganisationData } from './store';
import type { Json, LineAmountTypes, XeroContact, XeroContactRef, XeroLineItem, XeroTrackingRef } from './types';
import { DAY_MS, msDate, parseRequestDate, round2, round4, startOfDay } from './xero-format';

// Rules shared by the line-item documents (invoices, bills, credit notes, purchase
// orders, bank transactions): contact, currency, dates, lines and totals.

export type Side = 'sales' | 'purchases';

export interface LineRules {
	side: Side;
	lineAmountTypes: LineAmountTypes;
	/** Lines must carry an account (the document is being submitted or approved). */
	requireAccount: boolean;
	unitDecimals: 2 | 4;
	/** Bank transactions may post to accounts invoices may not. */
	allowBankAccounts?: boolean;
	discounts: boolean;
}

const NON_POSTABLE_SYSTEM = new Set(['DEBTORS', 'CREDITORS', 'GST', 'RETAINEDEARNINGS', 'HISTORICAL']);

export function str(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}

export function num(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function asObject(value: unknown): Json | undefined {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

export function lineAmountTypesOf(value: unknown, fallback: LineAmountTypes = 'Exclusive'): LineAmountTypes {
	return value === 'Inclusive' || value === 'NoTax' || value === 'Exclusive' ? value : fallback;
}

export function taxRateOf(org: OrganisationData, taxType: string | undefined): number {
	return taxType ? (org.TaxRates.get(taxType)?.EffectiveRate ?? 0) : 0;
}

function resolveTracking(org: OrganisationData, input: unknown, errors: string[]): XeroTrackingRef[] {
	if (!Array.isArray(input)) return [];
	const out: XeroTrackingRef[] = [];
	for (const raw of input) {
		const t = asObject(raw) ?? {};
		const category =
			org.TrackingCategories.get(str(t.TrackingCategoryID)) ??
			org.TrackingCategories.find((c) => c.Name.toLowerCase() === (str(t.Name) ?? '').toLowerCase());
		if (!category) {
			errors.push(`The TrackingCategory '${str(t.Name) ?? str(t.TrackingCategoryID) ?? ''}' does not exist.`);
			continue;
		}
		const wanted = (str(t.Option) ?? '').toLowerCase();
		const option = category.Options.find(
			(o) => (t.TrackingOptionID && o.TrackingOptionID === t.TrackingOptionID) || o.Name.toLowerCase() === wanted,
		);
		if (!option) {
			errors.push(`The TrackingOption '${str(t.Option) ?? ''}' does not exist for TrackingCategory '${category.Name}'.`);
			continue;
		}
		out.push({ Name: category.Name, Option: option.Name, TrackingCategoryID: category.TrackingCategoryID, TrackingOptionID: option.TrackingOptionID });
	}
	return out;
}

/** Builds stored line items from request lines, computing LineAmount and TaxAmount like Xero. */
export function buildLineItems(
	org: OrganisationData,
	input: unknown,
	rules: LineRules,
	errors: string[],
	existing: XeroLineItem[] = [],
): XeroLineItem[] {
	if (!Array.isArray(input)) return [];
	const lines: XeroLineItem[] = [];
	for (const raw of input) {
		const src = asObject(raw) ?? {};
		const previous = existing.find((l) => l.LineItemID === src.LineItemID);
		let description = str(src.Description) ?? previous?.Description;
		let unitAmount = num(src.UnitAmount) ?? previous?.UnitAmount;
		let quantity = num(src.Quantity) ?? previous?.Quantity;
		let accountCode = str(src.AccountCode) ?? previous?.AccountCode;
		let taxType = str(src.TaxType) ?? previous?.TaxType;
		const itemCode = str(src.ItemCode) ?? previous?.ItemCode;
		let item: XeroLineItem['Item'];
		if (itemCode !== undefined && itemCode !== '') {
			const found = org.itemByCode(itemCode);
			if (!found) {
				errors.push(`Item code '${itemCode}' is not valid`);
			} else {
				item = { ItemID: found.ItemID, Name: found.Name, Code: found.Code };
				const details = rules.side === 'sales' ? found.SalesDetails : found.PurchaseDetails;
				description ??= rules.side === 'sales' ? found.Description : (found.PurchaseDescription ?? found.Description);
				unitAmount ??= details?.UnitPrice;
				accountCode ??= details?.AccountCode;
				taxType ??= details?.TaxType;
			}
		}
		if (accountCode !== undefined && accountCode !== '') {
			const account = org.accountByCode(accountCode);
			const postable =
				account &&
				account.Status === 'ACTIVE' &&
				(rules.allowBankAccounts || account.Type !== 'BANK') &&
				!NON_POSTABLE_SYSTEM.has(account.SystemAccount ?? '');
			if (!postable) errors.push(`Account code '${accountCode}' is not a valid code for this document.`);
			else taxType ??= account.TaxType;
		}
		const givenLineAmount = num(src.LineAmount);
		if (unitAmount === undefined && givenLineAmount !== undefined) {
			unitAmount = givenLineAmount / (quantity ?? 1);
		}
		if (unitAmount !== undefined) quantity ??= 1;
		if (description === undefined && unitAmount === undefined && item === undefined) {
			errors.push('Description needs to be at least 1 char long');
		}
		const discountRate = rules.discounts ? num(src.DiscountRate) : undefined;
		const discountAmount = rules.discounts ? num(src.DiscountAmount) : undefined;
		unitAmount = unitAmount === undefined ? undefined : rules.unitDecimals === 4 ? round4(unitAmount) : round2(unitAmount);
		let lineAmount = round2((quantity ?? 0) * (unitAmount ?? 0));
		if (discountRate !== undefined) lineAmount = round2(lineAmount * (1 - discountRate / 100));
		else if (discountAmount !== undefined) lineAmount = round2(lineAmount - discountAmount);
		if (rules.lineAmountTypes === 'NoTax') taxType = 'NONE';
		if (taxType !== undefined) {
			const rate = org.TaxRates.get(taxType);
			if (!rate || rate.Status !== 'ACTIVE') {
				errors.push(`The TaxType code '${taxType}' does not exist or cannot be used with this type of transaction.`);
			}
		}
		if (rules.requireAccount && (accountCode === undefined || accountCode === '') && lineAmount !== 0) {
			errors.push('Account code must be specified');
		}
		const rate = rules.lineAmountTypes === 'NoTax' ? 0 : taxRateOf(org, taxType);
		const computedTax =
			rules.lineAmountTypes === 'Inclusive' ? round2(lineAmount - lineAmount / (1 + rate / 100)) : round2((lineAmount * rate) / 100);
		const line: XeroLineItem = {
			LineItemID: previous?.LineItemID ?? randomUUID(),
			TaxAmount: rules.lineAmountTypes === 'NoTax' ? 0 : (num(src.TaxAmount) ?? computedTax),
			LineAmount: lineAmount,
			Tracking: src.Tracking !== undefined ? resolveTracking(org, src.Tracking, errors) : (previous?.Tracking ?? []),
		};
		if (description !== undefined) line.Description = description;
		if (quantity !== undefined) line.Quantity = quantity;
		if (unitAmount !== undefined) line.UnitAmount = unitAmount;
		if (itemCode !== undefined && item) {
			line.ItemCode = item.Code;
			line.Item = item;
		}
		if (accountCode !== undefined) {
			line.AccountCode = accountCode;
			const account = org.accountByCode(accountCode);
			if (account) line.AccountID = account.AccountID;
		}
		if (taxType !== undefined) line.TaxType = taxType;
		if (discountRate !== undefined) line.DiscountRate = discountRate;
		if (discountAmount !== undefined) line.DiscountAmount = discountAmount;
		lines.push(line);
	}
	return lines;
}

export function computeTotals(
	lines: XeroLineItem[],
	lineAmountTypes: LineAmountTypes,
): { SubTotal: number; TotalTax: number; Total: number; TotalDiscount: number } {
	let lineSum = 0;
	let tax = 0;
	let discount = 0;
	for (const line of lines) {
		lineSum += line.LineAmount;
		tax += line.TaxAmount;
		if (line.DiscountRate !== undefined || line.DiscountAmount !== undefined) {
			discount += round2((line.Quantity ?? 0) * (line.UnitAmount ?? 0)) - line.LineAmount;
		}
	}
	lineSum = round2(lineSum);
	tax = lineAmountTypes === 'NoTax' ? 0 : round2(tax);
	const subTotal = lineAmountTypes === 'Inclusive' ? round2(lineSum - tax) : lineSum;
	return { SubTotal: subTotal, TotalTax: tax, Total: round2(subTotal + tax), TotalDiscount: round2(discount) };
}

/** The summary of a contact Xero embeds in documents, from the contact's current state. */
export function contactSummary(contact: XeroContact): XeroContactRef {
	const ref: XeroContactRef = { ContactID: contact.ContactID, Name: contact.Name };
	if (contact.ContactNumber) ref.ContactNumber = contact.ContactNumber;
	if (contact.AccountNumber) ref.AccountNumber = contact.AccountNumber;
	ref.ContactStatus = contact.ContactStatus;
	if (contact.EmailAddress !== undefined) ref.EmailAddress = contact.EmailAddress;
	ref.Addresses = [];
	ref.Phones = [];
	ref.ContactGroups = [];
	ref.ContactPersons = [];
	ref.HasValidationErrors = false;
	return ref;
}

export interface ContactHooks {
	/** Called for a contact the document creates by name (Xero does this for invoices). */
	createContact?: (name: string) => XeroContact;
}

/** Finds the document's contact by ContactID, ContactNumber or Name. */
export function resolveContact(org: OrganisationData, input: unknown, errors: string[], hooks: ContactHooks): XeroContact | undefined {
	const src = asObject(input);
	if (!src) {
		errors.push('A Contact must be specified for this type of transaction');
		return undefined;
	}
	const id = str(src.ContactID);
	if (id) {
		const found = org.Contacts.get(id);
		if (!found) errors.push(`The contact with the specified ContactID '${id}' could not be found`);
		return found;
	}
	const number = str(src.ContactNumber);
	if (number) {
		const found = org.Contacts.find((c) => c.ContactNumber === number);
		if (found) return found;
	}
	const name = str(src.Name)?.trim();
	if (name) {
		const lower = name.toLowerCase();
		const found = org.Contacts.find((c) => c.ContactStatus === 'ACTIVE' && c.Name.toLowerCase() === lower);
		if (found) return found;
		if (hooks.createContact) return hooks.createContact(name);
		errors.push(`The contact '${name}' could not be found`);
		return undefined;
	}
	errors.push('A Contact must be specified for this type of transaction');
	return undefined;
}

export function checkContactUsable(contact: XeroContact | undefined, errors: string[]): void {
	if (contact && contact.ContactStatus !== 'ACTIVE') errors.push(`The contact '${contact.Name}' is archived and cannot be used on a transaction`);
}

const RATES: Record<string, number> = { NZD: 1, AUD: 0.92, USD: 0.6, GBP: 0.47, EUR: 0.55 };

/** Validates CurrencyCode against the organisation's currencies and picks a rate. */
export function resolveCurrency(org: OrganisationData, code: unknown, rate: unknown, errors: string[]): { code: string; rate: number } {
	const base = org.baseCurrency();
	const wanted = str(code) ?? base;
	if (!org.Currencies.get(wanted)) {
		errors.push(`Organisation is not subscribed to currency ${wanted}`);
		return { code: wanted, rate: 1 };
	}
	if (wanted === base) return { code: wanted, rate: 1 };
	const given = num(rate);
	return { code: wanted, rate: given ?? round4((RATES[wanted] ?? 1) / (RATES[base] ?? 1)) };
}

/** A request date, or the default (today in the organisation) when absent. */
export function resolveDate(value: unknown, field: string, errors: string[], fallback: number | undefined): number | undefined {
	if (value === undefined || value === null || value === '') return fallback;
	const ms = parseRequestDate(value);
	if (Number.isNaN(ms)) {
		errors.push(`${field} is not a valid date`);
		return fallback;
	}
	return ms;
}

/** Xero's default payment terms: the 20th of the following month. */
export function defaultDueDate(date: number): number {
	const d = new Date(date);
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 20);
}

export function setDate(doc: Json, field: string, ms: number | undefined): void {
	if (ms === undefined) {
		delete doc[field];
		delete doc[`${field}String`];
		return;
	}
	doc[field] = msDate(ms);
	doc[`${field}String`] = new Date(ms).toISOString().slice(0, 19);
}

export function today(engine: Engine): number {
	return startOfDay(engine.now());
}

export { DAY_MS };
