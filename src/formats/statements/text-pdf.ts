import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

/** The two fonts a text PDF uses: PDF standard fonts, never embedded. */
export type TextPdfFont = 'Helvetica' | 'Helvetica-Bold';

/** The parts of pdfkit's standard-font object that give codes and widths (pdfkit 0.20, AFM fonts). */
interface AfmFont {
  encodeText(text: string): string[];
  characterToGlyph(code: number): string;
  widthOfGlyph(glyph: string): number;
}

interface Glyph {
  readonly hex: string;
  /** Width in thousandths of the font size. */
  readonly width: number;
}

/**
 * WinAnsi codes and AFM widths per character, read once per process from pdfkit's font files (a
 * pdfkit document parses both AFM files again for every document, which was most of its cost).
 */
class Metrics {
  private static readonly cache = new Map<TextPdfFont, Metrics>();
  private readonly glyphs = new Map<number, Glyph>();

  private constructor(private readonly afm: AfmFont) {}

  static of(font: TextPdfFont): Metrics {
    let m = Metrics.cache.get(font);
    if (!m) {
      const doc = new PDFDocument({ autoFirstPage: false });
      doc.font(font);
      m = new Metrics((doc as unknown as { _font: { font: AfmFont } })._font.font);
      Metrics.cache.set(font, m);
    }
    return m;
  }

  glyph(code: number): Glyph {
    let g = this.glyphs.get(code);
    if (!g) {
      const mapped = parseInt(this.afm.encodeText(String.fromCharCode(code))[0] ?? '3f', 16);
      const inRange = mapped >= 0x20 && mapped <= 0xff;
      g = {
        hex: (inRange ? mapped : 0x3f).toString(16).padStart(2, '0'),
        width: this.afm.widthOfGlyph(this.afm.characterToGlyph(inRange ? code : 0x3f)),
      };
      this.glyphs.set(code, g);
    }
    return g;
  }

  width(text: string, size: number): number {
    let w = 0;
    for (let i = 0; i < text.length; i++) w += this.glyph(text.charCodeAt(i)).width;
    return (w * size) / 1000;
  }
}

/** One piece of text on a line: left edge and width in points; cut with an ellipsis when too wide. */
export interface TextPdfCell {
  readonly text: string;
  readonly x: number;
  readonly width: number;
  readonly align?: 'left' | 'right';
}

const ELLIPSIS = '\u2026';
/** Helvetica's ascender (both weights), thousandths of the size. */
const ASCENDER = 718;
const num = (v: number) => (Math.round(v * 100) / 100).toString();

/** PDF text string as UTF-16BE hex with a byte-order mark, for the document information. */
function infoText(text: string): string {
  let hex = 'feff';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex}>`;
}

/**
 * A small PDF writer for documents of single-line text in the standard Helvetica fonts (tables of
 * figures): no layout engine, no embedded fonts, pages as compressed content streams. Output depends
 * only on what is drawn and the document information (no clock: the date is given), so the same
 * calls give the same bytes; the file id is a hash of the content.
 */
export class TextPdf {
  private readonly pages: string[][] = [];
  private ops: string[] = [];
  /** Top of the next line, in points from the top of the page. */
  y: number;

  constructor(
    readonly width: number,
    readonly height: number,
    readonly margin: number,
    private readonly info: { title: string; author: string; date: string },
  ) {
    this.y = margin;
    this.pages.push(this.ops);
  }

  /** Starts a new page when fewer than `room` points are left above the bottom margin. */
  ensure(room: number): void {
    if (this.y + room > this.height - this.margin) this.addPage();
  }

  addPage(): void {
    this.ops = [];
    this.pages.push(this.ops);
    this.y = this.margin;
  }

  /** Width of `text` in points. */
  widthOf(text: string, font: TextPdfFont, size: number): number {
    return Metrics.of(font).width(text, size);
  }

  /** Draws cells on one line whose top is the current `y`, then moves `y` down by `advance`. */
  line(cells: readonly TextPdfCell[], font: TextPdfFont, size: number, advance: number): void {
    const metrics = Metrics.of(font);
    const baseline = this.height - this.y - (ASCENDER / 1000) * size;
    const ops = [`BT /${font === 'Helvetica' ? 'F1' : 'F2'} ${size} Tf`];
    for (const cell of cells) {
      if (cell.text === '') continue;
      const text = fit(metrics, cell.text, cell.width, size);
      let hex = '';
      for (let i = 0; i < text.length; i++) hex += metrics.glyph(text.charCodeAt(i)).hex;
      const x = cell.align === 'right' ? cell.x + cell.width - metrics.width(text, size) : cell.x;
      ops.push(`1 0 0 1 ${num(x)} ${num(baseline)} Tm <${hex}> Tj`);
    }
    ops.push('ET');
    this.ops.push(ops.join('\n'));
    this.y += advance;
  }

  /** Draws a horizontal rule across the text area at the current `y`. */
  rule(): void {
    const y = num(this.height - this.y);
    this.ops.push(`0.5 w ${num(this.margin)} ${y} m ${num(this.width - this.margin)} ${y} l S`);
  }

  /** The finished document. */
  bytes(): Uint8Array {
    const objects: (string | Buffer)[] = [];
    const add = (body: string | Buffer) => {
      objects.push(body);
    };
    const pageIds: number[] = [];
    const firstPage = 6;
    this.pages.forEach((_, i) => pageIds.push(firstPage + i * 2));
    const d = this.info.date.replace(/-/g, '');
    add('<< /Type /Catalog /Pages 2 0 R >>');
    add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`);
    add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
    add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
    add(
      `<< /Title ${infoText(this.info.title)} /Author ${infoText(this.info.author)} /Producer (tutti) /Creator (tutti) /CreationDate (D:${d}000000Z) /ModDate (D:${d}000000Z) >>`,
    );
    for (const [i, ops] of this.pages.entries()) {
      const content = deflateSync(Buffer.from(ops.join('\n'), 'latin1'));
      add(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${this.width} ${this.height}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${firstPage + i * 2 + 1} 0 R >>`,
      );
      add(
        Buffer.concat([
          Buffer.from(`<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
          content,
          Buffer.from('\nendstream', 'latin1'),
        ]),
      );
    }
    const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
    let offset = parts[0]?.length ?? 0;
    const offsets: number[] = [];
    for (const [i, body] of objects.entries()) {
      const chunk = Buffer.concat([
        Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
        typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
        Buffer.from('\nendobj\n', 'latin1'),
      ]);
      offsets.push(offset);
      offset += chunk.length;
      parts.push(chunk);
    }
    const id = createHash('md5').update(Buffer.concat(parts)).digest('hex');
    const xref = [
      'xref',
      `0 ${objects.length + 1}`,
      '0000000000 65535 f ',
      ...offsets.map((o) => `${o.toString().padStart(10, '0')} 00000 n `),
      'trailer',
      `<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R /ID [<${id}> <${id}>] >>`,
      'startxref',
      offset.toString(),
      '%%EOF\n',
    ].join('\n');
    parts.push(Buffer.from(xref, 'latin1'));
    return new Uint8Array(Buffer.concat(parts));
  }
}

function fit(metrics: Metrics, text: string, width: number, size: number): string {
  if (metrics.width(text, size) <= width) return text;
  const room = width - metrics.width(ELLIPSIS, size);
  let w = 0;
  let end = 0;
  while (end < text.length) {
    const next = (metrics.glyph(text.charCodeAt(end)).width * size) / 1000;
    if (w + next > room) break;
    w += next;
    end++;
  }
  return text.slice(0, end) + ELLIPSIS;
}
