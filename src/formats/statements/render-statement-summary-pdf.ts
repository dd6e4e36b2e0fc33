import { formatMicrosRounded, type Micros } from '../../domain/index.js';
import type { MemberStatementSummary, StatementSummaryRow, StatementTotals } from './statement-summary.js';
import { TextPdf, type TextPdfCell } from './text-pdf.js';

const money = (value: Micros) => formatMicrosRounded(value, 2);

/** A4 landscape, in points. */
const WIDTH = 842;
const HEIGHT = 595;
const MARGIN = 36;
const ROW = 11;

/** Label, then the figures right-aligned. */
const COLUMNS = [
  { title: '', width: 330 },
  { title: 'Lines', width: 60 },
  { title: 'Usages', width: 80 },
  { title: 'Gross', width: 80 },
  { title: 'Fee', width: 70 },
  { title: 'Other', width: 70 },
  { title: 'Net', width: 80 },
] as const;

function cells(values: readonly string[]): TextPdfCell[] {
  let x = MARGIN;
  return COLUMNS.map((column, i) => {
    const cell = {
      text: values[i] ?? '',
      x,
      width: column.width - 6,
      align: i > 0 ? 'right' : 'left',
    } as const;
    x += column.width;
    return cell;
  });
}

const figures = (t: StatementTotals) => [
  t.lines.toString(),
  t.usages.toString(),
  money(t.gross),
  money(t.commission),
  money(t.deductions),
  money(t.net),
];

/**
 * Renders a member's statement summary as a readable PDF (A4 landscape): header; totals of the
 * distribution (and of its adjustment lines); tables by right type, by service and territory and by
 * work (the works that earned most, the rest on one row); then brought forward, paid and carried.
 * Each table adds up to the total. Amounts are shown rounded to cents for reading; the statement-line
 * files carry the exact values. Byte-reproducible: nothing but the statement goes into the file.
 */
export function renderStatementSummaryPdf(s: MemberStatementSummary): Uint8Array {
  const pdf = new TextPdf(WIDTH, HEIGHT, MARGIN, {
    title: `Statement ${s.distributionId} ${s.partyName}`,
    author: s.society,
    date: s.date,
  });
  const text = (value: string, font: 'Helvetica' | 'Helvetica-Bold', size: number) => {
    pdf.ensure(size * 1.4);
    pdf.line([{ text: value, x: MARGIN, width: WIDTH - 2 * MARGIN }], font, size, size * 1.4);
  };
  text(`${s.society}: royalty statement`, 'Helvetica-Bold', 14);
  text(`${s.partyName}${s.ipiNameNumber ? ` (IPI ${s.ipiNameNumber})` : ''}, ${s.partyId}`, 'Helvetica', 10);
  text(`Distribution ${s.distributionId}, period ${s.period}, payment date ${s.date}`, 'Helvetica', 10);
  pdf.y += 6;

  const table = (title: string, rows: readonly StatementSummaryRow[], extra?: StatementSummaryRow) => {
    pdf.ensure(ROW * 4);
    pdf.y += 6;
    pdf.line(cells([title, ...COLUMNS.slice(1).map((c) => c.title)]), 'Helvetica-Bold', 8, ROW + 2);
    pdf.rule();
    pdf.y += 2;
    for (const row of extra ? [...rows, extra] : rows) {
      pdf.ensure(ROW);
      pdf.line(cells([row.label, ...figures(row.totals)]), 'Helvetica', 8, ROW);
    }
  };
  table('This distribution', [
    { label: 'All lines', totals: s.total },
    ...(s.adjustments.lines > 0
      ? [{ label: 'of which adjustments of earlier distributions', totals: s.adjustments }]
      : []),
  ]);
  table('By right type', s.byRightType);
  table('By service and territory', s.bySource);
  table(
    s.otherWorks ? `By work (the ${s.byWork.length} that earned most)` : 'By work',
    s.byWork,
    s.otherWorks
      ? {
          label: `${s.otherWorks.works} other work${s.otherWorks.works === 1 ? '' : 's'}`,
          totals: s.otherWorks.totals,
        }
      : undefined,
  );

  pdf.y += 8;
  text(`Brought forward: ${money(s.broughtForward)}`, 'Helvetica', 10);
  text(`Net this distribution: ${money(s.total.net)}`, 'Helvetica', 10);
  text(`Paid: ${money(s.paid)}`, 'Helvetica', 10);
  text(
    `Carried to the next distribution (below the payment threshold): ${money(s.carried)}`,
    'Helvetica',
    10,
  );
  pdf.y += 6;
  text(
    'Every line of this statement (work, share, service, territory, period, usages) is in the statement-line files and in the detailed statement.',
    'Helvetica',
    8,
  );
  return pdf.bytes();
}
