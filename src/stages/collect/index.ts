/**
 * stages/collect: money received against invoices (full, partial, late), one payment or a payments file.
 * @module
 */
export { recordPayment, invoiceBalance, type PaymentInput, type InvoiceBalance } from './record-payment.js';
export { loadPaymentsFile, type PaymentsFileResult, type PaymentReject } from './load-payments-file.js';
