import { randomUUID } from 'crypto';
import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import { scopeFor } from '../../nodes/shared/transport/scopes';
import { createAdditionalData, loadPackage } from '../harness';
import { CREDENTIAL_ID, startXero, type RunExtra, type XeroFixture } from '../helpers/xero';
import type { RequestLogEntry, XeroContact } from '../sandbox';
import { Figures } from './figures';

// Least scopes. The operations come from the node's own description; each one is run against the
// sandbox, and the requests it makes (from the sandbox's log) are mapped to Xero scopes with the
// transport's scopeFor. Every scope an operation needs must be in the default granular preset,
// every read operation (only GETs) must be covered by the read-only preset, and the scope each
// operation's description names must be one its requests need. The sandbox enforces scopes too:
// each operation runs with a token holding exactly the preset's scopes (the legacy preset as well).

const API = '/api.xro/2.0';
jest.setTimeout(120_000);
const CREDENTIAL_TYPE = 'xeroAccountingOAuth2Api';
type Preset = 'granular' | 'granularRead' | 'legacy';

const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });
const line = { Description: 'Scoped line', Quantity: 1, UnitAmount: 10, AccountCode: '200' };
const purchaseLine = { ...line, AccountCode: '300' };
const attachment = { data: { data: Buffer.from('receipt\n').toString('base64'), mimeType: 'text/plain', fileName: 'receipt.txt' } };

let xero: XeroFixture;
let customer: XeroContact;
let supplier: XeroContact;
const presets = {} as Record<Preset, string[]>;
const figures = new Figures('least scopes');

const org = () => xero.sandbox.store.tenant(xero.tenantId);
const create = (collection: Parameters<XeroFixture['sandbox']['store']['create']>[1], doc: IDataObject) =>
	xero.sandbox.store.create(xero.tenantId, collection, doc) as IDataObject;
const invoice = (type: 'ACCREC' | 'ACCPAY', status: string) =>
	String(
		create('Invoices', {
			Type: type,
			Contact: { ContactID: type === 'ACCREC' ? customer.ContactID : supplier.ContactID },
			Status: status,
			LineItems: [type === 'ACCREC' ? line : purchaseLine],
		}).InvoiceID,
	);
const purchaseOrder = () => String(create('PurchaseOrders', { Contact: { ContactID: supplier.ContactID }, Status: 'DRAFT', LineItems: [purchaseLine] }).PurchaseOrderID);
const creditNote = () =>
	String(create('CreditNotes', { Type: 'ACCRECCREDIT', Contact: { ContactID: customer.ContactID }, Status: 'AUTHORISED', LineItems: [line] }).CreditNoteID);

interface Fixture {
	parameters: IDataObject;
	extra?: RunExtra;
}

/** Parameters that make each operation do its work; documents are made fresh for every run. */
function invoiceFixtures(resource: 'salesInvoice' | 'bill', type: 'ACCREC' | 'ACCPAY'): Record<string, () => Fixture> {
	const contact = type === 'ACCREC' ? () => customer.ContactID : () => supplier.ContactID;
	return {
		[`${resource}.approve`]: () => ({ parameters: { invoiceId: rl(invoice(type, 'DRAFT')) } }),
		[`${resource}.create`]: () => ({ parameters: { contactId: rl(contact()), lineItems: { line: [type === 'ACCREC' ? line : purchaseLine] } } }),
		[`${resource}.downloadPdf`]: () => ({ parameters: { invoiceId: rl(invoice(type, 'AUTHORISED')), binaryPropertyName: 'data' } }),
		[`${resource}.get`]: () => ({ parameters: { invoiceId: rl(invoice(type, 'AUTHORISED')) } }),
		[`${resource}.getAll`]: () => ({ parameters: { limit: 5 } }),
		[`${resource}.markPaid`]: () => ({ parameters: { invoiceId: rl(invoice(type, 'AUTHORISED')), accountCode: '090' } }),
		[`${resource}.update`]: () => ({ parameters: { invoiceId: rl(invoice(type, 'DRAFT')), updateFields: { DueDate: '2026-12-31' } } }),
		[`${resource}.uploadAttachment`]: () => ({
			parameters: { invoiceId: rl(invoice(type, 'AUTHORISED')), binaryPropertyName: 'data' },
			extra: { binary: [attachment] },
		}),
		[`${resource}.voidOrDelete`]: () => ({ parameters: { invoiceId: rl(invoice(type, 'DRAFT')) } }),
	};
}

