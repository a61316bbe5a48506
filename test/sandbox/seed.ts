import { computeTotals, defaultDueDate, setDate } from './documents';
import { Random } from './random';
import {
	ACCOUNTS,
	ACCOUNT_CLASS,
	CURRENCY_NAMES,
	CUSTOMER_NAMES,
	FIRST_NAMES,
	ITEMS,
	LAST_NAMES,
	NAME_PARTS_A,
	NAME_PARTS_B,
	PROFILES,
	SUPPLIER_NAMES,
	TAX_RATES,
	type OrganisationProfile,
} from './seed-catalogue';
import { OrganisationData, type CollectionName } from './store';
import type {
	XeroAccount,
	XeroBankTransaction,
	XeroContact,
	XeroCreditNote,
	XeroInvoice,
	XeroItem,
	XeroLineItem,
	XeroPayment,
	XeroPurchaseOrder,
	XeroTrackingCategory,
} from './types';
import { DAY_MS, msDate, round2, startOfDay } from './xero-format';

// Deterministic organisations: the same seed and size always give the same documents
// (dates are relative to the day the sandbox starts). Generation is linear in `size`.

export interface SeedOptions {
	seed: number;
	/** Documents of each kind per organisation: sales invoices, bills, credit notes, purchase orders, bank transactions. */
	size: number;
	now: number;
}

type Side = 'sales' | 'purchases';

class OrganisationSeeder {
	readonly org: OrganisationData;
	private readonly stamps: { doc: { UpdatedDateUTC: string }; at: number; collection?: CollectionName }[] = [];
	private salesCandidates: XeroItem[] = [];
	private purchaseCandidates: XeroItem[] = [];
	private readonly today: number;
	private readonly customers: XeroContact[] = [];
	private readonly accountIds = new Map<string, string>();
	private readonly taxRates = new Map<string, number>();
	private regions!: XeroTrackingCategory;
	private readonly itemRefs = new Map<string, NonNullable<XeroLineItem['Item']>>();
	private readonly trackingRefs = new Map<string, XeroLineItem['Tracking'][number]>();
	private readonly contactRefs = new Map<string, XeroInvoice['Contact']>();

	private itemRef(item: XeroItem): NonNullable<XeroLineItem['Item']> {
		let ref = this.itemRefs.get(item.ItemID);
		if (!ref) this.itemRefs.set(item.ItemID, (ref = { ItemID: item.ItemID, Name: item.Name, Code: item.Code }));
		return ref;
	}

	private trackingRef(option: XeroTrackingCategory['Options'][number]): XeroLineItem['Tracking'][number] {
		let ref = this.trackingRefs.get(option.TrackingOptionID);
		if (!ref) {
			ref = { Name: this.regions.Name, Option: option.Name, TrackingCategoryID: this.regions.TrackingCategoryID, TrackingOptionID: option.TrackingOptionID };
			this.trackingRefs.set(option.TrackingOptionID, ref);
		}
		return ref;
	}

	private contactRef(contact: XeroContact): XeroInvoice['Contact'] {
		let ref = this.contactRefs.get(contact.ContactID);
		if (!ref) this.contactRefs.set(contact.ContactID, (ref = { ContactID: contact.ContactID, Name: contact.Name }));
		return ref;
	}
	private readonly suppliers: XeroContact[] = [];

	constructor(
		private readonly rng: Random,
		private readonly profile: OrganisationProfile,
		private readonly size: number,
		private readonly now: number,
	) {
		this.today = startOfDay(now);
		this.org = new OrganisationData(rng.uuid(), profile.name);
	}

	run(): OrganisationData {
		this.organisation();
		this.settings();
		this.contacts();
		this.items();
		this.invoices('ACCREC');
		this.invoices('ACCPAY');
		this.creditNotes();
		this.purchaseOrders();
		this.bankTransactions();
		this.applyStamps();
		return this.org;
	}

	/** A day in the last ~120 days. */
	private pastDay(): number {
		return this.today - this.rng.int(1, 120) * DAY_MS;
	}

	/** When a document dated `date` was last changed: after its date, before now. */
	private changedAfter(date: number): number {
		const latest = this.now - 60_000;
		return Math.min(latest, date + this.rng.int(1, 3 * 24 * 3600) * 1000 + this.rng.int(0, 999));
	}

