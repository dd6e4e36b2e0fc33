import { formatMicrosRounded, type Micros } from '../../domain/index.js';
import type { QuarterResult } from '../../stages/quarter/index.js';

const money = (value: unknown) => (typeof value === 'bigint' ? formatMicrosRounded(value as Micros, 2) : String(value));

/** The human summary of a quarter run: one line per stage, then money and conservation. */
export function formatQuarterSummary(result: QuarterResult): string {
  const lines = [`period ${result.period}: ${result.inputs.cwr} CWR, ${result.inputs.dsr} DSR, ${result.inputs.mandates} mandate files`];
  for (const [stage, counts] of Object.entries(result.stages)) {
    const text = Object.entries(counts)
      .map(([k, v]) => `${k} ${typeof v === 'bigint' ? money(v) : typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join(', ');
    lines.push(`  ${stage.padEnd(10)} ${text}  (${result.seconds[stage as keyof QuarterResult['seconds']]} s)`);
  }
  lines.push(`  invoiced ${money(result.money.invoiced)}, collected ${money(result.money.collected)}, held for overclaims ${money(result.money.heldOverclaim)}`);
  const c = result.conservation;
  if (c) {
    const parts = ['collected', 'paid', 'remitted', 'commission', 'deductions', 'held'].map((k) => `${k} ${money(c[k])}`);
    lines.push(`  conservation: ${parts.join(', ')} — ${c['ok'] ? 'OK' : 'BROKEN'}`);
  }
  lines.push(`  claims and invoices in ${result.outputs.claims}`, `  statements in ${result.outputs.statements}`);
  return lines.join('\n');
}

/** The JSON form: amounts as decimal strings of micro-units (bigints are stringified by the printer). */
export function quarterJson(result: QuarterResult): Record<string, unknown> {
  return { ...result, conservation: result.conservation };
}