const fixtures: Record<string, () => Fixture> = {
	...invoiceFixtures('salesInvoice', 'ACCREC'),
	...invoiceFixtures('bill', 'ACCPAY'),
	'salesInvoice.getOnlineUrl': () => ({ parameters: { invoiceId: rl(invoice('ACCREC', 'AUTHORISED')) } }),
	'salesInvoice.send': () => ({ parameters: { invoiceId: rl(invoice('ACCREC', 'AUTHORISED')) } }),
	'contact.create': () => ({ parameters: { name: `Scoped ${randomUUID()}` } }),
	'contact.findOrCreate': () => ({ parameters: { matchOn: 'name', name: `Scoped ${randomUUID()}` } }),
	'contact.get': () => ({ parameters: { contactId: rl(customer.ContactID) } }),
	'contact.getAll': () => ({ parameters: { limit: 5 } }),
	'contact.update': () => ({ parameters: { contactId: rl(customer.ContactID), updateFields: { EmailAddress: 'scoped@example.com' } } }),
	'creditNote.allocate': () => ({
		parameters: { creditNoteId: creditNote(), invoiceId: rl(invoice('ACCREC', 'AUTHORISED')), allocationOptions: { amount: 1 } },
	}),
	'creditNote.create': () => ({ parameters: { type: 'ACCRECCREDIT', contactId: rl(customer.ContactID), lineItems: { line: [line] } } }),
	'creditNote.get': () => ({ parameters: { creditNoteId: creditNote() } }),
	'creditNote.getAll': () => ({ parameters: { limit: 5 } }),
	'payment.create': () => ({ parameters: { invoiceId: rl(invoice('ACCREC', 'AUTHORISED')), accountCode: '090' } }),
	'payment.getAll': () => ({ parameters: { limit: 5 } }),
	'payment.void': () => ({
		parameters: {
			paymentId: String(create('Payments', { Invoice: { InvoiceID: invoice('ACCREC', 'AUTHORISED') }, Account: { Code: '090' }, Amount: 5 }).PaymentID),
		},
	}),
	'account.get': () => ({ parameters: { account: '200' } }),
	'account.getAll': () => ({ parameters: {} }),
	'bankTransaction.create': () => ({
		parameters: { type: 'RECEIVE', contactId: rl(customer.ContactID), bankAccount: '090', lineItems: { line: [line] } },
	}),
	'bankTransaction.get': () => ({
		parameters: {
			bankTransactionId: String(
				create('BankTransactions', { Type: 'RECEIVE', Contact: { ContactID: customer.ContactID }, BankAccount: { Code: '090' }, LineItems: [line] })
					.BankTransactionID,
			),
		},
	}),
	'bankTransaction.getAll': () => ({ parameters: { limit: 5 } }),
	'currency.get': () => ({ parameters: { code: 'USD' } }),
	'currency.getAll': () => ({ parameters: {} }),
	'customApiCall.call': () => ({ parameters: { method: 'GET', path: 'Organisation' } }),
	'item.create': () => ({ parameters: { code: `SC-${randomUUID().slice(0, 8)}` } }),
	'item.get': () => ({ parameters: { itemId: rl('ORGANIC-FLOUR', 'code') } }),
	'item.getAll': () => ({ parameters: { limit: 5 } }),
	'item.update': () => ({ parameters: { itemId: rl('TEA-GREEN', 'code'), updateFields: { salesUnitPrice: 7.5 } } }),
	'organisation.get': () => ({ parameters: {} }),
	'organisation.getAll': () => ({ parameters: {} }),
	'purchaseOrder.approve': () => ({ parameters: { purchaseOrderId: rl(purchaseOrder()) } }),
	'purchaseOrder.create': () => ({ parameters: { contactId: rl(supplier.ContactID), lineItems: { line: [purchaseLine] } } }),
	'purchaseOrder.delete': () => ({ parameters: { purchaseOrderId: rl(purchaseOrder()) } }),
	'purchaseOrder.downloadPdf': () => ({ parameters: { purchaseOrderId: rl(purchaseOrder()), binaryPropertyName: 'data' } }),
	'purchaseOrder.get': () => ({ parameters: { purchaseOrderId: rl(purchaseOrder()) } }),
	'purchaseOrder.getAll': () => ({ parameters: { limit: 5 } }),
	'purchaseOrder.update': () => ({ parameters: { purchaseOrderId: rl(purchaseOrder()), updateFields: { Reference: 'scoped' } } }),
	'report.agedPayables': () => ({ parameters: { contactId: rl(supplier.ContactID) } }),
	'report.agedReceivables': () => ({ parameters: { contactId: rl(customer.ContactID) } }),
	'report.balanceSheet': () => ({ parameters: {} }),
	'report.bankSummary': () => ({ parameters: {} }),
	'report.profitAndLoss': () => ({ parameters: {} }),
	'report.trialBalance': () => ({ parameters: {} }),
	'taxRate.get': () => ({ parameters: { taxType: 'OUTPUT' } }),
	'taxRate.getAll': () => ({ parameters: {} }),
	'trackingCategory.get': () => ({ parameters: { trackingCategoryId: String(org().TrackingCategories.all()[0].TrackingCategoryID) } }),
	'trackingCategory.getAll': () => ({ parameters: {} }),
};

