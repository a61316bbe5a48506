// Fixed parts of the seeded organisations: chart of accounts, tax rates, items, names.

export interface OrganisationProfile {
	name: string;
	legalName: string;
	countryCode: string;
	version: string;
	baseCurrency: string;
	otherCurrencies: string[];
	taxRate: number;
	timezone: string;
	shortCode: string;
	lineOfBusiness: string;
	city: string;
	region: string;
	postalCode: string;
	country: string;
}

export const PROFILES: OrganisationProfile[] = [
	{
		name: 'Green Fields Organic Ltd',
		legalName: 'Green Fields Organic Limited',
		countryCode: 'NZ',
		version: 'NZ',
		baseCurrency: 'NZD',
		otherCurrencies: ['AUD', 'USD'],
		taxRate: 15,
		timezone: 'NEWZEALANDSTANDARDTIME',
		shortCode: '!gF5kQ',
		lineOfBusiness: 'Organic food wholesale',
		city: 'Hamilton',
		region: 'Waikato',
		postalCode: '3204',
		country: 'New Zealand',
	},
	{
		name: 'Harbour Trading Co',
		legalName: 'Harbour Trading Company Pty Ltd',
		countryCode: 'AU',
		version: 'AU',
		baseCurrency: 'AUD',
		otherCurrencies: ['NZD', 'GBP'],
		taxRate: 10,
		timezone: 'AUSEASTERNSTANDARDTIME',
		shortCode: '!hT9wZ',
		lineOfBusiness: 'Import and wholesale trade',
		city: 'Sydney',
		region: 'NSW',
		postalCode: '2000',
		country: 'Australia',
	},
];

export const CURRENCY_NAMES: Record<string, string> = {
	NZD: 'New Zealand Dollar',
	AUD: 'Australian Dollar',
	USD: 'United States Dollar',
	GBP: 'British Pound',
	EUR: 'Euro',
};

export interface AccountSeed {
	code: string;
	name: string;
	type: string;
	taxType: string;
	system?: string;
	bank?: boolean;
	enablePayments?: boolean;
	archived?: boolean;
	description?: string;
}

// Codes follow Xero's demo company chart of accounts.
export const ACCOUNTS: AccountSeed[] = [
	{ code: '090', name: 'Business Bank Account', type: 'BANK', taxType: 'NONE', bank: true },
	{ code: '091', name: 'Business Savings Account', type: 'BANK', taxType: 'NONE', bank: true },
	{ code: '200', name: 'Sales', type: 'REVENUE', taxType: 'OUTPUT', description: 'Income from any normal business activity' },
	{ code: '260', name: 'Other Revenue', type: 'REVENUE', taxType: 'OUTPUT' },
	{ code: '270', name: 'Interest Income', type: 'REVENUE', taxType: 'NONE' },
	{ code: '300', name: 'Purchases', type: 'DIRECTCOSTS', taxType: 'INPUT' },
	{ code: '310', name: 'Cost of Goods Sold', type: 'DIRECTCOSTS', taxType: 'INPUT' },
	{ code: '400', name: 'Advertising', type: 'OVERHEADS', taxType: 'INPUT' },
	{ code: '404', name: 'Bank Fees', type: 'OVERHEADS', taxType: 'NONE' },
	{ code: '425', name: 'Freight & Courier', type: 'OVERHEADS', taxType: 'INPUT' },
	{ code: '429', name: 'General Expenses', type: 'OVERHEADS', taxType: 'INPUT' },
	{ code: '453', name: 'Office Expenses', type: 'OVERHEADS', taxType: 'INPUT' },
	{ code: '469', name: 'Rent', type: 'OVERHEADS', taxType: 'INPUT' },
	{ code: '477', name: 'Wages and Salaries', type: 'EXPENSE', taxType: 'NONE' },
	{ code: '489', name: 'Telephone & Internet', type: 'OVERHEADS', taxType: 'INPUT' },
	{ code: '499', name: 'Old Marketing Expenses', type: 'OVERHEADS', taxType: 'INPUT', archived: true },
	{ code: '610', name: 'Accounts Receivable', type: 'CURRENT', taxType: 'NONE', system: 'DEBTORS' },
	{ code: '620', name: 'Prepayments', type: 'CURRENT', taxType: 'NONE' },
	{ code: '630', name: 'Inventory', type: 'INVENTORY', taxType: 'NONE' },
	{ code: '710', name: 'Office Equipment', type: 'FIXED', taxType: 'INPUT' },
	{ code: '800', name: 'Accounts Payable', type: 'CURRLIAB', taxType: 'NONE', system: 'CREDITORS' },
	{ code: '820', name: 'GST', type: 'CURRLIAB', taxType: 'NONE', system: 'GST' },
	{ code: '855', name: 'Card Payments Clearing', type: 'CURRLIAB', taxType: 'NONE', enablePayments: true },
	{ code: '960', name: 'Retained Earnings', type: 'EQUITY', taxType: 'NONE', system: 'RETAINEDEARNINGS' },
	{ code: '970', name: 'Owner A Funds Introduced', type: 'EQUITY', taxType: 'NONE' },
];

