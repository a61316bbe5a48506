import { randomUUID } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { builtinNode, ourNode, runFlow, splitErrors, type BenchContext, type FlowResult, type Side } from '../context';
import { invoicesWithReference, organisation, payableInvoices, salesCatalogue } from '../fixtures';
import { measure, type Measured } from '../measure';
import { fewerCallsTarget, floorTarget, idsReadFloor, writeFloor, type Row, type SideResult } from '../results';

const LINES_PER_INVOICE = 2;
/** Continue On Fail ("continue" in n8n's settings): per-item errors instead of a failed run. */
const CONTINUE = { onError: 'continueRegularOutput' as const };

export interface InvoiceInput {
	items: IDataObject[];
	/** Indexes of the items Xero must refuse. */
	invalid: Set<number>;
}

/**
 * Sales invoices to create, one per input item, two lines each, as an order export would hold
 * them. Every `1 / invalidShare`-th item is invalid, alternately with an unknown item code (this
 * package refuses it before sending) and with a contact that does not exist (only Xero can tell).
 */
export function invoiceInput(ctx: BenchContext, tag: string, n: number, invalidShare = 0): InvoiceInput {
	const { customers, items: catalogue } = salesCatalogue(organisation(ctx.sandbox));
	const every = invalidShare > 0 ? Math.round(1 / invalidShare) : 0;
	const invalid = new Set<number>();
	const items: IDataObject[] = [];
	for (let i = 0; i < n; i++) {
		const LineItems = Array.from({ length: LINES_PER_INVOICE }, (_, line) => {
			const item = catalogue[(i * LINES_PER_INVOICE + line) % catalogue.length];
			return {
				ItemCode: item.code,
				Description: item.description,
				Quantity: 1 + ((i + line) % 12),
				UnitAmount: item.price,
				AccountCode: item.account,
				TaxType: 'OUTPUT',
			};
		});
		let contactId = customers[i % customers.length];
		if (every && i % every === Math.floor(every / 2)) {
			if (invalid.size % 2 === 0) LineItems[0].ItemCode = 'NO-SUCH-ITEM';
			else contactId = randomUUID();
			invalid.add(i);
		}
		items.push({ contactId, reference: `${tag}-${i}`, LineItems });
	}
	return { items, invalid };
}

function ourCreateNode(ctx: BenchContext) {
	return ourNode(
		ctx,
		'Create',
		{
			resource: 'salesInvoice',
			operation: 'create',
			contactId: { __rl: true, mode: 'id', value: '={{ $json.contactId }}' },
			status: 'AUTHORISED',
			lineItemsSource: 'field',
			lineItemsField: 'LineItems',
			additionalFields: { Reference: '={{ $json.reference }}' },
		},
		CONTINUE,
	);
}

function builtinCreateNode(ctx: BenchContext) {
	const line = (n: number) => ({
		itemCode: `={{ $json.LineItems[${n}].ItemCode }}`,
		description: `={{ $json.LineItems[${n}].Description }}`,
		quantity: `={{ $json.LineItems[${n}].Quantity }}`,
		unitAmount: `={{ $json.LineItems[${n}].UnitAmount }}`,
		accountCode: `={{ $json.LineItems[${n}].AccountCode }}`,
		taxType: `={{ $json.LineItems[${n}].TaxType }}`,
	});
	return builtinNode(
		ctx,
		'Create',
		{
			resource: 'invoice',
			operation: 'create',
			type: 'ACCREC',
			contactId: '={{ $json.contactId }}',
			lineItemsUi: { lineItemsValues: Array.from({ length: LINES_PER_INVOICE }, (_, n) => line(n)) },
			additionalFields: { reference: '={{ $json.reference }}', status: 'AUTHORISED' },
		},
		CONTINUE,
	);
}

export interface CreateOutcome {
	measured: Measured<FlowResult>;
	side: SideResult;
	/** Items reported as failed, by index. */
	failedItems: number[];
}

/**
 * Creates the invoices of `input` on one side and checks the result against the sandbox: every
 * valid one created once, no invalid one created, every invalid one reported on its own item.
 */
