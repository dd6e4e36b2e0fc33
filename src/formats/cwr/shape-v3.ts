import type { CwrVersion, RecordLayout } from './layout.js';
import { layoutsV3, type V3Shape } from './layouts-v3.js';

const TERRITORY = new Set(['SPT', 'OPT', 'SWT', 'OWT']);
const PUBLISHER = new Set(['SPU', 'OPU']);
const WRITER = new Set(['SWR', 'OWR']);

const isDigit = (c: number) => c >= 48 && c <= 57;
const isIncl = (c: number) => c === 73 || c === 69; // 'I' | 'E'

function digits(text: string, from: number, length: number, blankOk: boolean): boolean {
  if (text.length < from + length) return false;
  for (let i = from; i < from + length; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c) && !(blankOk && c === 32)) return false;
  }
  return true;
}

function trimmedLength(text: string): number {
  let n = text.length;
  while (n > 0 && text.charCodeAt(n - 1) <= 0x20) n--;
  return n;
}

/**
 * The IP # width a 3.x territory record (SPT/OPT/SWT/OWT) is written with, from where its
 * inclusion/exclusion indicator and 4-digit TIS code sit: 9 puts them at 47-51, 11 at 49-53.
 */
export function territoryIpLength(text: string): 9 | 11 | undefined {
  if (isIncl(text.charCodeAt(46)) && digits(text, 47, 4, false)) return 9;
  if (isIncl(text.charCodeAt(48)) && digits(text, 49, 4, false)) return 11;
  return undefined;
}

/**
 * Whether a 3.x SPU/OPU/SWR/OWR carries the 2.x Tax ID (9 characters) before the IPI name number.
 * `at` is the 0-based index after the role. With a Tax ID the record runs past the end of the
 * Tax-less layout, or holds 9 digits-or-blanks then 11 digits there (without one, an IPI base number
 * — `I-…` or blanks — follows the 11-digit IPI name number, so those 20 characters are never all digits).
 */
function hasTaxId(text: string, at: number, tailWithout: number): boolean {
  if (trimmedLength(text) > at + tailWithout) return true;
  return digits(text, at, 9, true) && digits(text, at + 9, 11, false);
}

/** Default shape of a version: the printed spec (3.0: 9-character IP #s and Tax IDs as DMP writes them). */
export function defaultShape(version: CwrVersion): V3Shape {
  return version === '3.0'
    ? { ipLength: 9, man: false, taxId: true }
    : { ipLength: 11, man: true, taxId: false };
}

/** The layouts to read one 3.x record with, given the file's IP # width. */
export function layoutsForRecord(
  type: string,
  text: string,
  shape: V3Shape,
): ReadonlyMap<string, RecordLayout> {
  if (PUBLISHER.has(type)) {
    // Sequence 2 + IP # + name 45 + unknown 1 + role 2; without Tax ID: IPI 11, base 13, USA licence 1.
    const at = 19 + 2 + shape.ipLength + 45 + 1 + 2;
    return layoutsV3({ ...shape, taxId: hasTaxId(text, at, 25) });
  }
  if (WRITER.has(type)) {
    // IP # + last 45 + first 30 + unknown 1 + role 2; without Tax ID: IPI 11, base 13, four flags.
    const at = 19 + shape.ipLength + 45 + 30 + 1 + 2;
    return layoutsV3({ ...shape, taxId: hasTaxId(text, at, 28) });
  }
  return layoutsV3(shape);
}

export { TERRITORY as TERRITORY_RECORDS };
