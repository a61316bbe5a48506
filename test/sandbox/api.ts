import { randomBytes, randomUUID } from 'crypto';
import { buildBankTransaction, presentBankTransaction } from './bank-transactions';
import { elementsOf, envelope, runBatch, type Built } from './batch';
import { buildContact, contactBalances, presentContact } from './contacts';
import { allocateCreditNote, buildCreditNote, presentCreditNote } from './credit-notes';
import { contactSummary } from './documents';
import { XeroNotFound, XeroValidationError, type Engine } from './engine';
import { buildInvoice, commitInvoice, presentInvoice } from './invoices';
import { buildItem } from './items';
import { queryBool, queryList, queryValue, runList, type Query } from './listing';
import { buildPayment, deletePayment } from './payments';
import { renderPdf } from './pdf';
import { buildPurchaseOrder, findPurchaseOrder, presentPurchaseOrder } from './purchase-orders';
import { agedByContact, balanceSheet, bankSummary, profitAndLoss, trialBalance } from './reports';
import type { OrganisationData } from './store';
import type { Json, StoredAttachment, XeroContactRef } from './types';
import { defaultGetter, type FieldGetter } from './where';
import { fromMsDate, parseRequestDate } from './xero-format';

// The Accounting API endpoints, keyed by the spec's operationId.

export interface ApiContext {
	engine: Engine;
	org: OrganisationData;
	params: Record<string, string>;
	query: Query;
	headers: Record<string, string | undefined>;
	body: unknown;
	raw: Buffer;
	/** Where online invoices are served. */
	onlineInvoices: Map<string, { tenantId: string; invoiceId: string }>;
}

export interface ApiReply {
	status: number;
	body?: Json | Buffer | string;
	contentType?: string;
	headers?: Record<string, string>;
}

type Handler = (ctx: ApiContext) => ApiReply;

const json = (body: Json, status = 200): ApiReply => ({ status, body });

function unitdp(ctx: ApiContext): 2 | 4 {
	return queryValue(ctx.query, 'unitdp') === '4' ? 4 : 2;
}

function summarize(ctx: ApiContext): boolean {
	// Xero summarises errors into one 400 unless the client asks otherwise.
	return queryBool(ctx.query, 'summarizeErrors') !== false;
}

/** `where` and `order` see a document's contact as it is now, not as it was when written. */
function documentGetter(org: OrganisationData): FieldGetter {
	return (doc, path) => {
		if (path[0].toLowerCase() === 'contact' && path.length > 1) {
			const ref = (doc as { Contact?: XeroContactRef }).Contact;
			const contact = ref ? org.Contacts.get(ref.ContactID) : undefined;
			return defaultGetter(contact ? contactSummary(contact) : (ref ?? {}), path.slice(1));
		}
		return defaultGetter(doc, path);
	};
}

function idSet(query: Query, name: string): Set<string> | undefined {
	const list = queryList(query, name);
	return list ? new Set(list.map((v) => v.toLowerCase())) : undefined;
}

function paged(items: Json[], key: string, ctx: ApiContext, pagination: unknown): ApiReply {
	return json(envelope(ctx.engine, pagination ? { pagination, [key]: items } : { [key]: items }));
}

function required<T>(value: T | undefined): T {
	if (value === undefined) throw new XeroNotFound();
	return value;
}

function singleElement(ctx: ApiContext, key: string, idField: string, id: string): Json {
	const elements = elementsOf(ctx.body, key);
	if (elements.length !== 1) throw new XeroValidationError(`Exactly one ${key.slice(0, -1)} is expected when updating by id`);
	return { ...elements[0], [idField]: id };
}

function wantsPdf(ctx: ApiContext): boolean {
	return (ctx.headers.accept ?? '').toLowerCase().includes('application/pdf');
}

function pdfReply(title: string, lines: string[]): ApiReply {
	return { status: 200, body: renderPdf(title, lines), contentType: 'application/pdf' };
}