	private stamp(doc: { UpdatedDateUTC: string }, at: number, collection?: CollectionName): void {
		this.stamps.push({ doc, at, collection });
	}

	private organisation(): void {
		const p = this.profile;
		this.org.Organisation = {
			OrganisationID: this.org.tenantId,
			APIKey: this.rng.token(30, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
			Name: p.name,
			LegalName: p.legalName,
			PaysTax: true,
			Version: p.version,
			OrganisationType: 'COMPANY',
			BaseCurrency: p.baseCurrency,
			CountryCode: p.countryCode,
			IsDemoCompany: false,
			OrganisationStatus: 'ACTIVE',
			RegistrationNumber: String(this.rng.int(1000000, 9999999)),
			TaxNumber: `${this.rng.int(100, 999)}-${this.rng.int(100, 999)}-${this.rng.int(100, 999)}`,
			FinancialYearEndDay: 31,
			FinancialYearEndMonth: 3,
			SalesTaxBasis: 'ACCRUALS',
			SalesTaxPeriod: 'TWOMONTHS',
			DefaultSalesTax: 'Tax Exclusive',
			DefaultPurchasesTax: 'Tax Exclusive',
			CreatedDateUTC: msDate(this.today - 900 * DAY_MS),
			OrganisationEntityType: 'COMPANY',
			Timezone: p.timezone,
			ShortCode: p.shortCode,
			Class: 'PREMIUM',
			Edition: 'BUSINESS',
			LineOfBusiness: p.lineOfBusiness,
			Addresses: [{ AddressType: 'STREET', AddressLine1: '12 Orchard Road', City: p.city, Region: p.region, PostalCode: p.postalCode, Country: p.country }],
			Phones: [{ PhoneType: 'OFFICE', PhoneNumber: '555 0100', PhoneAreaCode: '07' }],
			ExternalLinks: [],
			PaymentTerms: { Bills: { Day: 20, Type: 'OFFOLLOWINGMONTH' }, Sales: { Day: 20, Type: 'OFFOLLOWINGMONTH' } },
		};
	}

	private settings(): void {
		const { org, rng, profile } = this;
		const created = this.today - 800 * DAY_MS;
		for (const code of [profile.baseCurrency, ...profile.otherCurrencies]) {
			org.Currencies.put({ Code: code, Description: CURRENCY_NAMES[code] });
		}
		for (const t of TAX_RATES) {
			const rate = t.rate ?? profile.taxRate;
			const name = t.rate === null ? `${t.name} (${rate}%)` : t.name;
			org.TaxRates.put({
				Name: name,
				TaxType: t.taxType,
				ReportTaxType: t.report,
				CanApplyToAssets: true,
				CanApplyToEquity: true,
				CanApplyToExpenses: true,
				CanApplyToLiabilities: true,
				CanApplyToRevenue: true,
				DisplayTaxRate: rate,
				EffectiveRate: rate,
				Status: t.status ?? 'ACTIVE',
				TaxComponents: [{ Name: 'GST', Rate: rate, IsCompound: false, IsNonRecoverable: false }],
			});
		}
		for (const a of ACCOUNTS) {
			const account: XeroAccount = {
				AccountID: rng.uuid(),
				Code: a.code,
				Name: a.name,
				Status: a.archived ? 'ARCHIVED' : 'ACTIVE',
				Type: a.type,
				TaxType: a.taxType,
				Class: ACCOUNT_CLASS[a.type],
				EnablePaymentsToAccount: a.enablePayments ?? false,
				ShowInExpenseClaims: ACCOUNT_CLASS[a.type] === 'EXPENSE',
				BankAccountType: a.bank ? 'BANK' : '',
				ReportingCode: `${ACCOUNT_CLASS[a.type].slice(0, 3)}`,
				ReportingCodeName: ACCOUNT_CLASS[a.type].charAt(0) + ACCOUNT_CLASS[a.type].slice(1).toLowerCase(),
				HasAttachments: false,
				UpdatedDateUTC: '',
				AddToWatchlist: false,
			};
			if (a.description) account.Description = a.description;
			if (a.system) account.SystemAccount = a.system;
			if (a.bank) {
				account.BankAccountNumber = `${rng.int(10, 99)}-${rng.int(1000, 9999)}-${rng.int(1000000, 9999999)}-00`;
				account.CurrencyCode = profile.baseCurrency;
			}
			this.stamp(account, created + rng.int(0, 1000) * 1000, 'Accounts');
			org.Accounts.put(account);
			this.accountIds.set(a.code, account.AccountID);
		}
		for (const rate of org.TaxRates.values()) this.taxRates.set(rate.TaxType, rate.EffectiveRate);
		const categories: [string, string[]][] = [
			['Region', ['North', 'South', 'East', 'West']],
			['Product Line', ['Organic', 'Conventional', 'Services']],
		];
		for (const [name, options] of categories) {
			const category: XeroTrackingCategory = {
				TrackingCategoryID: rng.uuid(),
				Name: name,
				Status: 'ACTIVE',
				Options: options.map((o) => ({ TrackingOptionID: rng.uuid(), Name: o, Status: 'ACTIVE' })),
			};
			org.TrackingCategories.put(category);
			this.regions ??= category;
		}
		['Standard', 'Special Projects', 'Very Organic'].forEach((name, i) => {
			org.BrandingThemes.put({
				BrandingThemeID: rng.uuid(),
				Name: name,
				Type: 'INVOICE',
				SortOrder: i,
				CreatedDateUTC: msDate(created + i * DAY_MS),
				LogoUrl: `https://in.xero.com/logo?id=${rng.token(12, 'abcdefghijklmnopqrstuvwxyz0123456789')}`,
			});
		});
		// Capital put in before the first documents, so bank balances stay positive.
		org.openingBalances = {
			date: this.today - 200 * DAY_MS,
			lines: [
				{ AccountCode: '090', amount: 25_000 },
				{ AccountCode: '970', amount: -25_000 },
			],
		};
	}

	private contacts(): void {
		const { org, rng } = this;
		const count = Math.max(CUSTOMER_NAMES.length + SUPPLIER_NAMES.length + 2, Math.ceil(this.size / 5));
		const supplierCount = Math.max(SUPPLIER_NAMES.length, Math.floor(count * 0.4));
		const used = new Set<string>();
		let generated = 0;
		const nextName = (fixed: string[], index: number): string => {
			if (index < fixed.length) return fixed[index];
			for (;;) {
				const base = `${rng.pick(NAME_PARTS_A)} ${rng.pick(NAME_PARTS_B)}`;
				const name = used.has(base) ? `${base} ${++generated}` : base;
				if (!used.has(name)) return name;
			}
		};
		for (let i = 0; i < count; i++) {
			const supplier = i >= count - supplierCount;
			const index = supplier ? i - (count - supplierCount) : i;
			const name = nextName(supplier ? SUPPLIER_NAMES : CUSTOMER_NAMES, index);
			used.add(name);
			const first = rng.pick(FIRST_NAMES);
			const last = rng.pick(LAST_NAMES);
			const domain = name.toLowerCase().replace(/[^a-z0-9]+/g, '') + '.example';
			const contact: XeroContact = {
				ContactID: rng.uuid(),
				AccountNumber: `${supplier ? 'SUPP' : 'CUST'}-${String(index + 1).padStart(4, '0')}`,
				ContactStatus: 'ACTIVE',
				Name: name,
				FirstName: first,
				LastName: last,
				EmailAddress: `${supplier ? 'accounts' : first.toLowerCase()}@${domain}`,
				BankAccountDetails: '',
				Addresses: [
					{ AddressType: 'POBOX', AddressLine1: `PO Box ${rng.int(100, 9999)}`, City: this.profile.city, Region: '', PostalCode: this.profile.postalCode, Country: '' },
					{ AddressType: 'STREET', AddressLine1: `${rng.int(1, 300)} ${rng.pick(NAME_PARTS_A)} Street`, City: this.profile.city, Region: '', PostalCode: '', Country: '' },
				],
				Phones: [
					{ PhoneType: 'DEFAULT', PhoneNumber: `${rng.int(200, 999)} ${rng.int(1000, 9999)}`, PhoneAreaCode: '09', PhoneCountryCode: '' },
					{ PhoneType: 'MOBILE', PhoneNumber: '', PhoneAreaCode: '', PhoneCountryCode: '' },
				],
				UpdatedDateUTC: '',
				ContactGroups: [],
				IsSupplier: false,
				IsCustomer: false,
				SalesTrackingCategories: [],
				PurchasesTrackingCategories: [],
				ContactPersons: [],
				HasAttachments: false,
				HasValidationErrors: false,
			};
			if (supplier) contact.PurchasesDefaultAccountCode = '300';
			else contact.SalesDefaultAccountCode = '200';
			this.stamp(contact, this.changedAfter(this.pastDay() - 60 * DAY_MS), 'Contacts');
			org.Contacts.put(contact);
			(supplier ? this.suppliers : this.customers).push(contact);
		}
		// One archived customer: listed only with includeArchived=true, refused on new documents.
		const archived: XeroContact = {
			...structuredClone(this.customers[this.customers.length - 1]),
			ContactID: rng.uuid(),
			Name: 'Old Mill Bakery (closed)',
			AccountNumber: 'CUST-9999',
			EmailAddress: 'hello@oldmillbakery.example',
			ContactStatus: 'ARCHIVED',
		};
		this.stamp(archived, this.changedAfter(this.pastDay()), 'Contacts');
		org.Contacts.put(archived);
	}

	private items(): void {
		const { org, rng } = this;
		for (const seed of ITEMS) {
			const item: XeroItem = {
				ItemID: rng.uuid(),
				Code: seed.code,
				Name: seed.name,
				Description: seed.description,
				IsSold: seed.sell !== undefined,
				IsPurchased: seed.buy !== undefined,
				IsTrackedAsInventory: !!seed.inventory,
				UpdatedDateUTC: '',
			};
			if (seed.purchaseDescription) item.PurchaseDescription = seed.purchaseDescription;
			if (seed.sell !== undefined) item.SalesDetails = { UnitPrice: seed.sell, AccountCode: '200', TaxType: seed.salesTax ?? 'OUTPUT' };
			if (seed.buy !== undefined) {
				item.PurchaseDetails = seed.inventory
					? { UnitPrice: seed.buy, COGSAccountCode: '310', TaxType: 'INPUT' }
					: { UnitPrice: seed.buy, AccountCode: '300', TaxType: seed.purchaseTax ?? 'INPUT' };
				if (!seed.inventory) item.PurchaseDescription ??= seed.description;
			}
			if (seed.inventory) {
				item.InventoryAssetAccountCode = '630';
				item.QuantityOnHand = rng.int(20, 400);
				item.TotalCostPool = round2((item.QuantityOnHand as number) * (seed.buy ?? 0));
			}
			this.stamp(item, this.changedAfter(this.pastDay() - 30 * DAY_MS), 'Items');
			org.Items.put(item);
		}
		this.salesCandidates = org.Items.filter((i) => i.IsSold);
		this.purchaseCandidates = org.Items.filter((i) => i.IsPurchased);
	}

	private lines(side: Side, lineAmountTypes: 'Exclusive' | 'Inclusive' | 'NoTax'): XeroLineItem[] {
		const { rng } = this;
		const candidates = side === 'sales' ? this.salesCandidates : this.purchaseCandidates;
		const count = rng.int(1, 3);
		const regions = this.regions;
		const lines: XeroLineItem[] = [];
		for (let n = 0; n < count; n++) {
			const item = rng.pick(candidates);
			const details = side === 'sales' ? item.SalesDetails! : item.PurchaseDetails!;
			const accountCode = side === 'sales' ? '200' : (details.AccountCode ?? '310');
			const taxType = lineAmountTypes === 'NoTax' ? 'NONE' : (details.TaxType ?? 'NONE');
			const quantity = rng.int(1, 24);
			const unit = details.UnitPrice ?? 1;
			const lineAmount = round2(quantity * unit);
			const rate = lineAmountTypes === 'NoTax' ? 0 : (this.taxRates.get(taxType) ?? 0);
			const tax = lineAmountTypes === 'Inclusive' ? round2(lineAmount - lineAmount / (1 + rate / 100)) : round2((lineAmount * rate) / 100);
			const line: XeroLineItem = {
				LineItemID: rng.uuid(),
				Description: side === 'sales' ? item.Description : (item.PurchaseDescription ?? item.Description),
				Quantity: quantity,
				UnitAmount: unit,
				ItemCode: item.Code,
				// Shared between lines: stored documents are replaced, never edited in place.
				Item: this.itemRef(item),
				AccountCode: accountCode,
				AccountID: this.accountIds.get(accountCode),
				TaxType: taxType,
				TaxAmount: tax,
				LineAmount: lineAmount,
				Tracking: [],
			};
			if (rng.chance(0.4)) {
				line.Tracking = [this.trackingRef(rng.pick(regions.Options))];
			}
			lines.push(line);
		}
		return lines;
	}

	private dates(count: number): number[] {
		const out: number[] = [];
		for (let i = 0; i < count; i++) out.push(this.pastDay());
		return out.sort((a, b) => a - b);
	}

	private invoices(type: 'ACCREC' | 'ACCPAY'): void {
		const { org, rng } = this;
		const sales = type === 'ACCREC';
		const bank = org.accountByCode('090')!;
		for (const date of this.dates(this.size)) {
			const contact = rng.pick(sales ? this.customers : this.suppliers);
			const roll = rng.next();
			const status = roll < 0.1 ? 'DRAFT' : roll < 0.18 ? 'SUBMITTED' : roll < 0.6 ? 'AUTHORISED' : roll < 0.9 ? 'PAID' : roll < 0.95 ? 'VOIDED' : 'DELETED';
			const lineAmountTypes = rng.chance(0.85) ? 'Exclusive' : 'Inclusive';
			const lineItems = this.lines(sales ? 'sales' : 'purchases', lineAmountTypes);
			const totals = computeTotals(lineItems, lineAmountTypes);
			const invoice: XeroInvoice = {
				Type: type,
				InvoiceID: rng.uuid(),
				InvoiceNumber: sales ? `INV-${String(org.counters.invoice++).padStart(4, '0')}` : `${rng.token(3)}-${rng.int(1000, 99999)}`,
				Reference: sales ? (rng.chance(0.5) ? `PO ${rng.int(1000, 9999)}` : '') : '',
				Contact: this.contactRef(contact),
				Date: '',
				DateString: '',
				Status: status,
				LineAmountTypes: lineAmountTypes,
				LineItems: lineItems,
				...totals,
				CurrencyCode: org.baseCurrency(),
				CurrencyRate: 1,
				UpdatedDateUTC: '',
				AmountDue: status === 'VOIDED' || status === 'DELETED' ? 0 : totals.Total,
				AmountPaid: 0,
				AmountCredited: 0,
				Payments: [],
				CreditNotes: [],
				Prepayments: [],
				Overpayments: [],
				SentToContact: sales && (status === 'AUTHORISED' || status === 'PAID') && rng.chance(0.7),
				IsDiscounted: false,
				HasAttachments: false,
				HasErrors: false,
			};
			setDate(invoice, 'Date', date);
			setDate(invoice, 'DueDate', rng.chance(0.5) ? defaultDueDate(date) : date + rng.int(7, 30) * DAY_MS);
			let changed = this.changedAfter(date);
			const partial = status === 'AUTHORISED' && rng.chance(0.15);
			if (status === 'PAID' || partial) {
				const payDate = Math.min(this.today, date + rng.int(1, 40) * DAY_MS);
				const amount = status === 'PAID' ? totals.Total : round2(totals.Total / 2);
				const payment = this.payment(invoice, amount, payDate, bank);
				invoice.AmountPaid = amount;
				invoice.AmountDue = round2(totals.Total - amount);
				invoice.Payments.push({
					PaymentID: payment.PaymentID,
					Date: payment.Date,
					Amount: amount,
					Reference: payment.Reference,
					CurrencyRate: 1,
					HasAccount: true,
					HasValidationErrors: false,
				});
				if (status === 'PAID') invoice.FullyPaidOnDate = payment.Date;
				changed = Math.max(changed, this.changedAfter(payDate));
			}
			if (sales) org.invoiceNumbers.set(invoice.InvoiceNumber.toLowerCase(), invoice.InvoiceID);
			if (status !== 'DELETED') {
				if (sales) contact.IsCustomer = true;
				else contact.IsSupplier = true;
			}
			this.stamp(invoice, changed, 'Invoices');
			org.Invoices.put(invoice);
		}
	}

	private payment(invoice: XeroInvoice, amount: number, date: number, bank: XeroAccount): XeroPayment {
		const payment: XeroPayment = {
			PaymentID: this.rng.uuid(),
			Date: msDate(date),
			Amount: amount,
			BankAmount: amount,
			CurrencyRate: 1,
			Reference: invoice.Type === 'ACCREC' ? `Payment ${invoice.InvoiceNumber}` : 'Bill payment',
			IsReconciled: this.rng.chance(0.7),
			Status: 'AUTHORISED',
			PaymentType: invoice.Type === 'ACCREC' ? 'ACCRECPAYMENT' : 'ACCPAYPAYMENT',
			UpdatedDateUTC: '',
			HasAccount: true,
			HasValidationErrors: false,
			Account: { AccountID: bank.AccountID, Code: bank.Code },
			Invoice: {
				Type: invoice.Type,
				InvoiceID: invoice.InvoiceID,
				InvoiceNumber: invoice.InvoiceNumber,
				Contact: { ContactID: invoice.Contact.ContactID, Name: invoice.Contact.Name },
				CurrencyCode: invoice.CurrencyCode,
			},
		};
		this.stamp(payment, this.changedAfter(date), 'Payments');
		this.org.Payments.put(payment);
		return payment;
	}

	private creditNotes(): void {
		const { org, rng } = this;
		for (const date of this.dates(this.size)) {
			const sales = rng.chance(0.6);
			const contact = rng.pick(sales ? this.customers : this.suppliers);
			const roll = rng.next();
			const status = roll < 0.2 ? 'DRAFT' : roll < 0.9 ? 'AUTHORISED' : 'VOIDED';
			const lineItems = this.lines(sales ? 'sales' : 'purchases', 'Exclusive').slice(0, 1);
			for (const line of lineItems) {
				line.Quantity = 1;
				line.LineAmount = line.UnitAmount!;
				const rate = this.taxRates.get(line.TaxType!) ?? 0;
				line.TaxAmount = round2((line.LineAmount * rate) / 100);
			}
			const totals = computeTotals(lineItems, 'Exclusive');
			const note: XeroCreditNote = {
				Type: sales ? 'ACCRECCREDIT' : 'ACCPAYCREDIT',
				CreditNoteID: rng.uuid(),
				CreditNoteNumber: sales ? `CN-${String(org.counters.creditNote++).padStart(4, '0')}` : `SC-${rng.int(1000, 99999)}`,
				Reference: 'Returned goods',
				Contact: this.contactRef(contact),
				Date: '',
				DateString: '',
				Status: status,
				LineAmountTypes: 'Exclusive',
				LineItems: lineItems,
				SubTotal: totals.SubTotal,
				TotalTax: totals.TotalTax,
				Total: totals.Total,
				CurrencyCode: org.baseCurrency(),
				CurrencyRate: 1,
				UpdatedDateUTC: '',
				RemainingCredit: status === 'VOIDED' ? 0 : totals.Total,
				Allocations: [],
				Payments: [],
				HasAttachments: false,
				HasErrors: false,
				SentToContact: false,
			};
			setDate(note, 'Date', date);
			this.stamp(note, this.changedAfter(date), 'CreditNotes');
			org.CreditNotes.put(note);
		}
	}

	private purchaseOrders(): void {
		const { org, rng } = this;
		for (const date of this.dates(this.size)) {
			const contact = rng.pick(this.suppliers);
			const roll = rng.next();
			const status = roll < 0.25 ? 'DRAFT' : roll < 0.4 ? 'SUBMITTED' : roll < 0.75 ? 'AUTHORISED' : roll < 0.93 ? 'BILLED' : 'DELETED';
			const lineItems = this.lines('purchases', 'Exclusive');
			const po: XeroPurchaseOrder = {
				PurchaseOrderID: rng.uuid(),
				PurchaseOrderNumber: `PO-${String(org.counters.purchaseOrder++).padStart(4, '0')}`,
				Reference: rng.chance(0.5) ? `Order for ${rng.pick(CUSTOMER_NAMES)}` : '',
				Contact: this.contactRef(contact),
				Date: '',
				DateString: '',
				Status: status,
				LineAmountTypes: 'Exclusive',
				LineItems: lineItems,
				...computeTotals(lineItems, 'Exclusive'),
				CurrencyCode: org.baseCurrency(),
				CurrencyRate: 1,
				SentToContact: status === 'AUTHORISED' || status === 'BILLED',
				DeliveryAddress: `12 Orchard Road, ${this.profile.city}`,
				AttentionTo: 'Warehouse',
				Telephone: '555 0100',
				DeliveryInstructions: 'Deliver to the loading bay',
				UpdatedDateUTC: '',
				HasAttachments: false,
			};
			setDate(po, 'Date', date);
			setDate(po, 'DeliveryDate', date + rng.int(3, 21) * DAY_MS);
			this.stamp(po, this.changedAfter(date), 'PurchaseOrders');
			org.PurchaseOrders.put(po);
		}
	}

	private bankTransactions(): void {
		const { org, rng } = this;
		const bank = org.accountByCode('090')!;
		const spendAccounts = ['404', '425', '429', '453', '469', '489'];
		const accounts = new Map(org.Accounts.all().map((a) => [a.Code ?? '', a]));
		const receiveAccounts = ['260', '270'];
		for (const date of this.dates(this.size)) {
			const receive = rng.chance(0.3);
			const contact = rng.pick(receive ? this.customers : this.suppliers);
			const accountCode = rng.pick(receive ? receiveAccounts : spendAccounts);
			const account = accounts.get(accountCode)!;
			const amount = round2(rng.int(500, 90000) / 100);
			const rate = this.taxRates.get(account.TaxType!) ?? 0;
			const lineItems: XeroLineItem[] = [
				{
					LineItemID: rng.uuid(),
					Description: receive ? 'Sundry income' : `${account.Name} - ${contact.Name}`,
					Quantity: 1,
					UnitAmount: amount,
					AccountCode: accountCode,
					AccountID: account.AccountID,
					TaxType: account.TaxType,
					TaxAmount: round2((amount * rate) / 100),
					LineAmount: amount,
					Tracking: [],
				},
			];
			const totals = computeTotals(lineItems, 'Exclusive');
			const tx: XeroBankTransaction = {
				Type: receive ? 'RECEIVE' : 'SPEND',
				BankTransactionID: rng.uuid(),
				BankAccount: { AccountID: bank.AccountID, Code: bank.Code, Name: bank.Name },
				Contact: this.contactRef(contact),
				Date: '',
				DateString: '',
				Status: rng.chance(0.95) ? 'AUTHORISED' : 'DELETED',
				LineAmountTypes: 'Exclusive',
				LineItems: lineItems,
				SubTotal: totals.SubTotal,
				TotalTax: totals.TotalTax,
				Total: totals.Total,
				CurrencyCode: org.baseCurrency(),
				CurrencyRate: 1,
				IsReconciled: rng.chance(0.6),
				Reference: receive ? 'Deposit' : '',
				UpdatedDateUTC: '',
				HasAttachments: false,
			};
			setDate(tx, 'Date', date);
			this.stamp(tx, this.changedAfter(date), 'BankTransactions');
			org.BankTransactions.put(tx);
		}
	}

	/** Gives every document a distinct UpdatedDateUTC and stores collections in that order. */
	private applyStamps(): void {
		this.stamps.sort((a, b) => a.at - b.at);
		let last = 0;
		for (const s of this.stamps) {
			const at = Math.max(s.at, last + 1);
			s.doc.UpdatedDateUTC = msDate(at);
			last = at;
		}
		this.org.noteStamp(last);
		// Re-insert in stamp order: collections iterate oldest change first.
		const touched = new Set(this.stamps.map((s) => s.collection).filter((c): c is CollectionName => !!c));
		for (const name of touched) this.org.collection(name).clear();
		for (const s of this.stamps) if (s.collection) this.org.collection(s.collection).put(s.doc);
	}
}

export function seedOrganisations(options: SeedOptions): OrganisationData[] {
	const rng = new Random(options.seed);
	return PROFILES.map((profile) => new OrganisationSeeder(rng, profile, options.size, options.now).run());
}