export async function createInvoices(ctx: BenchContext, side: Side, tag: string, input: InvoiceInput): Promise<CreateOutcome> {
	const node = side === 'ours' ? ourCreateNode(ctx) : builtinCreateNode(ctx);
	const measured = await measure(ctx.sandbox, () => runFlow(ctx, side, [node], input.items));
	const output = measured.value.outputs.Create;
	// One output per input, in order; the built-in node's error items carry no pairing.
	const failedItems = output.flatMap((item, position) => (item.json.error !== undefined ? [pairedIndex(item.pairedItem, position)] : []));
	const { ok } = splitErrors(output);

	const created = invoicesWithReference(organisation(ctx.sandbox), `${tag}-`);
	const createdRefs = new Map<string, number>();
	for (const invoice of created) createdRefs.set(String(invoice.Reference), (createdRefs.get(String(invoice.Reference)) ?? 0) + 1);
	const problems: string[] = [];
	input.items.forEach((item, i) => {
		const times = createdRefs.get(String(item.reference)) ?? 0;
		if (input.invalid.has(i) && times) problems.push(`invalid item ${i} was created`);
		if (!input.invalid.has(i) && times !== 1) problems.push(`valid item ${i} created ${times} times`);
	});
	const expectedFailed = [...input.invalid].sort((a, b) => a - b);
	if (JSON.stringify([...failedItems].sort((a, b) => a - b)) !== JSON.stringify(expectedFailed)) {
		problems.push(`items reported failed: ${failedItems.length}, expected ${expectedFailed.length}`);
	}
	if (ok.length !== input.items.length - input.invalid.size) problems.push(`${ok.length} items succeeded`);
	if (measured.value.error) problems.push(measured.value.error);
	return {
		measured,
		failedItems,
		side: {
			calls: measured.calls,
			ms: Math.round(measured.ms),
			peakHeapMb: measured.peakHeapMb,
			ok: problems.length === 0,
			note: problems.length ? problems.slice(0, 3).join('; ') : undefined,
			figures: { created: created.length, reportedFailed: failedItems.length },
		},
	};
}

function pairedIndex(paired: unknown, position: number): number {
	const first = Array.isArray(paired) ? paired[0] : paired;
	if (typeof first === 'number') return first;
	return (first as { item?: number } | undefined)?.item ?? position;
}

/** Create N sales invoices in one execution, on both sides; `invalidShare` of them invalid. */
export async function createScenario(ctx: BenchContext, n: number, invalidShare: number): Promise<Row> {
	const kind = invalidShare ? `invalid${Math.round(invalidShare * 100)}` : 'valid';
	const input = invoiceInput(ctx, `BENCH-ours-${kind}`, n, invalidShare);
	ctx.log(`create: ${n} sales invoices${input.invalid.size ? `, ${input.invalid.size} invalid` : ''}`);
	const ours = await createInvoices(ctx, 'ours', `BENCH-ours-${kind}`, input);
	const theirs = await createInvoices(ctx, 'builtin', `BENCH-builtin-${kind}`, invoiceInput(ctx, `BENCH-builtin-${kind}`, n, invalidShare));
	const floor = writeFloor(n);
	const invalidText = input.invalid.size
		? `, ${input.invalid.size} invalid (${Math.ceil(input.invalid.size / 2)} unknown item codes, ${Math.floor(input.invalid.size / 2)} unknown contacts)`
		: '';
	return {
		id: input.invalid.size ? 'createWithInvalid' : 'create',
		scenario: `Create sales invoices from items (N=${n.toLocaleString('en')}${invalidText})`,
		floor,
		ours: {
			...ours.side,
			note: [ours.side.note, 'batches of 50; accounts and tax rates are read once and shared by later runs (2 calls on the first write of a process)', input.invalid.size ? 'each invalid invoice refused by Xero on its own, the others created' : undefined]
				.filter(Boolean)
				.join('; '),
		},
		builtin: { ...theirs.side, note: [theirs.side.note, 'one call per invoice'].filter(Boolean).join('; ') },
		targets: [floorTarget(ours.side.calls, floor), fewerCallsTarget(ours.side.calls, theirs.side.calls, 40)],
	};
}

