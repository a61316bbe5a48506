import type { INodeProperties } from 'n8n-workflow';

import * as agedPayables from './agedPayables.operation';
import * as agedReceivables from './agedReceivables.operation';
import * as balanceSheet from './balanceSheet.operation';
import * as bankSummary from './bankSummary.operation';
import * as profitAndLoss from './profitAndLoss.operation';
import * as trialBalance from './trialBalance.operation';

export { agedPayables, agedReceivables, balanceSheet, bankSummary, profitAndLoss, trialBalance };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['report'] } },
		options: [
			{
				name: 'Aged Payables by Contact',
				value: 'agedPayables',
				description: 'What the organisation owes one supplier, bill by bill, with how overdue (scope: accounting.reports.aged.read)',
				action: 'Get aged payables for a contact',
			},
			{
				name: 'Aged Receivables by Contact',
				value: 'agedReceivables',
				description: 'What one customer owes, invoice by invoice, with how overdue (scope: accounting.reports.aged.read)',
				action: 'Get aged receivables for a contact',
			},
			{
				name: 'Balance Sheet',
				value: 'balanceSheet',
				description: 'Assets, liabilities and equity at a date (scope: accounting.reports.balancesheet.read)',
				action: 'Get the balance sheet',
			},
			{
				name: 'Bank Summary',
				value: 'bankSummary',
				description: 'Opening balance, money in, money out and closing balance of each bank account for a period (scope: accounting.reports.banksummary.read)',
				action: 'Get the bank summary',
			},
			{
				name: 'Profit and Loss',
				value: 'profitAndLoss',
				description: 'Income, expenses and profit for a period, optionally compared over several periods (scope: accounting.reports.profitandloss.read)',
				action: 'Get the profit and loss',
			},
			{
				name: 'Trial Balance',
				value: 'trialBalance',
				description: 'Debit and credit balance of every account at a date (scope: accounting.reports.trialbalance.read)',
				action: 'Get the trial balance',
			},
		],
		default: 'profitAndLoss',
	},
	...agedPayables.description,
	...agedReceivables.description,
	...balanceSheet.description,
	...bankSummary.description,
	...profitAndLoss.description,
	...trialBalance.description,
];
