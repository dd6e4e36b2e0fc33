import { describe, expect, it } from 'vitest';
import { parseMicros } from '../../domain/index.js';
import { formatInvoiceJson, renderInvoicePdf, type Invoice } from './index.js';

const eur = (t: string) => parseMicros(t);
const invoice: Invoice = {
  invoiceId: 'INV-R1-society',
  issueDate: '2024-04-01',
  reportId: 'R1',
  salesReportId: 'MSG-2024-03-FR-001',
  licensor: 'society',
  rightsController: 'SACEM',
  issuer: 'SACEM',
  billedTo: 'Spotify',
  service: 'Spotify',
  territory: 'FR',
  periodStart: '2024-03-01',
  periodEnd: '2024-03-31',
  currency: 'EUR',
  claimFile: 'ClaimsAmounts_x.tsv',
  lines: [
    {
      commercialModel: 'SubscriptionModel',
      rightType: 'performing',
      amount: eur('1125'),
      heldOverclaim: eur('0'),
    },
    {
      commercialModel: 'SubscriptionModel',
      rightType: 'mechanical',
      amount: eur('1125'),
      heldOverclaim: eur('0'),
    },
  ],
  performing: eur('1125'),
  mechanical: eur('1125'),
  amount: eur('2250'),
  heldOverclaim: eur('0'),
};

describe('invoice', () => {
  it('writes totals as exact decimal text and names the claim file', () => {
    const doc = JSON.parse(formatInvoiceJson(invoice)) as {
      totals: Record<string, string>;
      claim_file: string;
    };
    expect(doc.totals).toEqual({
      performing: '1125.000000',
      mechanical: '1125.000000',
      amount: '2250.000000',
      held_overclaim: '0.000000',
    });
    expect(doc.claim_file).toBe('ClaimsAmounts_x.tsv');
  });

  it('renders the same PDF bytes twice for the same invoice', async () => {
    const a = await renderInvoicePdf(invoice);
    const b = await renderInvoicePdf({ ...invoice });
    expect(a.subarray(0, 5).toString()).toBe('%PDF-');
    expect(a.equals(b)).toBe(true);
    const other = await renderInvoicePdf({ ...invoice, amount: eur('2250.01') });
    expect(other.equals(a)).toBe(false);
  });
});