function documentPdf(org: OrganisationData, kind: string, number: string, doc: { Contact: XeroContactRef; Total: number; CurrencyCode: string; Date: string; LineItems: { Description?: string; LineAmount: number }[] }): ApiReply {
	const contact = org.Contacts.get(doc.Contact.ContactID);
	return pdfReply(`${kind} ${number}`, [
		org.tenantName,
		`To: ${contact?.Name ?? doc.Contact.Name ?? ''}`,
		`Date: ${new Date(fromMsDate(doc.Date)).toISOString().slice(0, 10)}`,
		...doc.LineItems.map((l) => `${l.Description ?? ''}  ${l.LineAmount.toFixed(2)}`),
		`Total ${doc.CurrencyCode} ${doc.Total.toFixed(2)}`,
	]);
}

// --- Invoices ------------------------------------------------------------------------

const getInvoices: Handler = (ctx) => {
	const { org, query } = ctx;
	const ids = idSet(query, 'IDs');
	const numbers = queryList(query, 'InvoiceNumbers');
	const contactIds = idSet(query, 'ContactIDs');
	const statuses = queryList(query, 'Statuses')?.map((s) => s.toUpperCase());
	const search = queryValue(query, 'searchTerm')?.toLowerCase();
	const summaryOnly = queryBool(query, 'summaryOnly') === true;
	const result = runList(org.Invoices.values(), {
		query,
		ifModifiedSince: ctx.headers['if-modified-since'],
		paging: summaryOnly ? 'always' : 'optional',
		getter: documentGetter(org),
		filters: [
			...(ids ? [(d: { InvoiceID: string }) => ids.has(d.InvoiceID)] : []),
			...(numbers ? [(d: { InvoiceNumber: string }) => numbers.includes(d.InvoiceNumber)] : []),
			...(contactIds ? [(d: { Contact: XeroContactRef }) => contactIds.has(d.Contact.ContactID)] : []),
			...(statuses ? [(d: { Status: string }) => statuses.includes(d.Status)] : []),
			...(search
				? [(d: { InvoiceNumber: string; Reference?: string }) => d.InvoiceNumber.toLowerCase().includes(search) || (d.Reference ?? '').toLowerCase().includes(search)]
				: []),
		],
	});
	const items = result.items.map((i) => presentInvoice(org, i, { withoutLines: result.unpaged, summaryOnly }));
	return paged(items, 'Invoices', ctx, result.pagination);
};

function invoiceById(ctx: ApiContext) {
	const id = ctx.params.InvoiceID;
	return required(ctx.org.Invoices.get(id) ?? ctx.org.Invoices.get(ctx.org.invoiceNumbers.get(id.toLowerCase()) ?? ''));
}

const getInvoice: Handler = (ctx) => {
	const invoice = invoiceById(ctx);
	if (wantsPdf(ctx)) return documentPdf(ctx.org, invoice.Type === 'ACCREC' ? 'Invoice' : 'Bill', invoice.InvoiceNumber, invoice);
	return json(envelope(ctx.engine, { Invoices: [presentInvoice(ctx.org, invoice)] }));
};

const writeInvoices =
	(mode: 'create' | 'upsert'): Handler =>
	(ctx) =>
		json(
			runBatch(ctx.engine, {
				key: 'Invoices',
				elements: elementsOf(ctx.body, 'Invoices'),
				summarizeErrors: summarize(ctx),
				build: (element) => buildInvoice(ctx.engine, ctx.org, element, { mode, unitdp: unitdp(ctx) }),
				present: (doc) => presentInvoice(ctx.org, doc),
				errorFlag: 'HasErrors',
			}),
		);

const updateInvoice: Handler = (ctx) => {
	const target = invoiceById(ctx);
	return json(
		runBatch(ctx.engine, {
			key: 'Invoices',
			elements: [singleElement(ctx, 'Invoices', 'InvoiceID', target.InvoiceID)],
			summarizeErrors: true,
			build: (element) => buildInvoice(ctx.engine, ctx.org, element, { mode: 'upsert', target, unitdp: unitdp(ctx) }),
			present: (doc) => presentInvoice(ctx.org, doc),
			errorFlag: 'HasErrors',
		}),
	);
};