interface Operation {
	key: string;
	resource: string;
	operation: string;
	/** The scope the operation's description names for AI agents and users, if it names one. */
	named?: string;
}

/** Every resource/operation pair the node offers, read from its description. */
async function operationsOfNode(): Promise<Operation[]> {
	const pkg = await loadPackage();
	const { properties } = pkg.nodeTypes.getByNameAndVersion(pkg.fullType('xeroAccounting')).description;
	return properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			(property.displayOptions?.show?.resource as string[]).flatMap((resource) =>
				(property.options as INodePropertyOptions[]).map((option) => ({
					key: `${resource}.${String(option.value)}`,
					resource,
					operation: String(option.value),
					named: /\(scope: (accounting\.[a-z.]+)\)/.exec(option.description ?? '')?.[1],
				})),
			),
		);
}

/** The scope string n8n sends for a preset, as the credential resolves it. */
async function presetScopes(preset: Preset): Promise<string[]> {
	const pkg = await loadPackage();
	const { data } = xero.credentials.get(CREDENTIAL_ID);
	xero.credentials.set('preset', CREDENTIAL_TYPE, { ...data, scopePreset: preset });
	const additionalData = createAdditionalData({ pkg, credentials: xero.credentials, workflowId: 'scopes' });
	const resolved = await additionalData.credentialsHelper.getDecrypted(additionalData, { id: 'preset', name: 'preset' }, CREDENTIAL_TYPE, 'manual');
	return String(resolved.scope).split(/\s+/).filter(Boolean);
}

function connectWith(preset: Preset): void {
	const { data } = xero.credentials.get(CREDENTIAL_ID);
	const tokens = xero.sandbox.issueTokens({ scope: presets[preset].join(' ') }) as unknown as IDataObject;
	xero.credentials.set(CREDENTIAL_ID, CREDENTIAL_TYPE, { ...data, scopePreset: preset, oauthTokenData: tokens });
}

/** A write scope grants its reads; report scopes exist only as reads. */
const covers = (granted: string[], needed: string) => granted.includes(needed) || (needed.endsWith('.read') && granted.includes(needed.slice(0, -'.read'.length)));
const apiCalls = (log: RequestLogEntry[]) => log.filter((entry) => entry.path.startsWith(`${API}/`));
const scopesOf = (log: RequestLogEntry[]) => [...new Set(apiCalls(log).map((entry) => scopeFor(entry.method, entry.path.slice(API.length))))].sort();

async function runAs(preset: Preset, op: Operation) {
	connectWith(preset);
	const fixture = fixtures[op.key]();
	xero.sandbox.clearLog();
	const result = await xero.run({ resource: op.resource, operation: op.operation, ...fixture.parameters }, [{}], fixture.extra);
	return { ...result, log: [...xero.sandbox.log] };
}

