/** Every example workflow imports into n8n 2.41.1 as shipped and is valid there. */
import type { INodeTypeDescription } from 'n8n-workflow';

import { PACKAGE_NAME } from '../../install';
import { SANDBOX_CREDENTIALS } from '../../stack';
import type { Context } from '../support/context';
import { loadWorkflow, workflowFiles, type ExampleWorkflow } from '../support/files';
import { nodeProblems, nodeTypeDescriptions } from '../support/validate';

const XERO_TYPES = ['xeroAccounting', 'xeroAccountingTool', 'xeroAccountingTrigger', 'xeroAccountingWebhookTrigger', 'organicFilter'].map(
	(name) => `${PACKAGE_NAME}.${name}`,
);

function dataTableNames(workflow: ExampleWorkflow): string[] {
	return workflow.nodes.flatMap((node) => {
		if (node.type !== 'n8n-nodes-base.dataTable') return [];
		const parameters = node.parameters as { tableName?: string; dataTableId?: { mode: string; value: string } };
		return [parameters.tableName ?? parameters.dataTableId?.value ?? ''];
	});
}

export function importSuite(context: () => Context) {
	describe('imports', () => {
		let types: INodeTypeDescription[];
		const files = workflowFiles();

		beforeAll(async () => {
			types = await nodeTypeDescriptions(context().n8n);
		});

		it('has the example workflows', () => {
			expect(files.length).toBeGreaterThanOrEqual(9);
		});

		it.each(files)('%s is stored by n8n as shipped, with every node', async (file) => {
			const stored = await context().n8n.rest<ExampleWorkflow>('GET', `/workflows/${context().ids[`file:${file}`]}`);
			const shipped = loadWorkflow(file);
			expect(stored.name).toBe(shipped.name);
			expect(stored.nodes.map((node) => node.name).sort()).toEqual(shipped.nodes.map((node) => node.name).sort());
			expect(stored.connections).toEqual(shipped.connections);
		});

		it.each(files)('%s has nothing the editor would flag', (file) => {
			const problems = loadWorkflow(file).nodes.flatMap((node) => nodeProblems(types, node).map((problem) => `${node.name}: ${problem}`));
			expect(problems).toEqual([]);
		});

		it.each(files)('%s explains itself and uses this package for Xero, connected to the sandbox credentials', (file) => {
			const workflow = loadWorkflow(file);
			const notes = workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote');
			expect(notes.length).toBeGreaterThanOrEqual(2);
			expect(String(notes[0].parameters.content)).toMatch(/^## /);
			for (const node of workflow.nodes) {
				expect(node.type).not.toMatch(/^n8n-nodes-base\.xero/);
				if (XERO_TYPES.includes(node.type) && node.type !== `${PACKAGE_NAME}.organicFilter`) {
					const credentials = Object.values(node.credentials ?? {});
					expect(credentials.length).toBeGreaterThan(0);
					for (const credential of credentials) {
						expect(Object.values(SANDBOX_CREDENTIALS).map(({ id, name }) => ({ id, name }))).toContainEqual(credential);
					}
				}
			}
			// The retry workflow only re-sends deliveries to the sales workflow.
			if (!file.includes('retry')) expect(workflow.nodes.some((node) => XERO_TYPES.includes(node.type))).toBe(true);
		});

		it('the data tables have names n8n cannot confuse (it finds a table by a name it contains)', () => {
			const names = [...new Set(files.flatMap((file) => dataTableNames(loadWorkflow(file))))];
			expect(names.length).toBeGreaterThan(5);
			for (const name of names) {
				expect(names.filter((other) => other !== name && other.toLowerCase().includes(name.toLowerCase()))).toEqual([]);
			}
		});

		it('imports into an n8n that has none of its credentials, keeping the references for the user to replace', async () => {
			const stored = await context().n8n.rest<ExampleWorkflow>('GET', `/workflows/${context().ids.foreign}`);
			const referenced = stored.nodes.flatMap((node) => Object.values(node.credentials ?? {}));
			expect(referenced.length).toBeGreaterThan(5);
			expect(new Set(referenced.map((credential) => credential.id))).toEqual(new Set(['notOnThisServer1']));
		});

		it('the flagging above is real: a node missing a required parameter is flagged', () => {
			const node = { ...loadWorkflow('5-dispatched-orders.json').nodes.find((n) => n.name === 'Create the sales invoice')! };
			node.parameters = { ...node.parameters, contactId: { __rl: true, mode: 'id', value: '' }, renamedAway: 1 };
			expect(nodeProblems(types, node)).toEqual(expect.arrayContaining([expect.stringMatching(/^contactId/), 'unknown parameter "renamedAway"']));
		});
	});
}