const getOnlineInvoice: Handler = (ctx) => {
	const invoice = invoiceById(ctx);
	if (invoice.Type !== 'ACCREC') throw new XeroValidationError('Online invoices are only available for sales invoices');
	if (invoice.Status === 'DRAFT' || invoice.Status === 'DELETED') throw new XeroValidationError('Online invoice is not available for draft or deleted invoices');
	let code = [...ctx.onlineInvoices.entries()].find(([, v]) => v.invoiceId === invoice.InvoiceID)?.[0];
	if (!code) {
		code = randomBytes(30).toString('base64url');
		ctx.onlineInvoices.set(code, { tenantId: ctx.org.tenantId, invoiceId: invoice.InvoiceID });
	}
	return json(envelope(ctx.engine, { OnlineInvoices: [{ OnlineInvoiceUrl: `${ctx.engine.baseUrl}/in/${code}` }] }));
};

const emailInvoice: Handler = (ctx) => {
	const invoice = invoiceById(ctx);
	if (invoice.Type !== 'ACCREC') throw new XeroValidationError('Only sales invoices can be emailed');
	if (!['AUTHORISED', 'PAID', 'SUBMITTED'].includes(invoice.Status)) throw new XeroValidationError('Invoice must be approved before it can be emailed');
	const contact = ctx.org.Contacts.get(invoice.Contact.ContactID);
	if (!contact?.EmailAddress) throw new XeroValidationError('The contact does not have an email address');
	if (!invoice.SentToContact) {
		const updated = structuredClone(invoice);
		updated.SentToContact = true;
		commitInvoice(ctx.engine, ctx.org, updated, false);
	}
	return { status: 204 };
};

// --- Contacts ------------------------------------------------------------------------

const getContacts: Handler = (ctx) => {
	const { org, query } = ctx;
	const ids = idSet(query, 'IDs');
	const search = queryValue(query, 'searchTerm')?.toLowerCase();
	const includeArchived = queryBool(query, 'includeArchived') === true;
	const summaryOnly = queryBool(query, 'summaryOnly') === true;
	const fields = ['Name', 'FirstName', 'LastName', 'ContactNumber', 'CompanyNumber', 'EmailAddress'];
	const result = runList(org.Contacts.values(), {
		query,
		ifModifiedSince: ctx.headers['if-modified-since'],
		paging: summaryOnly ? 'always' : 'optional',
		filters: [
			...(includeArchived || ids ? [] : [(c: { ContactStatus: string }) => c.ContactStatus !== 'ARCHIVED']),
			...(ids ? [(c: { ContactID: string }) => ids.has(c.ContactID)] : []),
			...(search ? [(c: Json) => fields.some((f) => String(c[f] ?? '').toLowerCase().includes(search))] : []),
		],
	});
	return paged(
		result.items.map((c) => presentContact(c, summaryOnly)),
		'Contacts',
		ctx,
		result.pagination,
	);
};

const getContact: Handler = (ctx) => {
	const key = ctx.params.ContactID ?? ctx.params.ContactNumber;
	const contact = required(ctx.org.Contacts.get(key) ?? ctx.org.Contacts.find((c) => c.ContactNumber === key));
	return json(envelope(ctx.engine, { Contacts: [{ ...presentContact(contact), Balances: contactBalances(ctx.org, contact.ContactID, ctx.engine.now()) }] }));
};

const writeContacts =
	(mode: 'create' | 'upsert'): Handler =>
	(ctx) =>
		json(
			runBatch(ctx.engine, {
				key: 'Contacts',
				elements: elementsOf(ctx.body, 'Contacts'),
				summarizeErrors: summarize(ctx),
				build: (element) => buildContact(ctx.engine, ctx.org, element, mode),
				present: (doc) => presentContact(doc),
				errorFlag: 'HasValidationErrors',
			}),
		);

const updateContact: Handler = (ctx) => {
	const target = required(ctx.org.Contacts.get(ctx.params.ContactID));
	return json(
		runBatch(ctx.engine, {
			key: 'Contacts',
			elements: [singleElement(ctx, 'Contacts', 'ContactID', target.ContactID)],
			summarizeErrors: true,
			build: (element) => buildContact(ctx.engine, ctx.org, element, 'upsert', target),
			present: (doc) => presentContact(doc),
			errorFlag: 'HasValidationErrors',
		}),
	);
};

