import PDFDocument from 'pdfkit';
import { formatMicros, type Micros } from '../../domain/index.js';
import type { Invoice } from './invoice.js';

/** Exact amount for people: at least 2 decimals, more only when the micro-units need them. */
const amount = (m: Micros, currency: string) => `${formatMicros(m).replace(/0{1,4}$/, '')} ${currency}`;

/**
 * Renders the invoice as a one-page PDF (pdfkit, built-in Helvetica). Deterministic: the document's
 * CreationDate (and so its file id) is the invoice's issue date, never the clock, so the same invoice
 * always gives the same bytes.
 */
export function renderInvoicePdf(invoice: Invoice): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: {
      Title: `Invoice ${invoice.invoiceId}`,
      Author: invoice.issuer,
      Subject: `Claims on ${invoice.reportId}`,
      CreationDate: new Date(`${invoice.issueDate}T00:00:00Z`),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(18).text(`Invoice ${invoice.invoiceId}`);
  doc.moveDown(0.5).font('Helvetica').fontSize(10);
  const rows: [string, string][] = [
    ['Issued by', invoice.issuer],
    ['Rights controller', invoice.rightsController],
    ['Billed to', invoice.billedTo],
    ['Issue date', invoice.issueDate],
    ['Usage report', `${invoice.reportId} (DSR ${invoice.salesReportId})`],
    ['Service / territory', `${invoice.service} / ${invoice.territory}`],
    ['Period', `${invoice.periodStart} to ${invoice.periodEnd}`],
    ['Claim file', invoice.claimFile],
  ];
  for (const [label, value] of rows) doc.text(`${label}: ${value}`);
  doc.moveDown();
  doc
    .font('Helvetica-Bold')
    .text('Commercial model / right type', 50, doc.y, { continued: true, width: 300 })
    .text('Amount', { align: 'right' });
  doc.font('Helvetica');
  for (const l of invoice.lines) {
    doc
      .text(`${l.commercialModel} / ${l.rightType}`, 50, doc.y, { continued: true, width: 300 })
      .text(amount(l.amount, invoice.currency), { align: 'right' });
  }
  doc.moveDown();
  doc.text(`Performing: ${amount(invoice.performing, invoice.currency)}`);
  doc.text(`Mechanical: ${amount(invoice.mechanical, invoice.currency)}`);
  doc.font('Helvetica-Bold').text(`Total due: ${amount(invoice.amount, invoice.currency)}`);
  if (invoice.heldOverclaim > 0n) {
    doc
      .font('Helvetica')
      .moveDown()
      .text(
        `Held (overclaim, disputed, not invoiced): ${amount(invoice.heldOverclaim, invoice.currency)}. It will be invoiced once the conflict is resolved.`,
      );
  }
  doc.end();
  return done;
}
