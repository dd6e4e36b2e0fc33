import { formatMicrosRounded, type Micros } from '../../domain/index.js';
import type { QuarterResult } from '../../stages/quarter/index.js';

/** Amounts to the cent for people, text as it is, anything else as JSON. */
const show = (value: unknown): string =>
  typeof value === 'bigint'
    ? formatMicrosRounded(value as Micros, 2)
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

/** The human summary of a quarter run: one line per stage, then money and conservation. */
export function formatQuarterSummary(result: QuarterResult): string {
  const lines = [
    `period ${result.period}: ${result.inputs.cwr} CWR, ${result.inputs.dsr} DSR, ${result.inputs.mandates} mandate files`,
  ];
  for (const [stage, counts] of Object.entries(result.stages)) {
    const text = Object.entries(counts)
      .map(([k, v]) => `${k} ${show(v)}`)
      .join(', ');
    lines.push(
      `  ${stage.padEnd(10)} ${text}  (${result.seconds[stage as keyof QuarterResult['seconds']]} s)`,
    );
  }
  lines.push(
    `  invoiced ${show(result.money.invoiced)}, collected ${show(result.money.collected)}, held for overclaims ${show(result.money.heldOverclaim)}`,
  );
  const c = result.conservation;
  if (c) {
    const parts = ['collected', 'paid', 'remitted', 'commission', 'deductions', 'held'].map(
      (k) => `${k} ${show(c[k])}`,
    );
    lines.push(`  conservation: ${parts.join(', ')} — ${c['ok'] ? 'OK' : 'BROKEN'}`);
  }
  lines.push(
    `  claims and invoices in ${result.outputs.claims}`,
    `  statements in ${result.outputs.statements}`,
  );
  return lines.join('\n');
}
