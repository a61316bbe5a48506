import { readFileSync } from 'fs';
import { join } from 'path';

import type { INodeTypeDescription } from 'n8n-workflow';

import { loadPackage, REPO_ROOT } from '../harness';
import { operationsTable, TABLE_END, TABLE_START } from './operationsTable';

// The README promises what the node does: its operations table must be the node's own.
test('the README lists every operation of the Xero Accounting node with its scope', async () => {
	const pkg = await loadPackage();
	const node = pkg.nodeTypes.getByName(pkg.fullType('xeroAccounting'));
	const expected = operationsTable(node.description as INodeTypeDescription);
	const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
	const start = readme.indexOf(TABLE_START);
	const end = readme.indexOf(TABLE_END);
	expect(start).toBeGreaterThan(-1);
	expect(readme.slice(start + TABLE_START.length, end).trim()).toBe(expected);
});