export const ACCOUNT_CLASS: Record<string, string> = {
	BANK: 'ASSET',
	CURRENT: 'ASSET',
	FIXED: 'ASSET',
	INVENTORY: 'ASSET',
	NONCURRENT: 'ASSET',
	PREPAYMENT: 'ASSET',
	CURRLIAB: 'LIABILITY',
	LIABILITY: 'LIABILITY',
	TERMLIAB: 'LIABILITY',
	PAYG: 'LIABILITY',
	EQUITY: 'EQUITY',
	DEPRECIATN: 'EXPENSE',
	DIRECTCOSTS: 'EXPENSE',
	EXPENSE: 'EXPENSE',
	OVERHEADS: 'EXPENSE',
	OTHERINCOME: 'REVENUE',
	REVENUE: 'REVENUE',
	SALES: 'REVENUE',
};

export interface TaxSeed {
	taxType: string;
	name: string;
	/** null: the organisation's GST rate. */
	rate: number | null;
	report: string;
	status?: string;
}

export const TAX_RATES: TaxSeed[] = [
	{ taxType: 'OUTPUT', name: 'GST on Income', rate: null, report: 'OUTPUT' },
	{ taxType: 'INPUT', name: 'GST on Expenses', rate: null, report: 'INPUT' },
	{ taxType: 'NONE', name: 'No GST', rate: 0, report: 'NONE' },
	{ taxType: 'EXEMPTOUTPUT', name: 'GST Free Income', rate: 0, report: 'EXEMPTOUTPUT' },
	{ taxType: 'EXEMPTEXPENSES', name: 'GST Free Expenses', rate: 0, report: 'EXEMPTEXPENSES' },
	{ taxType: 'GSTONIMPORTS', name: 'GST on Imports', rate: 0, report: 'GSTONIMPORTS' },
	{ taxType: 'ZERORATEDOUTPUT', name: 'Zero Rated (old)', rate: 0, report: 'ZERORATEDOUTPUT', status: 'DELETED' },
];

export interface ItemSeed {
	code: string;
	name: string;
	description: string;
	purchaseDescription?: string;
	sell?: number;
	buy?: number;
	inventory?: boolean;
	salesTax?: string;
	purchaseTax?: string;
}