// --- Items ---------------------------------------------------------------------------

const getItems: Handler = (ctx) => {
	const result = runList(ctx.org.Items.values(), { query: ctx.query, ifModifiedSince: ctx.headers['if-modified-since'], paging: 'none' });
	return json(envelope(ctx.engine, { Items: result.items.map((i) => ({ ...i })) }));
};

const getItem: Handler = (ctx) => {
	const key = ctx.params.ItemID;
	const item = required(ctx.org.Items.get(key) ?? ctx.org.itemByCode(key));
	return json(envelope(ctx.engine, { Items: [{ ...item }] }));
};

const writeItems =
	(mode: 'create' | 'upsert'): Handler =>
	(ctx) =>
		json(
			runBatch(ctx.engine, {
				key: 'Items',
				elements: elementsOf(ctx.body, 'Items'),
				summarizeErrors: summarize(ctx),
				build: (element) => buildItem(ctx.engine, ctx.org, element, { mode }),
				present: (doc) => ({ ...doc }),
				errorFlag: 'none',
			}),
		);

const updateItem: Handler = (ctx) => {
	const target = required(ctx.org.Items.get(ctx.params.ItemID));
	return json(
		runBatch(ctx.engine, {
			key: 'Items',
			elements: [singleElement(ctx, 'Items', 'ItemID', target.ItemID)],
			summarizeErrors: true,
			build: (element) => buildItem(ctx.engine, ctx.org, element, { mode: 'upsert', target }),
			present: (doc) => ({ ...doc }),
			errorFlag: 'none',
		}),
	);
};

// --- Purchase orders -----------------------------------------------------------------

const getPurchaseOrders: Handler = (ctx) => {
	const { org, query } = ctx;
	const status = queryValue(query, 'Status')?.toUpperCase();
	const from = queryValue(query, 'DateFrom');
	const to = queryValue(query, 'DateTo');
	const fromMs = from ? parseRequestDate(from) : undefined;
	const toMs = to ? parseRequestDate(to) : undefined;
	if (Number.isNaN(fromMs) || Number.isNaN(toMs)) throw new XeroValidationError('DateFrom and DateTo must be dates (YYYY-MM-DD)');
	const result = runList(org.PurchaseOrders.values(), {
		query,
		ifModifiedSince: ctx.headers['if-modified-since'],
		paging: 'always',
		getter: documentGetter(org),
		filters: [
			...(status ? [(p: { Status: string }) => p.Status === status] : []),
			...(fromMs !== undefined ? [(p: { Date: string }) => fromMsDate(p.Date) >= fromMs] : []),
			...(toMs !== undefined ? [(p: { Date: string }) => fromMsDate(p.Date) <= toMs] : []),
		],
	});
	return paged(
		result.items.map((p) => presentPurchaseOrder(org, p)),
		'PurchaseOrders',
		ctx,
		result.pagination,
	);
};

const getPurchaseOrder: Handler = (ctx) => {
	const po = required(findPurchaseOrder(ctx.org, ctx.params.PurchaseOrderID ?? ctx.params.PurchaseOrderNumber));
	if (wantsPdf(ctx)) return documentPdf(ctx.org, 'Purchase Order', po.PurchaseOrderNumber, po);
	return json(envelope(ctx.engine, { PurchaseOrders: [presentPurchaseOrder(ctx.org, po)] }));
};

const getPurchaseOrderAsPdf: Handler = (ctx) => {
	const po = required(findPurchaseOrder(ctx.org, ctx.params.PurchaseOrderID));
	return documentPdf(ctx.org, 'Purchase Order', po.PurchaseOrderNumber, po);
};

