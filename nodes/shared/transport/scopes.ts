/**
 * The granular Xero scope each Accounting API area needs (apps created from 2 March 2026);
 * used to tell the user exactly which scope is missing when Xero answers 403.
 */
const AREAS: Array<[RegExp, string]> = [
	[/^\/(Invoices|PurchaseOrders|CreditNotes|Items|Quotes|RepeatingInvoices|LinkedTransactions)\b/i, 'accounting.invoices'],
	[/^\/(Payments|BatchPayments|Overpayments|Prepayments)\b/i, 'accounting.payments'],
	[/^\/(BankTransactions|BankTransfers)\b/i, 'accounting.banktransactions'],
	[/^\/(Contacts|ContactGroups)\b/i, 'accounting.contacts'],
	[/^\/ManualJournals\b/i, 'accounting.manualjournals'],
	[/^\/Reports\/Aged/i, 'accounting.reports.aged.read'],
	[/^\/Reports\/ProfitAndLoss/i, 'accounting.reports.profitandloss.read'],
	[/^\/Reports\/BalanceSheet/i, 'accounting.reports.balancesheet.read'],
	[/^\/Reports\/BankSummary/i, 'accounting.reports.banksummary.read'],
	[/^\/Reports\/TrialBalance/i, 'accounting.reports.trialbalance.read'],
	[/^\//, 'accounting.settings'],
];

export function scopeFor(method: string, path: string): string {
	const scope = AREAS.find(([pattern]) => pattern.test(path))![1];
	const attachment = /\/Attachments\b/i.test(path);
	const base = attachment ? 'accounting.attachments' : scope;
	return method === 'GET' && !base.endsWith('.read') ? `${base}.read` : base;
}
