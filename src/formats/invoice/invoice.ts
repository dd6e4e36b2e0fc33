import { formatMicros, type Micros } from '../../domain/index.js';

/** One line of an invoice: a commercial model × right type total. */
export interface InvoiceLine {
  readonly commercialModel: string;
  readonly rightType: string;
  readonly amount: Micros;
  readonly heldOverclaim: Micros;
}

/**
 * An invoice for one report and one licensor (the society, or a mandate's rights controller).
 * The invoice itself is outside the CDM standard (standards.md §2.1); it names the claim file it bills.
 * Invariant: amount = performing + mechanical = Σ lines.amount; heldOverclaim = Σ lines.heldOverclaim.
 */
export interface Invoice {
  readonly invoiceId: string;
  /** ISO date the invoice is issued on. */
  readonly issueDate: string;
  readonly reportId: string;
  /** The DSR MessageId it answers. */
  readonly salesReportId: string;
  readonly licensor: string;
  readonly rightsController: string;
  readonly issuer: string;
  /** The service billed (the DSR sender). */
  readonly billedTo: string;
  readonly service: string;
  readonly territory: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly currency: string;
  readonly claimFile: string;
  readonly lines: readonly InvoiceLine[];
  readonly performing: Micros;
  readonly mechanical: Micros;
  readonly amount: Micros;
  readonly heldOverclaim: Micros;
}

/**
 * The invoice as JSON text (2-space indent, final LF), amounts as exact decimal text with 6 decimals
 * (e.g. `"1125.000000"`), keys in a fixed order so the same invoice always gives the same bytes.
 */
export function formatInvoiceJson(invoice: Invoice): string {
  const money = (m: Micros) => formatMicros(m);
  const doc = {
    invoice_id: invoice.invoiceId,
    issue_date: invoice.issueDate,
    status: 'issued',
    issuer: invoice.issuer,
    rights_controller: invoice.rightsController,
    licensor: invoice.licensor,
    billed_to: invoice.billedTo,
    report_id: invoice.reportId,
    sales_report_id: invoice.salesReportId,
    service: invoice.service,
    territory: invoice.territory,
    period: { start: invoice.periodStart, end: invoice.periodEnd },
    currency: invoice.currency,
    claim_file: invoice.claimFile,
    lines: invoice.lines.map((l) => ({
      commercial_model: l.commercialModel,
      right_type: l.rightType,
      amount: money(l.amount),
      held_overclaim: money(l.heldOverclaim),
    })),
    totals: {
      performing: money(invoice.performing),
      mechanical: money(invoice.mechanical),
      amount: money(invoice.amount),
      held_overclaim: money(invoice.heldOverclaim),
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