/** Mark N approved sales invoices paid (this package only: the built-in node has no payments). */
export async function markPaidScenario(ctx: BenchContext, n: number, amountGiven: boolean): Promise<Row> {
	const org = organisation(ctx.sandbox);
	const invoices = payableInvoices(org, n, 'BENCH-');
	if (invoices.length < n) throw new Error(`only ${invoices.length} approved invoices to pay, ${n} wanted`);
	const input = invoices.map((invoice) => ({ invoiceId: invoice.InvoiceID, amount: invoice.AmountDue }));
	ctx.log(`mark paid: ${n} invoices, amount ${amountGiven ? 'given' : 'due, read from Xero'}`);
	const measured = await measure(ctx.sandbox, () =>
		runFlow(
			ctx,
			'ours',
			[
				ourNode(
					ctx,
					'Pay',
					{
						resource: 'salesInvoice',
						operation: 'markPaid',
						invoiceId: { __rl: true, mode: 'id', value: '={{ $json.invoiceId }}' },
						accountCode: '090',
						paymentOptions: amountGiven ? { amount: '={{ $json.amount }}' } : {},
					},
					CONTINUE,
				),
			],
			input,
		),
	);
	const { failed } = splitErrors(measured.value.outputs.Pay);
	const paid = invoices.filter((invoice) => org.Invoices.get(invoice.InvoiceID)?.Status === 'PAID').length;
	const ok = !measured.value.error && failed.length === 0 && paid === n;
	const accountsRead = measured.log.some((entry) => entry.path.endsWith('/Accounts'));
	// Reading the amounts due needs the invoices, asked for by ID.
	const floor = writeFloor(n) + (amountGiven ? 0 : idsReadFloor(n));
	return {
		id: amountGiven ? 'markPaidAmount' : 'markPaid',
		scenario: `Mark invoices paid (N=${n}, ${amountGiven ? 'amount given' : 'whole amount due'})`,
		floor,
		ours: {
			calls: measured.calls,
			ms: Math.round(measured.ms),
			peakHeapMb: measured.peakHeapMb,
			ok,
			note: ok
				? [
						amountGiven ? undefined : 'amounts due read 50 IDs per call (URL length)',
						'payments in batches of 50',
						accountsRead ? 'the chart of accounts read to check the bank account' : 'the chart of accounts already known to the process',
					]
						.filter(Boolean)
						.join(', ')
				: `${paid} of ${n} paid, ${failed.length} items failed`,
		},
		builtin: { na: 'n/a: the built-in node has no payments' },
		targets: [floorTarget(measured.calls, floor)],
	};
}

/** One document: where the built-in node needs as few calls, or fewer. */
export async function singleDocumentRows(ctx: BenchContext): Promise<Row[]> {
	const invoiceId = payableInvoices(organisation(ctx.sandbox), 1)[0].InvoiceID;
	const getOurs = await measure(ctx.sandbox, () =>
		runFlow(ctx, 'ours', [
			ourNode(ctx, 'Get', { resource: 'salesInvoice', operation: 'get', invoiceId: { __rl: true, mode: 'id', value: invoiceId } }),
		]),
	);
	const getTheirs = await measure(ctx.sandbox, () =>
		runFlow(ctx, 'builtin', [builtinNode(ctx, 'Get', { resource: 'invoice', operation: 'get', invoiceId })]),
	);
	const got = (m: Measured<FlowResult>) => !m.value.error && m.value.outputs.Get[0]?.json.InvoiceID === invoiceId;
	const sideOf = (m: Measured<FlowResult>): SideResult => ({
		calls: m.calls,
		ms: Math.round(m.ms),
		peakHeapMb: m.peakHeapMb,
		ok: got(m),
	});
	const createOurs = await createInvoices(ctx, 'ours', 'BENCH-ours-single', invoiceInput(ctx, 'BENCH-ours-single', 1));
	const createTheirs = await createInvoices(ctx, 'builtin', 'BENCH-builtin-single', invoiceInput(ctx, 'BENCH-builtin-single', 1));
	return [
		{
			id: 'getOne',
			scenario: 'Get one sales invoice by ID',
			floor: 1,
			ours: sideOf(getOurs),
			builtin: sideOf(getTheirs),
			targets: [floorTarget(getOurs.calls, 1)],
		},
		{
			id: 'createOne',
			scenario: 'Create one sales invoice',
			floor: 1,
			ours: { ...createOurs.side, note: 'accounts and tax rates, read once and shared by later runs, are already known: the invoice alone' },
			builtin: { ...createTheirs.side, note: 'the invoice alone: Xero checks the codes' },
			targets: [floorTarget(createOurs.side.calls, 1)],
		},
	];
}
