/**
 * Invoices for claims: JSON and PDF (one per report and licensor).
 * @module
 */
export { type Invoice, type InvoiceLine, formatInvoiceJson } from './invoice.js';
export { renderInvoicePdf } from './invoice-pdf.js';
