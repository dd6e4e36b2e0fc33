import PDFDocument from 'pdfkit';
import {
  formatMicrosRounded,
  formatPercent,
  micros,
  shareHundredths,
  sumMicros,
  type Micros,
} from '../../domain/index.js';
import { PdfTextRows } from './pdf-text-rows.js';
import type { MemberStatement, StatementLine } from './statement-line.js';

const money = (value: Micros) => formatMicrosRounded(value, 2);
/** Points from one table row to the next (8 pt text). */
const ROW_HEIGHT = 11;
const COLUMNS = [
  { title: 'Work', width: 150 },
  { title: 'Role / right', width: 70 },
  { title: 'Share', width: 42 },
  { title: 'Source', width: 95 },
  { title: 'Period', width: 62 },
  { title: 'Usages', width: 58 },
  { title: 'Gross', width: 62 },
  { title: 'Fee', width: 55 },
  { title: 'Other', width: 50 },
  { title: 'Net', width: 62 },
] as const;

function cells(line: StatementLine): string[] {
  const work = [line.workTitle ?? line.workId ?? '', line.iswc ?? ''].filter(Boolean).join(' ');
  return [
    `${line.lineKind === 'adjustment' ? '[adj] ' : ''}${work}`,
    `${line.role ?? ''} ${line.rightType ?? ''}`.trim(),
    line.share === null ? '' : `${formatPercent(shareHundredths(line.share))} %`,
    `${line.service ?? ''} ${line.territory ?? ''}`.trim(),
    line.periodStart && line.periodEnd
      ? `${line.periodStart.slice(0, 7)}${line.periodEnd.slice(0, 7) !== line.periodStart.slice(0, 7) ? `..${line.periodEnd.slice(0, 7)}` : ''}`
      : '',
    line.usages.toString(),
    money(line.gross),
    money(line.commission),
    money(line.deductions),
    money(line.net),
  ];
}

/**
 * Renders a member statement as a readable PDF (A4 landscape): header, one row per line, column
 * totals, then brought forward, paid and carried. Byte-reproducible: the document dates are the
 * distribution date and nothing else varies (pdfkit's file id derives from the info dictionary).
 * Amounts are shown rounded to cents for reading; the CSV and Parquet exports carry the exact values.
 */
export function renderStatementPdf(statement: MemberStatement): Promise<Uint8Array> {
  const date = new Date(`${statement.date}T00:00:00Z`);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 36,
    compress: true,
    info: {
      Title: `Statement ${statement.distributionId} ${statement.partyName}`,
      Author: statement.society,
      Producer: 'tutti',
      Creator: 'tutti',
      CreationDate: date,
      ModDate: date,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(14).text(`${statement.society}: royalty statement`);
  doc.font('Helvetica').fontSize(10);
  doc.text(
    `${statement.partyName}${statement.ipiNameNumber ? ` (IPI ${statement.ipiNameNumber})` : ''}, ${statement.partyId}`,
  );
  doc.text(
    `Distribution ${statement.distributionId}, period ${statement.period}, payment date ${statement.date}`,
  );
  doc.moveDown();

  // Table rows drawn directly (one line each, long texts cut): pdfkit's text layout per cell was the
  // slowest part of a distribution (a member's 500 lines took 200 ms).
  const regular = new PdfTextRows(doc, 'Helvetica', 8);
  const bold = new PdfTextRows(doc, 'Helvetica-Bold', 8);
  const row = (values: readonly string[], isBold = false) => {
    if (doc.y > doc.page.height - 72) doc.addPage();
    let x = doc.page.margins.left;
    const cells = COLUMNS.map((column, i) => {
      const cell = {
        text: values[i] ?? '',
        x,
        width: column.width - 4,
        align: i >= 5 ? ('right' as const) : ('left' as const),
      };
      x += column.width;
      return cell;
    });
    (isBold ? bold : regular).draw(cells, doc.y);
    doc.x = doc.page.margins.left;
    doc.y += ROW_HEIGHT;
  };
  row(
    COLUMNS.map((c) => c.title),
    true,
  );
  for (const line of statement.lines) row(cells(line));
  const total = (pick: (l: StatementLine) => Micros) => money(sumMicros(statement.lines.map(pick)));
  row(
    [
      'Total',
      '',
      '',
      '',
      '',
      '',
      total((l) => l.gross),
      total((l) => l.commission),
      total((l) => l.deductions),
      total((l) => l.net),
    ],
    true,
  );

  doc.moveDown();
  const net = sumMicros(statement.lines.map((l) => l.net));
  doc.font('Helvetica').fontSize(10);
  doc.text(`Brought forward: ${money(statement.broughtForward)}`);
  doc.text(`Net this distribution: ${money(net)}`);
  doc.text(`Paid: ${money(statement.paid)}`);
  doc.text(
    `Carried to the next distribution (below the payment threshold): ${money(micros(statement.carried))}`,
  );
  doc.end();
  return done;
}
