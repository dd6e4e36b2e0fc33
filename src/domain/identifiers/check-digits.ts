/**
 * The check-digit algorithms of the identifiers tutti handles (standards.md §4), on digit strings.
 * Each returns the expected check character(s) for the payload; validation compares.
 */

const digits = (s: string) => [...s].map(Number);

/** ISWC / IPI base: sum = header + Σ i·d[i]; check = (10 − sum mod 10) mod 10 (`T` counts 1, `I` counts 2). */
export function weightedMod10(payload9: string, header: number): string {
  const sum = digits(payload9).reduce((s, d, i) => s + (i + 1) * d, header);
  return String((10 - (sum % 10)) % 10);
}

/** IPI name number: s = Σ d[i]·(11−i) mod 101 over 9 digits; c = s == 0 ? 0 : (101 − s) mod 100, two digits. */
export function ipiMod101(payload9: string): string {
  const s = digits(payload9).reduce((acc, d, i) => acc + d * (10 - i), 0) % 101;
  return String(s === 0 ? 0 : (101 - s) % 100).padStart(2, '0');
}

/** ISO 7064 MOD 11-2 (ISNI) over 15 digits; `X` stands for 10. */
export function mod11_2(payload15: string): string {
  let t = 0;
  for (const d of digits(payload15)) t = (t + d) * 2;
  const r = (12 - (t % 11)) % 11;
  return r === 10 ? 'X' : String(r);
}

/** GS1 mod 10 (UPC, EAN, GTIN): weights 3,1,3,... from the right of the payload. */
export function gs1Mod10(payload: string): string {
  const ds = digits(payload).reverse();
  const sum = ds.reduce((s, d, i) => s + d * (i % 2 === 0 ? 3 : 1), 0);
  return String((10 - (sum % 10)) % 10);
}

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** ISO 7064 MOD 37,36 (DDEX party id): valid when the running value over all characters ends at 1. */
export function mod37_36IsValid(text: string): boolean {
  let c = 18;
  for (const ch of text) {
    const v = ALNUM.indexOf(ch);
    if (v < 0) return false;
    c = ((((c === 0 ? 36 : c) * 2) % 37) + v) % 36;
  }
  return c === 1;
}

/** The MOD 37,36 check character that makes `payload` + check valid. */
export function mod37_36Check(payload: string): string {
  for (const ch of ALNUM) if (mod37_36IsValid(payload + ch)) return ch;
  return '0';
}
