/** 2b. The bookkeeping agent's tools: this package's node as AI tools, executed without a language model. */
import { PACKAGE_NAME } from '../../install';
import type { XeroBankTransaction, XeroInvoice } from '../../../sandbox';
import type { Context } from '../support/context';
import { loadWorkflow } from '../support/files';
import { waitFor } from '../support/wait';
import { dayOf, isSales } from '../support/xero';

type Documents = Array<Record<string, unknown>>;

interface ToolTask {
	data: { ai_tool: Array<Array<{ json: { response: unknown } }>> };
}

const FILE = '2-bookkeeping-agent.json';
const AGENT = 'Bookkeeping agent';

/**
 * Runs one tool node the way the editor's "Execute step" does on a tool: n8n swaps the agent for
 * its Tool Executor, which calls the tool with the arguments a model would have chosen.
 */
async function runTool(context: Context, tool: string, args: Record<string, unknown>): Promise<unknown> {
	const toolName = tool.replace(/ /g, '_');
	const { executionId } = await context.n8n.rest<{ executionId: string }>('POST', `/workflows/${context.ids.agent}/run`, {
		destinationNode: { nodeName: tool, mode: 'inclusive' },
		agentRequest: { query: { [toolName]: args }, tool: { name: toolName } },
	});
	const run = await waitFor(`tool ${tool}`, async () => {
		const execution = await context.n8n.execution(executionId);
		return ['new', 'running', 'waiting'].includes(String(execution.status)) ? undefined : execution;
	});
	const task = run.data?.resultData?.runData?.[tool]?.[0] as unknown as ToolTask | undefined;
	if (run.status !== 'success' || !task) throw new Error(`tool ${tool}: ${JSON.stringify(run.data?.resultData?.error ?? run.status)}`);
	return task.data.ai_tool[0][0].json.response;
}

export function agentSuite(context: () => Context) {
	describe('2. bookkeeping agent', () => {
		const workflow = loadWorkflow(FILE);
		const org = () => context().sandbox.store.tenant(context().tenantId);
		const customer = () => org().Contacts.find((contact) => contact.Name === 'Riverbend Grocers')!;

		it('wires the five bookkeeping tools (and a contact lookup) to the agent, with a chat model left to the user', () => {
			const tools = workflow.nodes.filter((node) => node.type === `${PACKAGE_NAME}.xeroAccountingTool`);
			expect(tools.map((node) => node.name).sort()).toEqual(
				['Aged receivables', 'Create draft invoice', 'Find contact', 'Mark invoice as paid', 'Profit and loss', 'Unreconciled bank transactions'].sort(),
			);
			for (const tool of tools) expect(workflow.connections[tool.name]).toEqual({ ai_tool: [[{ node: AGENT, type: 'ai_tool', index: 0 }]] });
			const model = workflow.nodes.find((node) => node.type.startsWith('@n8n/n8n-nodes-langchain.lmChat'))!;
			expect(workflow.connections[model.name]).toEqual({ ai_languageModel: [[{ node: AGENT, type: 'ai_languageModel', index: 0 }]] });
			expect(model.credentials).toBeUndefined();
			expect(workflow.nodes.find((node) => node.name === AGENT)!.type).toBe('@n8n/n8n-nodes-langchain.agent');
		});

		it('Find contact', async () => {
			const found = (await runTool(context(), 'Find contact', { search: 'Riverbend' })) as Documents;
			expect(found).toEqual([expect.objectContaining({ ContactID: customer().ContactID, Name: 'Riverbend Grocers' })]);
		});

		it('Create draft invoice: a draft in Xero, with the line the agent chose', async () => {
			const created = (await runTool(context(), 'Create draft invoice', {
				contactId: customer().ContactID,
				description: 'Consulting, October',
				quantity: 3,
				unitPrice: 40,
				accountCode: '200',
				reference: 'E2E-AGENT-1',
			})) as Documents;
			const invoice = org().Invoices.get(String(created[0].InvoiceID))!;
			expect(invoice).toMatchObject({ Type: 'ACCREC', Status: 'DRAFT', Reference: 'E2E-AGENT-1', Contact: { ContactID: customer().ContactID }, SubTotal: 120 });
			expect(invoice.LineItems).toEqual([expect.objectContaining({ Description: 'Consulting, October', Quantity: 3, UnitAmount: 40, AccountCode: '200' })]);
		});

		it('Mark invoice as paid: the invoice is paid in full into the bank account of the tool', async () => {
			const due = org().Invoices.find(
				(doc: XeroInvoice) => isSales(doc) && doc.Status === 'AUTHORISED' && doc.AmountDue > 0 && doc.CurrencyCode === 'NZD',
			)!;
			await runTool(context(), 'Mark invoice as paid', { invoiceNumber: due.InvoiceNumber, paymentReference: 'E2E-AGENT-PAY' });
			expect(org().Invoices.get(due.InvoiceID)).toMatchObject({ Status: 'PAID', AmountDue: 0 });
			expect(org().Payments.filter((payment) => payment.Reference === 'E2E-AGENT-PAY')).toEqual([
				expect.objectContaining({ Amount: due.AmountDue, Account: expect.objectContaining({ Code: '090' }) }),
			]);
		});

		it('Aged receivables of one customer', async () => {
			const rows = (await runTool(context(), 'Aged receivables', { contactId: customer().ContactID, asAt: '' })) as Documents;
			expect(rows.length).toBeGreaterThan(0);
			expect(rows.some((row) => row.RowType === 'SummaryRow')).toBe(true);
		});

		it('Unreconciled bank transactions: exactly the ones to review in the period', async () => {
			const to = new Date().toISOString().slice(0, 10);
			const from = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
			const listed = (await runTool(context(), 'Unreconciled bank transactions', { fromDate: from, toDate: to })) as Documents;
			const expected = org().BankTransactions.filter(
				(doc: XeroBankTransaction) => !doc.IsReconciled && dayOf(doc.Date) >= from && dayOf(doc.Date) <= to,
			);
			expect(expected.length).toBeGreaterThan(0);
			expect(listed.map((doc) => doc.BankTransactionID).sort()).toEqual(expected.map((doc) => doc.BankTransactionID).sort());
		});

		it('Profit and loss for a period', async () => {
			const rows = (await runTool(context(), 'Profit and loss', { fromDate: '2026-01-01', toDate: '2026-12-31' })) as Documents;
			expect(rows.map((row) => row.Account)).toEqual(expect.arrayContaining(['Total Income']));
		});
	});
}
