import type PDFDocument from 'pdfkit';

/** The parts of pdfkit's standard-font object that raw text needs (pdfkit 0.20, AFM fonts). */
interface StandardFont {
  readonly id: string;
  readonly ascender: number;
  ref(): unknown;
  readonly font: {
    encodeText(text: string): string[];
    characterToGlyph(code: number): string;
    widthOfGlyph(glyph: string): number;
  };
}
type Doc = InstanceType<typeof PDFDocument>;
type RawDoc = Doc & { _font: StandardFont };
interface RawPage {
  readonly fonts: Record<string, unknown>;
  readonly height: number;
}

/** One cell: text, left edge and width in points, alignment. */
export interface PdfCell {
  readonly text: string;
  readonly x: number;
  readonly width: number;
  readonly align: 'left' | 'right';
}

const ELLIPSIS = '\u2026';
const pt = (v: number) => (Math.round(v * 100) / 100).toString();

/**
 * Draws single-line table rows in one of pdfkit's standard fonts with raw `Tj` operators: pdfkit's
 * `text()` lays every cell out through its line wrapper (about 30 µs a cell), which made statement
 * PDFs the slowest part of a distribution. Codes (WinAnsi, '?' outside it) and widths are cached per
 * character; a cell too wide for its column is cut with an ellipsis. Output depends only on the text.
 */
export class PdfTextRows {
  private readonly font: StandardFont;
  private readonly glyphs = new Map<number, { hex: string; width: number }>();

  constructor(
    private readonly doc: Doc,
    fontName: string,
    private readonly size: number,
  ) {
    const previous = (doc as RawDoc)._font;
    doc.font(fontName);
    this.font = (doc as RawDoc)._font;
    if (previous) (doc as RawDoc)._font = previous;
  }

  private glyph(code: number): { hex: string; width: number } {
    let g = this.glyphs.get(code);
    if (!g) {
      const mapped = parseInt(this.font.font.encodeText(String.fromCharCode(code))[0] ?? '3f', 16);
      const inRange = mapped >= 0x20 && mapped <= 0xff;
      const glyph = this.font.font.characterToGlyph(inRange ? code : 0x3f);
      g = {
        hex: (inRange ? mapped : 0x3f).toString(16).padStart(2, '0'),
        width: (this.font.font.widthOfGlyph(glyph) * this.size) / 1000,
      };
      this.glyphs.set(code, g);
    }
    return g;
  }

  /** Width of `text` in points, as drawn (no kerning). */
  widthOf(text: string): number {
    let w = 0;
    for (let i = 0; i < text.length; i++) w += this.glyph(text.charCodeAt(i)).width;
    return w;
  }

  private fit(text: string, width: number): string {
    if (this.widthOf(text) <= width) return text;
    const room = width - this.widthOf(ELLIPSIS);
    let w = 0;
    let end = 0;
    while (end < text.length && w + this.glyph(text.charCodeAt(end)).width <= room)
      w += this.glyph(text.charCodeAt(end++)).width;
    return text.slice(0, end) + ELLIPSIS;
  }

  /** Draws the cells on one line whose top is `y` (pdfkit's top-down coordinates) on the current page. */
  draw(cells: readonly PdfCell[], y: number): void {
    const page = this.doc.page as unknown as RawPage;
    page.fonts[this.font.id] ??= this.font.ref();
    const height = page.height;
    const baseline = height - y - (this.font.ascender / 1000) * this.size;
    const ops = [`q 1 0 0 -1 0 ${pt(height)} cm BT /${this.font.id} ${this.size} Tf`];
    for (const cell of cells) {
      if (cell.text === '') continue;
      const text = this.fit(cell.text, cell.width);
      let hex = '';
      for (let i = 0; i < text.length; i++) hex += this.glyph(text.charCodeAt(i)).hex;
      const x = cell.align === 'right' ? cell.x + cell.width - this.widthOf(text) : cell.x;
      ops.push(`1 0 0 1 ${pt(x)} ${pt(baseline)} Tm <${hex}> Tj`);
    }
    ops.push('ET Q');
    this.doc.addContent(ops.join('\n'));
  }
}