const writePurchaseOrders =
	(mode: 'create' | 'upsert'): Handler =>
	(ctx) =>
		json(
			runBatch(ctx.engine, {
				key: 'PurchaseOrders',
				elements: elementsOf(ctx.body, 'PurchaseOrders'),
				summarizeErrors: summarize(ctx),
				build: (element) => buildPurchaseOrder(ctx.engine, ctx.org, element, { mode }),
				present: (doc) => presentPurchaseOrder(ctx.org, doc),
				errorFlag: 'none',
			}),
		);

const updatePurchaseOrder: Handler = (ctx) => {
	const target = required(findPurchaseOrder(ctx.org, ctx.params.PurchaseOrderID));
	return json(
		runBatch(ctx.engine, {
			key: 'PurchaseOrders',
			elements: [singleElement(ctx, 'PurchaseOrders', 'PurchaseOrderID', target.PurchaseOrderID)],
			summarizeErrors: true,
			build: (element) => buildPurchaseOrder(ctx.engine, ctx.org, element, { mode: 'upsert', target }),
			present: (doc) => presentPurchaseOrder(ctx.org, doc),
			errorFlag: 'none',
		}),
	);
};

// --- Credit notes --------------------------------------------------------------------

const getCreditNotes: Handler = (ctx) => {
	const result = runList(ctx.org.CreditNotes.values(), {
		query: ctx.query,
		ifModifiedSince: ctx.headers['if-modified-since'],
		paging: 'optional',
		getter: documentGetter(ctx.org),
	});
	return paged(
		result.items.map((c) => presentCreditNote(ctx.org, c, { withoutLines: result.unpaged })),
		'CreditNotes',
		ctx,
		result.pagination,
	);
};

function creditNoteById(ctx: ApiContext) {
	const key = ctx.params.CreditNoteID;
	return required(ctx.org.CreditNotes.get(key) ?? ctx.org.CreditNotes.find((c) => c.CreditNoteNumber === key));
}

const getCreditNote: Handler = (ctx) => {
	const note = creditNoteById(ctx);
	if (wantsPdf(ctx)) return documentPdf(ctx.org, 'Credit Note', note.CreditNoteNumber, note);
	return json(envelope(ctx.engine, { CreditNotes: [presentCreditNote(ctx.org, note)] }));
};

const writeCreditNotes =
	(mode: 'create' | 'upsert'): Handler =>
	(ctx) =>
		json(
			runBatch(ctx.engine, {
				key: 'CreditNotes',
				elements: elementsOf(ctx.body, 'CreditNotes'),
				summarizeErrors: summarize(ctx),
				build: (element) => buildCreditNote(ctx.engine, ctx.org, element, { mode, unitdp: unitdp(ctx) }),
				present: (doc) => presentCreditNote(ctx.org, doc),
				errorFlag: 'HasErrors',
			}),
		);

const updateCreditNote: Handler = (ctx) => {
	const target = creditNoteById(ctx);
	return json(
		runBatch(ctx.engine, {
			key: 'CreditNotes',
			elements: [singleElement(ctx, 'CreditNotes', 'CreditNoteID', target.CreditNoteID)],
			summarizeErrors: true,
			build: (element) => buildCreditNote(ctx.engine, ctx.org, element, { mode: 'upsert', target, unitdp: unitdp(ctx) }),
			present: (doc) => presentCreditNote(ctx.org, doc),
			errorFlag: 'HasErrors',
		}),
	);
};

const createCreditNoteAllocation: Handler = (ctx) => {
	const note = creditNoteById(ctx);
	const allocations = allocateCreditNote(ctx.engine, ctx.org, note, elementsOf(ctx.body, 'Allocations'), summarize(ctx));
	return json(envelope(ctx.engine, { Allocations: allocations }));
};

// --- Payments ------------------------------------------------------------------------

const getPayments: Handler = (ctx) => {
	const result = runList(ctx.org.Payments.values(), { query: ctx.query, ifModifiedSince: ctx.headers['if-modified-since'], paging: 'optional' });
	return paged(
		result.items.map((p) => ({ ...p })),
		'Payments',
		ctx,
		result.pagination,
	);
};

const getPayment: Handler = (ctx) => json(envelope(ctx.engine, { Payments: [{ ...required(ctx.org.Payments.get(ctx.params.PaymentID)) }] }));