let operations: Operation[];
const needed = new Map<string, string[]>();

beforeAll(async () => {
	xero = await startXero({ size: 5 });
	customer = xero.sandbox.store.create(xero.tenantId, 'Contacts', { Name: 'Scopes Customer' }) as unknown as XeroContact;
	supplier = xero.sandbox.store.create(xero.tenantId, 'Contacts', { Name: 'Scopes Supplier' }) as unknown as XeroContact;
	operations = await operationsOfNode();
	for (const preset of ['granular', 'granularRead', 'legacy'] as const) presets[preset] = await presetScopes(preset);
});

afterAll(async () => {
	await xero.close();
	figures.print();
	expect(xero.sandbox.specViolations).toEqual([]);
});

test('every operation in the node description has a fixture here, and no fixture is stale', () => {
	expect(operations.length).toBeGreaterThan(50);
	expect(Object.keys(fixtures).sort()).toEqual(operations.map((op) => op.key).sort());
	figures.set('operations in the node description', operations.length);
});

test('the presets ask for offline access and the granular scopes', () => {
	for (const preset of ['granular', 'granularRead', 'legacy'] as const) expect(presets[preset]).toContain('offline_access');
	expect(presets.granularRead.filter((scope) => scope.startsWith('accounting.')).every((scope) => scope.endsWith('.read'))).toBe(true);
});

test('with the default granular preset, every operation works and needs only scopes the preset holds', async () => {
	const problems: string[] = [];
	for (const op of operations) {
		const { error, log } = await runAs('granular', op);
		if (error) problems.push(`${op.key} failed: ${error.message}`);
		const refused = log.filter((entry) => entry.status >= 400);
		if (refused.length) problems.push(`${op.key} was refused: ${refused.map((entry) => `${entry.method} ${entry.path} ${entry.status}`).join(', ')}`);
		const scopes = scopesOf(log);
		needed.set(op.key, scopes);
		problems.push(...scopes.filter((scope) => !covers(presets.granular, scope)).map((scope) => `${op.key} needs ${scope}, not in the preset`));
		if (op.named && !scopes.includes(op.named)) problems.push(`${op.key} names ${op.named} but needs ${scopes.join(', ')}`);
	}
	expect(problems).toEqual([]);
	expect(needed.get('organisation.getAll')).toEqual([]);
	figures.set('operations run with the granular preset', operations.length);
	figures.set('distinct scopes needed', new Set([...needed.values()].flat()).size);
});

test('the read-only preset covers every read operation, and the sandbox lets each one run with it', async () => {
	const reads = operations.filter((op) => needed.get(op.key)!.every((scope) => scope.endsWith('.read')));
	const writes = operations.filter((op) => !reads.includes(op));
	const problems: string[] = [];
	for (const op of reads) {
		problems.push(...needed.get(op.key)!.filter((scope) => !covers(presets.granularRead, scope)).map((scope) => `${op.key} needs ${scope}`));
		const { error, log } = await runAs('granularRead', op);
		if (error) problems.push(`${op.key} failed: ${error.message}`);
		if (!apiCalls(log).every((entry) => entry.method === 'GET')) problems.push(`${op.key} wrote`);
	}
	expect(problems).toEqual([]);
	// A write with the read-only preset is refused by Xero (401), not half done.
	const write = operations.find((op) => op.key === 'contact.create')!;
	const before = org().Contacts.all().length;
	const { error } = await runAs('granularRead', write);
	expect(error).toBeDefined();
	expect(org().Contacts.all().length).toBe(before);
	figures.set('read operations (only GETs)', reads.length);
	figures.set('write operations', writes.length);
});

test('with the legacy broad scopes, every operation works too', async () => {
	const problems: string[] = [];
	for (const op of operations) {
		const { error } = await runAs('legacy', op);
		if (error) problems.push(`${op.key} failed: ${error.message}`);
	}
	expect(problems).toEqual([]);
	figures.set('operations run with the legacy preset', operations.length);
});
