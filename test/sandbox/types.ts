// Xero objects in the JSON shape the Accounting API sends (only the members the sandbox
// reads are spelled out; everything else the spec allows may be present too).

export type Json = Record<string, unknown>;

export interface XeroValidationError {
	Message: string;
}

export interface XeroTrackingRef {
	TrackingCategoryID?: string;
	TrackingOptionID?: string;
	Name?: string;
	Option?: string;
}

export interface XeroLineItem {
	LineItemID: string;
	Description?: string;
	Quantity?: number;
	UnitAmount?: number;
	ItemCode?: string;
	Item?: { ItemID: string; Name?: string; Code: string };
	AccountCode?: string;
	AccountID?: string;
	TaxType?: string;
	TaxAmount: number;
	LineAmount: number;
	DiscountRate?: number;
	DiscountAmount?: number;
	Tracking: XeroTrackingRef[];
	[key: string]: unknown;
}

export interface XeroContactRef {
	ContactID: string;
	Name?: string;
	[key: string]: unknown;
}

export interface XeroPaymentRef {
	PaymentID: string;
	Date: string;
	Amount: number;
	Reference?: string;
	CurrencyRate: number;
	HasAccount: boolean;
	HasValidationErrors: boolean;
}

export type LineAmountTypes = 'Exclusive' | 'Inclusive' | 'NoTax';

/** What invoices, credit notes, purchase orders and bank transactions share. */
export interface XeroDocumentBase {
	Contact: XeroContactRef;
	Date: string;
	DateString: string;
	Status: string;
	LineAmountTypes: LineAmountTypes;
	LineItems: XeroLineItem[];
	SubTotal: number;
	TotalTax: number;
	Total: number;
	CurrencyCode: string;
	CurrencyRate: number;
	UpdatedDateUTC: string;
	HasAttachments?: boolean;
	[key: string]: unknown;
}

export interface XeroInvoice extends XeroDocumentBase {
	Type: 'ACCREC' | 'ACCPAY';
	InvoiceID: string;
	InvoiceNumber: string;
	Reference?: string;
	DueDate?: string;
	DueDateString?: string;
	AmountDue: number;
	AmountPaid: number;
	AmountCredited: number;
	FullyPaidOnDate?: string;
	Payments: XeroPaymentRef[];
	CreditNotes: Json[];
	Prepayments: Json[];
	Overpayments: Json[];
	SentToContact: boolean;
	IsDiscounted: boolean;
	HasErrors: boolean;
	BrandingThemeID?: string;
}

export interface XeroCreditNote extends XeroDocumentBase {
	Type: 'ACCRECCREDIT' | 'ACCPAYCREDIT';
	CreditNoteID: string;
	CreditNoteNumber: string;
	Reference?: string;
	RemainingCredit: number;
	Allocations: Json[];
	Payments: XeroPaymentRef[];
	AppliedAmount?: number;
	FullyPaidOnDate?: string;
	HasErrors: boolean;
}

export interface XeroPurchaseOrder extends XeroDocumentBase {
	PurchaseOrderID: string;
	PurchaseOrderNumber: string;
	Reference?: string;
	DeliveryDate?: string;
	DeliveryDateString?: string;
	SentToContact: boolean;
	TotalDiscount: number;
}

export interface XeroBankTransaction extends XeroDocumentBase {
	Type: string;
	BankTransactionID: string;
	BankAccount: { AccountID: string; Code?: string; Name?: string };
	IsReconciled: boolean;
	Reference?: string;
}

export interface XeroPayment {
	PaymentID: string;
	Date: string;
	Amount: number;
	BankAmount: number;
	CurrencyRate: number;
	Reference?: string;
	IsReconciled: boolean;
	Status: 'AUTHORISED' | 'DELETED';
	PaymentType: string;
	UpdatedDateUTC: string;
	HasAccount: boolean;
	HasValidationErrors: boolean;
	Account: { AccountID: string; Code?: string };
	Invoice?: Json;
	CreditNote?: Json;
	[key: string]: unknown;
}

export interface XeroContact {
	ContactID: string;
	ContactStatus: 'ACTIVE' | 'ARCHIVED' | 'GDPRREQUEST';
	Name: string;
	FirstName?: string;
	LastName?: string;
	EmailAddress?: string;
	AccountNumber?: string;
	ContactNumber?: string;
	IsSupplier: boolean;
	IsCustomer: boolean;
	UpdatedDateUTC: string;
	[key: string]: unknown;
}

export interface XeroItem {
	ItemID: string;
	Code: string;
	Name?: string;
	Description?: string;
	PurchaseDescription?: string;
	IsSold: boolean;
	IsPurchased: boolean;
	IsTrackedAsInventory: boolean;
	SalesDetails?: { UnitPrice?: number; AccountCode?: string; TaxType?: string };
	PurchaseDetails?: { UnitPrice?: number; AccountCode?: string; COGSAccountCode?: string; TaxType?: string };
	UpdatedDateUTC: string;
	[key: string]: unknown;
}

export interface XeroAccount {
	AccountID: string;
	Code?: string;
	Name: string;
	Type: string;
	Class: string;
	Status: string;
	TaxType?: string;
	EnablePaymentsToAccount: boolean;
	BankAccountType?: string;
	SystemAccount?: string;
	UpdatedDateUTC: string;
	[key: string]: unknown;
}

export interface XeroTaxRate {
	Name: string;
	TaxType: string;
	Status: string;
	EffectiveRate: number;
	DisplayTaxRate: number;
	[key: string]: unknown;
}

export interface XeroCurrency {
	Code: string;
	Description: string;
}

export interface XeroTrackingCategory {
	TrackingCategoryID: string;
	Name: string;
	Status: string;
	Options: { TrackingOptionID: string; Name: string; Status: string }[];
}

export interface XeroBrandingTheme {
	BrandingThemeID: string;
	Name: string;
	Type: 'INVOICE';
	SortOrder: number;
	CreatedDateUTC: string;
	LogoUrl?: string;
}

export interface StoredAttachment {
	AttachmentID: string;
	FileName: string;
	MimeType: string;
	ContentLength: number;
	IncludeOnline: boolean;
	content: Buffer;
}