const createPayments: Handler = (ctx) =>
	json(
		runBatch(ctx.engine, {
			key: 'Payments',
			elements: elementsOf(ctx.body, 'Payments'),
			summarizeErrors: summarize(ctx),
			build: (element) => buildPayment(ctx.engine, ctx.org, element),
			present: (doc) => ({ ...doc }),
			errorFlag: 'HasValidationErrors',
		}),
	);

const deletePaymentHandler: Handler = (ctx) => {
	const payment = required(ctx.org.Payments.get(ctx.params.PaymentID));
	const elements = elementsOf(ctx.body, 'Payments');
	return json(
		runBatch(ctx.engine, {
			key: 'Payments',
			elements: elements.slice(0, 1),
			summarizeErrors: true,
			build: (element): Built<typeof payment> => deletePayment(ctx.engine, ctx.org, payment, element),
			present: (doc) => ({ ...doc }),
			errorFlag: 'HasValidationErrors',
		}),
	);
};

// --- Bank transactions ---------------------------------------------------------------

const getBankTransactions: Handler = (ctx) => {
	const result = runList(ctx.org.BankTransactions.values(), {
		query: ctx.query,
		ifModifiedSince: ctx.headers['if-modified-since'],
		paging: 'optional',
		getter: documentGetter(ctx.org),
	});
	return paged(
		result.items.map((t) => presentBankTransaction(ctx.org, t, { withoutLines: result.unpaged })),
		'BankTransactions',
		ctx,
		result.pagination,
	);
};

const getBankTransaction: Handler = (ctx) =>
	json(envelope(ctx.engine, { BankTransactions: [presentBankTransaction(ctx.org, required(ctx.org.BankTransactions.get(ctx.params.BankTransactionID)))] }));

const writeBankTransactions =
	(mode: 'create' | 'upsert'): Handler =>
	(ctx) =>
		json(
			runBatch(ctx.engine, {
				key: 'BankTransactions',
				elements: elementsOf(ctx.body, 'BankTransactions'),
				summarizeErrors: summarize(ctx),
				build: (element) => buildBankTransaction(ctx.engine, ctx.org, element, { mode, unitdp: unitdp(ctx) }),
				present: (doc) => presentBankTransaction(ctx.org, doc),
				errorFlag: 'none',
			}),
		);

const updateBankTransaction: Handler = (ctx) => {
	const target = required(ctx.org.BankTransactions.get(ctx.params.BankTransactionID));
	return json(
		runBatch(ctx.engine, {
			key: 'BankTransactions',
			elements: [singleElement(ctx, 'BankTransactions', 'BankTransactionID', target.BankTransactionID)],
			summarizeErrors: true,
			build: (element) => buildBankTransaction(ctx.engine, ctx.org, element, { mode: 'upsert', target, unitdp: unitdp(ctx) }),
			present: (doc) => presentBankTransaction(ctx.org, doc),
			errorFlag: 'none',
		}),
	);
};

// --- Settings ------------------------------------------------------------------------

function simpleList(key: 'Accounts' | 'TaxRates' | 'Currencies' | 'TrackingCategories' | 'BrandingThemes', filter?: (ctx: ApiContext) => ((d: Json) => boolean)[]): Handler {
	return (ctx) => {
		const source = ctx.org[key].values() as IterableIterator<Json>;
		const result = runList(source, {
			query: ctx.query,
			ifModifiedSince: key === 'Accounts' ? ctx.headers['if-modified-since'] : undefined,
			paging: 'none',
			filters: filter?.(ctx),
		});
		return json(envelope(ctx.engine, { [key]: result.items.map((d) => structuredClone(d)) }));
	};
}

function simpleGet(key: 'Accounts' | 'TrackingCategories' | 'BrandingThemes' | 'TaxRates', param: string): Handler {
	return (ctx) => json(envelope(ctx.engine, { [key]: [structuredClone(required(ctx.org[key].get(ctx.params[param]) as Json | undefined))] }));
}

const getOrganisations: Handler = (ctx) => json(envelope(ctx.engine, { Organisations: [structuredClone(ctx.org.Organisation)] }));