// Organic products, plainly non-organic ones, and names that fool a naive "organic" match.
export const ITEMS: ItemSeed[] = [
	{ code: 'ORGANIC-OATS', name: 'Organic rolled oats 1kg', description: 'Organic rolled oats 1kg', sell: 6.5, buy: 3.2, inventory: true },
	{ code: 'ORGANIC-HONEY', name: 'Organic manuka honey 500g', description: 'Certified organic manuka honey, 500g jar', sell: 24, buy: 14.5, inventory: true },
	{ code: 'ORGANIC-FLOUR', name: 'Organic wholemeal flour 2kg', description: 'Stone-ground organic wholemeal flour', sell: 8.9, buy: 4.1 },
	{ code: 'ORGANIC-MILK', name: 'Organic whole milk 2L', description: 'Organic whole milk, 2 litre bottle', sell: 5.2, buy: 3.1 },
	{ code: 'COFFEE-FT', name: 'Fair trade coffee beans 1kg', description: 'Fair trade coffee beans (certified organic)', sell: 38, buy: 21 },
	{ code: 'COMPOST-40', name: 'Certified organic compost 40L', description: 'Certified organic compost, 40 litre bag', sell: 15, buy: 7.5 },
	{ code: 'VEG-BOX', name: 'Organics veggie box', description: 'Weekly box of seasonal organics', sell: 45, buy: 27 },
	{ code: 'OATS-STD', name: 'Non-organic oats', description: 'Non-organic rolled oats 1kg', sell: 3.9, buy: 1.8, inventory: true },
	{ code: 'FERT-20', name: 'Inorganic fertiliser 20kg', description: 'Inorganic NPK fertiliser, 20kg sack', sell: 32, buy: 19 },
	{ code: 'RICE-BRN', name: 'Brown rice 1kg', description: 'not organic', sell: 4.5, buy: 2.2 },
	{ code: 'ORG-OATS', name: 'Rolled oats 1kg (ORG)', description: 'Rolled oats, supplier code ORG', sell: 4.2, buy: 2.0 },
	{ code: 'BIO-HAFER', name: 'Bio Haferflocken 500g', description: 'Bio Haferflocken aus kontrolliert biologischem Anbau', sell: 4.8, buy: 2.6 },
	{ code: 'GROWN-Q', name: 'Organically grown?', description: 'Organically grown? Certification pending', sell: 9, buy: 5 },
	{ code: 'BOOK-CHEM', name: 'Organic chemistry textbook', description: 'Organic chemistry, 3rd edition (a book, not food)', sell: 89, buy: 55 },
	{ code: 'SUGAR-WHT', name: 'White sugar 1kg', description: 'Refined white sugar 1kg', sell: 2.9, buy: 1.3 },
	{ code: 'TEA-GREEN', name: 'Green tea 100 bags', description: 'Green tea, 100 bags', sell: 7.5, buy: 3.9 },
	{ code: 'DELIVERY', name: 'Delivery charge', description: 'Delivery charge', sell: 12, salesTax: 'OUTPUT' },
	{ code: 'PACKAGING', name: 'Packaging materials', description: 'Boxes and recyclable packaging', purchaseDescription: 'Packaging materials (bulk)', buy: 0.85 },
];

export const CUSTOMER_NAMES = [
	'Riverbend Grocers',
	'Kauri Cafe',
	'Bright Bowl Eatery',
	'Summit Wholefoods',
	'Tui Street Market',
	'Little Acorn Daycare',
	'Coastal Health Store',
	'Marlow & Sons Deli',
	'Paddock to Plate Co-op',
	'City Juice Bar',
];

export const SUPPLIER_NAMES = [
	'Waikato Organic Growers',
	'Southern Grain Mills',
	'Bee Happy Apiaries',
	'Valley Dairy Collective',
	'PackRight Supplies',
	'FastFreight Couriers',
	'Evergreen Fertilisers',
	'Metro Office Supplies',
];

export const FIRST_NAMES = ['Aroha', 'Ben', 'Chloe', 'Dev', 'Emma', 'Finn', 'Grace', 'Hemi', 'Isla', 'Jack', 'Kiri', 'Liam', 'Mia', 'Noah', 'Olivia'];
export const LAST_NAMES = ['Walker', 'Ngata', 'Smith', 'Patel', 'Chen', 'Brown', 'Taylor', 'Wilson', 'Parata', 'Singh', 'Martin', 'Clarke'];
export const NAME_PARTS_A = ['Golden', 'Silver', 'Harbour', 'Meadow', 'Forest', 'Sunrise', 'Kowhai', 'Pacific', 'Highland', 'Orchard', 'Stone', 'Willow'];
export const NAME_PARTS_B = ['Foods', 'Traders', 'Kitchen', 'Market', 'Bakery', 'Supplies', 'Farms', 'Pantry', 'Provisions', 'Wholesale', 'Store', 'Co'];
