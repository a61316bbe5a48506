import { startSandbox, type XeroSandbox } from './index';
import { fromMsDate } from './xero-format';
import { apiClient, request, type ApiClient } from './test-helpers';

describe('Xero sandbox: writes, statuses and payments', () => {
	let sandbox: XeroSandbox;
	let api: ApiClient;

	beforeAll(async () => {
		sandbox = await startSandbox();
		api = apiClient(sandbox);
	});
	afterAll(() => sandbox.close());
	afterEach(() => {
		const violations = [...sandbox.specViolations];
		sandbox.specViolations.length = 0;
		expect(violations).toEqual([]);
	});

	const org = () => sandbox.store.tenant(api.tenantId);
	const customer = () => org().Contacts.find((c) => c.IsCustomer && c.ContactStatus === 'ACTIVE')!;
	const line = (extra: Record<string, unknown> = {}) => ({ Description: 'Organic rolled oats 1kg', Quantity: 4, UnitAmount: 6.5, AccountCode: '200', TaxType: 'OUTPUT', ...extra });

	async function createInvoice(extra: Record<string, unknown> = {}) {
		const answer = await api.put('/Invoices', { Invoices: [{ Type: 'ACCREC', Contact: { ContactID: customer().ContactID }, LineItems: [line()], Date: '2026-03-01', DueDate: '2026-03-20', ...extra }] });
		expect(answer.status).toBe(200);
		return answer.body.Invoices[0];
	}

	it('creates an invoice with Xero totals, numbering and dates', async () => {
		const invoice = await createInvoice({ Status: 'AUTHORISED', LineItems: [line(), line({ Quantity: 1, UnitAmount: 10, DiscountRate: 10 }), { ItemCode: 'ORGANIC-HONEY', Quantity: 2 }] });
		expect(invoice).toMatchObject({ Type: 'ACCREC', Status: 'AUTHORISED', LineAmountTypes: 'Exclusive', StatusAttributeString: 'OK', CurrencyCode: 'NZD' });
		expect(invoice.InvoiceNumber).toMatch(/^INV-\d{4}$/);
		expect(invoice.LineItems.map((l: { LineAmount: number }) => l.LineAmount)).toEqual([26, 9, 48]);
		expect(invoice.LineItems[2]).toMatchObject({ ItemCode: 'ORGANIC-HONEY', Description: expect.stringContaining('manuka'), UnitAmount: 24, AccountCode: '200', TaxType: 'OUTPUT' });
		expect(invoice.SubTotal).toBe(83);
		expect(invoice.TotalTax).toBe(12.45);
		expect(invoice.Total).toBe(95.45);
		expect(invoice.AmountDue).toBe(95.45);
		expect(invoice.Date).toBe(`/Date(${Date.UTC(2026, 2, 1)}+0000)/`);
		expect(invoice.DateString).toBe('2026-03-01T00:00:00');
		expect(invoice.DueDateString).toBe('2026-03-20T00:00:00');
		expect(invoice.UpdatedDateUTC).toMatch(/^\/Date\(\d{13}\+0000\)\/$/);
		const inclusive = await createInvoice({ LineAmountTypes: 'Inclusive', LineItems: [line({ Quantity: 1, UnitAmount: 115 })] });
		expect([inclusive.SubTotal, inclusive.TotalTax, inclusive.Total]).toEqual([100, 15, 115]);
	});

	it('validates like Xero: whole request refused with 400 ValidationException by default', async () => {
		const before = org().Invoices.size;
		const answer = await api.put('/Invoices', {
			Invoices: [
				{ Type: 'ACCREC', Contact: { ContactID: customer().ContactID }, LineItems: [line()] },
				{ Type: 'ACCREC', Contact: { ContactID: '6e0dd0a2-0000-4000-8000-000000000001' }, LineItems: [line()] },
			],
		});
		expect(answer.status).toBe(400);
		expect(answer.body).toMatchObject({ ErrorNumber: 10, Type: 'ValidationException', Message: 'A validation exception occurred' });
		expect(answer.body.Elements[0].ValidationErrors[0].Message).toMatch(/contact/i);
		expect(org().Invoices.size).toBe(before);
	});

	it('with summarizeErrors=false writes the valid elements and flags the invalid ones', async () => {
		const before = org().Invoices.size;
		const answer = await api.put('/Invoices?summarizeErrors=false', {
			Invoices: [
				{ Type: 'ACCREC', Contact: { ContactID: customer().ContactID }, LineItems: [line()] },
				{ Type: 'ACCREC', Contact: { ContactID: customer().ContactID }, LineItems: [line({ AccountCode: '999' })], Status: 'AUTHORISED' },
				{ Type: 'ACCREC', Contact: { ContactID: customer().ContactID }, LineItems: [line({ TaxType: 'NOPE' })] },
				{ Type: 'ACCREC', Contact: { ContactID: customer().ContactID }, LineItems: [line()], CurrencyCode: 'JPY' },
				{ Type: 'ACCREC', Contact: { ContactID: customer().ContactID }, LineItems: [line()], Date: '2026-02-31' },
				{ Type: 'ACCREC', Contact: { ContactID: customer().ContactID }, LineItems: [], Status: 'AUTHORISED' },
			],
		});
		expect(answer.status).toBe(200);
		const [ok, ...bad] = answer.body.Invoices;
		expect(ok).toMatchObject({ StatusAttributeString: 'OK', HasErrors: false });
		for (const element of bad) expect(element).toMatchObject({ StatusAttributeString: 'ERROR', HasErrors: true });
		const messages = bad.map((e: { ValidationErrors: { Message: string }[] }) => e.ValidationErrors.map((v) => v.Message).join(' '));
		expect(messages[0]).toContain("Account code '999' is not a valid code for this document.");
		expect(messages[1]).toContain("The TaxType code 'NOPE' does not exist");
		expect(messages[2]).toContain('Organisation is not subscribed to currency JPY');
		expect(messages[3]).toMatch(/Date is not a valid date/);
		expect(messages[4]).toMatch(/line item/);
		expect(org().Invoices.size).toBe(before + 1);
	});

	it('creates a contact when an invoice names one Xero does not know, and enforces unique names', async () => {
		const invoice = await createInvoice({ Contact: { Name: 'Brand New Customer Ltd' } });
		const contact = org().Contacts.get(invoice.Contact.ContactID)!;
		expect(contact.Name).toBe('Brand New Customer Ltd');
		expect(contact.IsCustomer).toBe(true);
		const clash = await api.put('/Contacts', { Contacts: [{ Name: 'brand new customer ltd' }] });
		expect(clash.status).toBe(400);
		expect(clash.body.Elements[0].ValidationErrors[0].Message).toMatch(/must be unique across all active contacts/);
		const badEmail = await api.put('/Contacts', { Contacts: [{ Name: 'Mail Test', EmailAddress: 'not-an-email' }] });
		expect(badEmail.body.Elements[0].ValidationErrors[0].Message).toBe('Email address must be valid.');
		const archived = org().Contacts.find((c) => c.ContactStatus === 'ARCHIVED')!;
		const refused = await api.put('/Invoices', { Invoices: [{ Type: 'ACCREC', Contact: { ContactID: archived.ContactID }, LineItems: [line()] }] });
		expect(refused.status).toBe(400);
	});

	it('keeps ACCREC invoice numbers unique and PUT create-only', async () => {
		const first = await createInvoice({ InvoiceNumber: 'WEB-1001' });
		const dup = await api.put('/Invoices', { Invoices: [{ Type: 'ACCREC', Contact: { ContactID: customer().ContactID }, LineItems: [line()], InvoiceNumber: 'WEB-1001' }] });
		expect(dup.status).toBe(400);
		expect(dup.body.Elements[0].ValidationErrors[0].Message).toBe('Invoice # must be unique.');
		// Bills may share numbers.
		const supplier = org().Contacts.find((c) => c.IsSupplier)!;
		for (let i = 0; i < 2; i++) {
			const bill = await api.put('/Invoices', { Invoices: [{ Type: 'ACCPAY', Contact: { ContactID: supplier.ContactID }, InvoiceNumber: 'SUP-77', LineItems: [line({ AccountCode: '300', TaxType: 'INPUT' })] }] });
			expect(bill.status).toBe(200);
		}
		const again = await api.put('/Invoices', { Invoices: [{ InvoiceID: first.InvoiceID, Type: 'ACCREC', Contact: { ContactID: customer().ContactID }, LineItems: [line()] }] });
		expect(again.status).toBe(400);
		// POST updates by InvoiceID (or creates without one).
		const upsert = await api.post('/Invoices', { Invoices: [{ InvoiceID: first.InvoiceID, Reference: 'via POST' }] });
		expect(upsert.body.Invoices[0]).toMatchObject({ InvoiceID: first.InvoiceID, Reference: 'via POST' });
	});

	it('walks the status rules: DRAFT → SUBMITTED → AUTHORISED → VOIDED, DRAFT → DELETED, no way back', async () => {
		const invoice = await createInvoice();
		const set = (id: string, Status: string) => api.post(`/Invoices/${id}`, { Invoices: [{ Status }] });
		expect((await set(invoice.InvoiceID, 'SUBMITTED')).body.Invoices[0].Status).toBe('SUBMITTED');
		expect((await set(invoice.InvoiceID, 'AUTHORISED')).body.Invoices[0].Status).toBe('AUTHORISED');
		const back = await set(invoice.InvoiceID, 'DRAFT');
		expect(back.status).toBe(400);
		expect(back.body.Elements[0].ValidationErrors[0].Message).toBe('Invoice not of valid status for modification');
		expect((await set(invoice.InvoiceID, 'DELETED')).status).toBe(400);
		expect((await set(invoice.InvoiceID, 'PAID')).status).toBe(400);
		const voided = await set(invoice.InvoiceID, 'VOIDED');
		expect(voided.body.Invoices[0]).toMatchObject({ Status: 'VOIDED', AmountDue: 0 });
		const draft = await createInvoice();
		expect((await set(draft.InvoiceID, 'DELETED')).body.Invoices[0].Status).toBe('DELETED');
		expect((await set(draft.InvoiceID, 'DRAFT')).status).toBe(400);
		const badCreate = await api.put('/Invoices', { Invoices: [{ Type: 'ACCREC', Status: 'PAID', Contact: { ContactID: customer().ContactID }, LineItems: [line()] }] });
		expect(badCreate.status).toBe(400);
	});

	it('applies payments: only to AUTHORISED documents from accounts that take payments; PAID when settled; deleting restores', async () => {
		const draft = await createInvoice();
		const pay = (invoiceId: string, Amount: number, Code = '090') => api.put('/Payments', { Payments: [{ Invoice: { InvoiceID: invoiceId }, Account: { Code }, Amount, Date: '2026-03-10' }] });
		const onDraft = await pay(draft.InvoiceID, 1);
		expect(onDraft.status).toBe(400);
		expect(onDraft.body.Elements[0].ValidationErrors[0].Message).toBe('Payments can only be made against Authorised documents');

		const invoice = await createInvoice({ Status: 'AUTHORISED' });
		expect(invoice.Total).toBe(29.9);
		expect((await pay(invoice.InvoiceID, 5, '200')).body.Elements[0].ValidationErrors[0].Message).toBe('Account type is invalid for making a payment to/from');
		expect((await pay(invoice.InvoiceID, 100)).body.Elements[0].ValidationErrors[0].Message).toBe('Payment amount exceeds the amount outstanding on this document');

		const part = await pay(invoice.InvoiceID, 10);
		expect(part.status).toBe(200);
		const payment = part.body.Payments[0];
		expect(payment).toMatchObject({ Amount: 10, Status: 'AUTHORISED', PaymentType: 'ACCRECPAYMENT', Invoice: { InvoiceID: invoice.InvoiceID } });
		let stored = (await api.get(`/Invoices/${invoice.InvoiceID}`)).body.Invoices[0];
		expect(stored).toMatchObject({ Status: 'AUTHORISED', AmountPaid: 10, AmountDue: 19.9 });
		expect((await api.post(`/Invoices/${invoice.InvoiceID}`, { Invoices: [{ Status: 'VOIDED' }] })).status).toBe(400);

		// The clearing account accepts payments through EnablePaymentsToAccount.
		const rest = await pay(invoice.InvoiceID, 19.9, '855');
		expect(rest.status).toBe(200);
		stored = (await api.get(`/Invoices/${invoice.InvoiceID}`)).body.Invoices[0];
		expect(stored).toMatchObject({ Status: 'PAID', AmountPaid: 29.9, AmountDue: 0, FullyPaidOnDate: `/Date(${Date.UTC(2026, 2, 10)}+0000)/` });
		expect(stored.Payments).toHaveLength(2);

		const removed = await api.post(`/Payments/${payment.PaymentID}`, { Status: 'DELETED' });
		expect(removed.body.Payments[0].Status).toBe('DELETED');
		stored = (await api.get(`/Invoices/${invoice.InvoiceID}`)).body.Invoices[0];
		expect(stored).toMatchObject({ Status: 'AUTHORISED', AmountPaid: 19.9, AmountDue: 10 });
		expect(stored.FullyPaidOnDate).toBeUndefined();
		expect((await api.post(`/Payments/${payment.PaymentID}`, { Status: 'DELETED' })).status).toBe(400);
		const listed = await api.get(`/Payments?where=${encodeURIComponent(`Invoice.InvoiceID==guid("${invoice.InvoiceID}")`)}`);
		expect(listed.body.Payments.map((p: { Status: string }) => p.Status).sort()).toEqual(['AUTHORISED', 'DELETED']);
	});

	it('allocates credit notes to invoices of the same contact', async () => {
		const invoice = await createInvoice({ Status: 'AUTHORISED' });
		const created = await api.put('/CreditNotes', { CreditNotes: [{ Type: 'ACCRECCREDIT', Status: 'AUTHORISED', Contact: { ContactID: customer().ContactID }, LineItems: [line({ Quantity: 1, UnitAmount: 10 })] }] });
		const note = created.body.CreditNotes[0];
		expect(note).toMatchObject({ Total: 11.5, RemainingCredit: 11.5, Status: 'AUTHORISED' });
		expect(note.CreditNoteNumber).toMatch(/^CN-\d{4}$/);
		const tooMuch = await api.put(`/CreditNotes/${note.CreditNoteID}/Allocations`, { Allocations: [{ Invoice: { InvoiceID: invoice.InvoiceID }, Amount: 50, Date: '2026-03-05' }] });
		expect(tooMuch.status).toBe(400);
		const allocation = await api.put(`/CreditNotes/${note.CreditNoteID}/Allocations`, { Allocations: [{ Invoice: { InvoiceID: invoice.InvoiceID }, Amount: 11.5, Date: '2026-03-05' }] });
		expect(allocation.status).toBe(200);
		expect(allocation.body.Allocations[0]).toMatchObject({ Amount: 11.5, Invoice: { InvoiceID: invoice.InvoiceID } });
		const after = (await api.get(`/CreditNotes/${note.CreditNoteID}`)).body.CreditNotes[0];
		expect(after).toMatchObject({ RemainingCredit: 0, Status: 'PAID' });
		const inv = (await api.get(`/Invoices/${invoice.InvoiceID}`)).body.Invoices[0];
		expect(inv).toMatchObject({ AmountCredited: 11.5, AmountDue: 18.4 });
	});

	it('manages purchase orders: numbering, statuses, billed', async () => {
		const supplier = org().Contacts.find((c) => c.IsSupplier)!;
		const created = await api.put('/PurchaseOrders', { PurchaseOrders: [{ Contact: { ContactID: supplier.ContactID }, Date: '2026-03-02', DeliveryDate: '2026-03-09', LineItems: [{ ItemCode: 'ORGANIC-OATS', Quantity: 10, UnitAmount: 3.1234 }] }] });
		const po = created.body.PurchaseOrders[0];
		expect(po).toMatchObject({ Status: 'DRAFT', SubTotal: 31.23 });
		expect(po.LineItems[0].UnitAmount).toBe(3.1234);
		expect(po.PurchaseOrderNumber).toMatch(/^PO-\d{4}$/);
		const noContact = await api.put('/PurchaseOrders', { PurchaseOrders: [{ Contact: { Name: 'Nobody Known' }, LineItems: [{ Description: 'x', Quantity: 1, UnitAmount: 1 }] }] });
		expect(noContact.status).toBe(400);
		for (const Status of ['SUBMITTED', 'AUTHORISED', 'BILLED']) {
			const answer = await api.post(`/PurchaseOrders/${po.PurchaseOrderID}`, { PurchaseOrders: [{ Status }] });
			expect(answer.body.PurchaseOrders[0].Status).toBe(Status);
		}
		expect((await api.post(`/PurchaseOrders/${po.PurchaseOrderID}`, { PurchaseOrders: [{ Status: 'DRAFT' }] })).status).toBe(400);
		const byNumber = await api.get(`/PurchaseOrders/${po.PurchaseOrderNumber}`);
		expect(byNumber.body.PurchaseOrders[0].PurchaseOrderID).toBe(po.PurchaseOrderID);
	});

	it('honours Idempotency-Key: same key and request replays the first answer without acting again', async () => {
		const before = org().Invoices.size;
		const body = { Invoices: [{ Type: 'ACCREC', Contact: { ContactID: customer().ContactID }, LineItems: [line()] }] };
		const headers = { 'Idempotency-Key': 'create-invoice-42' };
		const first = await api.put('/Invoices', body, headers);
		const second = await api.put('/Invoices', body, headers);
		expect(second.status).toBe(200);
		expect(second.body).toEqual(first.body);
		expect(org().Invoices.size).toBe(before + 1);
		expect(sandbox.log[sandbox.log.length - 1]).toMatchObject({ idempotencyKey: 'create-invoice-42', replayed: true });
		const different = await api.put('/Invoices', { Invoices: [{ ...body.Invoices[0], Reference: 'other' }] }, headers);
		expect(different.status).toBe(400);
		// Another tenant's key space is its own.
		const other = apiClient(sandbox, 1, api.token);
		const otherContact = sandbox.store.tenant(other.tenantId).Contacts.find((c) => c.IsCustomer)!;
		const elsewhere = await other.put('/Invoices', { Invoices: [{ Type: 'ACCREC', Contact: { ContactID: otherContact.ContactID }, LineItems: [line()] }] }, headers);
		expect(elsewhere.status).toBe(200);
		const fresh = await api.put('/Invoices', body, { 'Idempotency-Key': 'create-invoice-43' });
		expect(fresh.body.Invoices[0].InvoiceID).not.toBe(first.body.Invoices[0].InvoiceID);
	});

	it('serves PDFs, online invoice URLs, emails and attachments', async () => {
		const invoice = await createInvoice({ Status: 'AUTHORISED' });
		const pdf = await fetch(`${sandbox.url}/api.xro/2.0/Invoices/${invoice.InvoiceID}`, { headers: { authorization: `Bearer ${api.token}`, 'xero-tenant-id': api.tenantId, accept: 'application/pdf' } });
		expect(pdf.status).toBe(200);
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		const bytes = Buffer.from(await pdf.arrayBuffer());
		expect(bytes.subarray(0, 8).toString()).toBe('%PDF-1.4');
		expect(bytes.toString('latin1')).toContain(invoice.InvoiceNumber);
		expect(bytes.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
		const po = org().PurchaseOrders.all()[0];
		const poPdf = await fetch(`${sandbox.url}/api.xro/2.0/PurchaseOrders/${po.PurchaseOrderID}`, { headers: { authorization: `Bearer ${api.token}`, 'xero-tenant-id': api.tenantId, accept: 'application/pdf' } });
		expect(Buffer.from(await poPdf.arrayBuffer()).toString('latin1')).toContain(po.PurchaseOrderNumber);

		const online = await api.get(`/Invoices/${invoice.InvoiceID}/OnlineInvoice`);
		const link = online.body.OnlineInvoices[0].OnlineInvoiceUrl as string;
		expect(link.startsWith(`${sandbox.url}/in/`)).toBe(true);
		expect((await request(link)).text).toContain(invoice.InvoiceNumber);
		const draft = await createInvoice();
		expect((await api.get(`/Invoices/${draft.InvoiceID}/OnlineInvoice`)).status).toBe(400);

		const emailed = await api.post(`/Invoices/${invoice.InvoiceID}/Email`, {});
		expect(emailed.status).toBe(204);
		expect(org().Invoices.get(invoice.InvoiceID)!.SentToContact).toBe(true);
		expect((await api.post(`/Invoices/${draft.InvoiceID}/Email`, {})).status).toBe(400);

		const content = Buffer.from('%PDF-1.4 receipt');
		const uploaded = await api.call('PUT', `/Invoices/${invoice.InvoiceID}/Attachments/receipt.pdf`, { raw: content, headers: { 'content-type': 'application/pdf' } });
		expect(uploaded.status).toBe(200);
		expect(uploaded.body.Attachments[0]).toMatchObject({ FileName: 'receipt.pdf', MimeType: 'application/pdf', ContentLength: content.length });
		const listed = await api.get(`/Invoices/${invoice.InvoiceID}/Attachments`);
		expect(listed.body.Attachments).toHaveLength(1);
		// The spec makes clients name the content type they want in a `contentType` header.
		const back = await fetch(uploaded.body.Attachments[0].Url, { headers: { authorization: `Bearer ${api.token}`, 'xero-tenant-id': api.tenantId, contentType: 'application/pdf' } });
		expect(Buffer.from(await back.arrayBuffer())).toEqual(content);
		expect((await api.get(`/Invoices/${invoice.InvoiceID}`)).body.Invoices[0].HasAttachments).toBe(true);
	});

	it('lets tests write through the store exactly as the API would', async () => {
		const created = sandbox.store.create(api.tenantId, 'Invoices', { Type: 'ACCREC', Contact: { ContactID: customer().ContactID }, LineItems: [line()] });
		const firstStamp = fromMsDate(created.UpdatedDateUTC as string);
		const updated = sandbox.store.update(api.tenantId, 'Invoices', created.InvoiceID as string, { Reference: 'from a test' });
		expect(fromMsDate(updated.UpdatedDateUTC as string)).toBeGreaterThan(firstStamp);
		expect((await api.get(`/Invoices/${created.InvoiceID}`)).body.Invoices[0].Reference).toBe('from a test');
		expect(() => sandbox.store.create(api.tenantId, 'Invoices', { Type: 'ACCREC', LineItems: [] })).toThrow(/Contact must be specified/);
		const stamp = Date.UTC(2026, 0, 1, 12);
		sandbox.store.update(api.tenantId, 'Invoices', created.InvoiceID as string, { Reference: 'stamped' }, { updatedDateUTC: stamp });
		expect(org().Invoices.get(created.InvoiceID as string)!.UpdatedDateUTC).toBe(`/Date(${stamp}+0000)/`);
		expect(org().Invoices.all()[org().Invoices.size - 1].InvoiceID).not.toBe(created.InvoiceID);
	});
});