// --- Attachments ---------------------------------------------------------------------

const ATTACHABLE: Record<string, { param: string; find: (org: OrganisationData, id: string) => Json | undefined; path: string }> = {
	Invoice: { param: 'InvoiceID', find: (org, id) => org.Invoices.get(id), path: 'Invoices' },
	PurchaseOrder: { param: 'PurchaseOrderID', find: (org, id) => org.PurchaseOrders.get(id), path: 'PurchaseOrders' },
	CreditNote: { param: 'CreditNoteID', find: (org, id) => org.CreditNotes.get(id), path: 'CreditNotes' },
	Contact: { param: 'ContactID', find: (org, id) => org.Contacts.get(id), path: 'Contacts' },
	BankTransaction: { param: 'BankTransactionID', find: (org, id) => org.BankTransactions.get(id), path: 'BankTransactions' },
};

const MIME: Record<string, string> = { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', txt: 'text/plain', csv: 'text/csv', xml: 'application/xml', json: 'application/json' };

function attachmentJson(ctx: ApiContext, path: string, ownerId: string, a: StoredAttachment): Json {
	return {
		AttachmentID: a.AttachmentID,
		FileName: a.FileName,
		Url: `${ctx.engine.baseUrl}/api.xro/2.0/${path}/${ownerId}/Attachments/${encodeURIComponent(a.FileName)}`,
		MimeType: a.MimeType,
		ContentLength: a.ContentLength,
		...(a.IncludeOnline ? { IncludeOnline: true } : {}),
	};
}

function attachmentOwner(ctx: ApiContext, kind: string): { owner: Json; id: string; path: string } {
	const def = ATTACHABLE[kind];
	const owner = required(def.find(ctx.org, ctx.params[def.param]));
	return { owner, id: String(owner[def.param]), path: def.path };
}

const putAttachment =
	(kind: string): Handler =>
	(ctx) => {
		const { owner, id, path } = attachmentOwner(ctx, kind);
		const fileName = ctx.params.FileName;
		if (/[<>:"/\\|?*\0+]/.test(fileName)) throw new XeroValidationError(`The file name '${fileName}' contains characters that are not allowed`);
		const list = ctx.org.attachments.get(id) ?? [];
		const existing = list.findIndex((a) => a.FileName.toLowerCase() === fileName.toLowerCase());
		if (existing < 0 && list.length >= 10) throw new XeroValidationError('A document can have at most 10 attachments');
		const ext = fileName.split('.').pop()?.toLowerCase() ?? '';
		const attachment: StoredAttachment = {
			AttachmentID: existing >= 0 ? list[existing].AttachmentID : randomUUID(),
			FileName: fileName,
			MimeType: ctx.headers['content-type']?.split(';')[0] || MIME[ext] || 'application/octet-stream',
			ContentLength: ctx.raw.length,
			IncludeOnline: queryBool(ctx.query, 'IncludeOnline') === true,
			content: ctx.raw,
		};
		if (existing >= 0) list[existing] = attachment;
		else list.push(attachment);
		ctx.org.attachments.set(id, list);
		owner.HasAttachments = true;
		return json(envelope(ctx.engine, { Attachments: [attachmentJson(ctx, path, id, attachment)] }));
	};

const listAttachments =
	(kind: string): Handler =>
	(ctx) => {
		const { id, path } = attachmentOwner(ctx, kind);
		return json(envelope(ctx.engine, { Attachments: (ctx.org.attachments.get(id) ?? []).map((a) => attachmentJson(ctx, path, id, a)) }));
	};

const getAttachment =
	(kind: string): Handler =>
	(ctx) => {
		const { id } = attachmentOwner(ctx, kind);
		const key = (ctx.params.AttachmentID ?? ctx.params.FileName).toLowerCase();
		const found = required((ctx.org.attachments.get(id) ?? []).find((a) => a.AttachmentID === key || a.FileName.toLowerCase() === key));
		return { status: 200, body: found.content, contentType: found.MimeType, headers: { 'content-disposition': `attachment; filename="${found.FileName}"` } };
	};

// --- Reports -------------------------------------------------------------------------

const report =
	(build: (engine: Engine, org: OrganisationData, query: Query) => Json): Handler =>
	(ctx) =>
		json(envelope(ctx.engine, { Reports: [build(ctx.engine, ctx.org, ctx.query)] }));

export const HANDLERS: Record<string, Handler> = {
	getInvoices,
	createInvoices: writeInvoices('create'),
	updateOrCreateInvoices: writeInvoices('upsert'),
	getInvoice,
	updateInvoice,
	getInvoiceAsPdf: (ctx) => {
		const invoice = invoiceById(ctx);
		return documentPdf(ctx.org, invoice.Type === 'ACCREC' ? 'Invoice' : 'Bill', invoice.InvoiceNumber, invoice);
	},
	getOnlineInvoice,
	emailInvoice,
	getContacts,
	createContacts: writeContacts('create'),
	updateOrCreateContacts: writeContacts('upsert'),
	getContact,
	getContactByContactNumber: getContact,
	updateContact,
	getItems,
	createItems: writeItems('create'),
	updateOrCreateItems: writeItems('upsert'),
	getItem,
	updateItem,
	getPurchaseOrders,
	createPurchaseOrders: writePurchaseOrders('create'),
	updateOrCreatePurchaseOrders: writePurchaseOrders('upsert'),
	getPurchaseOrder,
	getPurchaseOrderByNumber: getPurchaseOrder,
	getPurchaseOrderAsPdf,
	updatePurchaseOrder,
	getCreditNotes,
	createCreditNotes: writeCreditNotes('create'),
	updateOrCreateCreditNotes: writeCreditNotes('upsert'),
	getCreditNote,
	updateCreditNote,
	getCreditNoteAsPdf: (ctx) => {
		const note = creditNoteById(ctx);
		return documentPdf(ctx.org, 'Credit Note', note.CreditNoteNumber, note);
	},
	createCreditNoteAllocation,
	getPayments,
	getPayment,
	createPayments,
	createPayment: createPayments,
	deletePayment: deletePaymentHandler,
	getBankTransactions,
	getBankTransaction,
	createBankTransactions: writeBankTransactions('create'),
	updateOrCreateBankTransactions: writeBankTransactions('upsert'),
	updateBankTransaction,
	getAccounts: simpleList('Accounts'),
	getAccount: simpleGet('Accounts', 'AccountID'),
	getTaxRates: simpleList('TaxRates'),
	getTaxRateByTaxType: simpleGet('TaxRates', 'TaxType'),
	getCurrencies: simpleList('Currencies'),
	getTrackingCategories: simpleList('TrackingCategories', (ctx) =>
		queryBool(ctx.query, 'includeArchived') === true ? [] : [(d: Json) => d.Status !== 'ARCHIVED'],
	),
	getTrackingCategory: simpleGet('TrackingCategories', 'TrackingCategoryID'),
	getBrandingThemes: simpleList('BrandingThemes'),
	getBrandingTheme: simpleGet('BrandingThemes', 'BrandingThemeID'),
	getOrganisations,
	getReportAgedReceivablesByContact: report((e, o, q) => agedByContact(e, o, q, 'ACCREC')),
	getReportAgedPayablesByContact: report((e, o, q) => agedByContact(e, o, q, 'ACCPAY')),
	getReportProfitAndLoss: report(profitAndLoss),
	getReportBalanceSheet: report(balanceSheet),
	getReportBankSummary: report(bankSummary),
	getReportTrialBalance: report(trialBalance),
};

for (const kind of Object.keys(ATTACHABLE)) {
	HANDLERS[`create${kind}AttachmentByFileName`] = putAttachment(kind);
	HANDLERS[`update${kind}AttachmentByFileName`] = putAttachment(kind);
	HANDLERS[`get${kind}Attachments`] = listAttachments(kind);
	HANDLERS[`get${kind}AttachmentById`] = getAttachment(kind);
	HANDLERS[`get${kind}AttachmentByFileName`] = getAttachment(kind);
}

