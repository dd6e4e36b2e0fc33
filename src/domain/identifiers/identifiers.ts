import { TuttiError } from '../errors/tutti-error.js';
import {
  gs1Mod10,
  ipiMod101,
  mod11_2,
  mod37_36Check,
  mod37_36IsValid,
  weightedMod10,
} from './check-digits.js';

/** ISWC in data form: `T` + 9 digits + check digit (ISO 15707). */
export type Iswc = string & { readonly __brand: 'Iswc' };
/** ISRC, 12 characters upper case (ISO 3901); no check digit. */
export type Isrc = string & { readonly __brand: 'Isrc' };
/** IPI name number: 11 digits, the last two check digits. */
export type IpiNameNumber = string & { readonly __brand: 'IpiNameNumber' };
/** IPI base number: `I-NNNNNNNNN-C`. */
export type IpiBaseNumber = string & { readonly __brand: 'IpiBaseNumber' };
/** ISNI: 15 digits + check (`0-9` or `X`). */
export type Isni = string & { readonly __brand: 'Isni' };
/** GTIN: UPC-A (12), EAN-13 or GTIN-14 digits. */
export type Gtin = string & { readonly __brand: 'Gtin' };
/** DDEX party id: `PADPIDA` + 10 characters + MOD 37,36 check. */
export type Dpid = string & { readonly __brand: 'Dpid' };

/** Why a text is not a valid identifier, or the normalised identifier. */
export type IdentifierCheck<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

function reject(kind: string, text: string, reason: string): never {
  throw new TuttiError('INVALID_IDENTIFIER', `${kind} "${text}" is invalid: ${reason}`, {
    value: text,
    field: kind,
  });
}

function toThrowing<T>(kind: string, check: (text: string) => IdentifierCheck<T>) {
  return (text: string): T => {
    const r = check(text);
    return r.ok ? r.value : reject(kind, text, r.reason);
  };
}

/** Checks an ISWC in any usual form (`T-034.524.680-1`, `T0345246801`, lower case). */
export function checkIswc(text: string): IdentifierCheck<Iswc> {
  const t = text.replace(/[\s.-]/g, '').toUpperCase();
  if (!/^T\d{10}$/.test(t)) return { ok: false, reason: 'expected T followed by 10 digits' };
  const expected = weightedMod10(t.slice(1, 10), 1);
  if (t[10] !== expected) return { ok: false, reason: `check digit is ${t[10]}, expected ${expected}` };
  return { ok: true, value: t as Iswc };
}
export const parseIswc = toThrowing('ISWC', checkIswc);
export const isValidIswc = (text: string) => checkIswc(text).ok;
/** Display form `T-034.524.680-1`. */
export function formatIswc(iswc: Iswc): string {
  return `T-${iswc.slice(1, 4)}.${iswc.slice(4, 7)}.${iswc.slice(7, 10)}-${iswc.slice(10)}`;
}
/** Builds a valid ISWC from a 9-digit work number (for generated data and tests). */
export function iswcFromNumber(n: number): Iswc {
  const payload = String(n).padStart(9, '0');
  return `T${payload}${weightedMod10(payload, 1)}` as Iswc;
}

/** Checks an ISRC, removing an `ISRC` prefix, hyphens and spaces and upper-casing first. */
export function checkIsrc(text: string): IdentifierCheck<Isrc> {
  const t = text.replace(/^ISRC/i, '').replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}[A-Z0-9]{3}\d{7}$/.test(t))
    return { ok: false, reason: 'expected CC XXX YY NNNNN (2 letters, 3 letters or digits, 7 digits)' };
  return { ok: true, value: t as Isrc };
}
export const parseIsrc = toThrowing('ISRC', checkIsrc);
export const isValidIsrc = (text: string) => checkIsrc(text).ok;

/** Checks an IPI name number; shorter digit strings are zero-padded to 11 (files often drop leading zeros). */
export function checkIpiNameNumber(text: string): IdentifierCheck<IpiNameNumber> {
  const t = text.trim();
  if (!/^\d{1,11}$/.test(t)) return { ok: false, reason: 'expected up to 11 digits' };
  const p = t.padStart(11, '0');
  if (/^0+$/.test(p)) return { ok: false, reason: 'all zeros' };
  const expected = ipiMod101(p.slice(0, 9));
  if (p.slice(9) !== expected)
    return { ok: false, reason: `check digits are ${p.slice(9)}, expected ${expected}` };
  return { ok: true, value: p as IpiNameNumber };
}
export const parseIpiNameNumber = toThrowing('IPI name number', checkIpiNameNumber);
export const isValidIpiNameNumber = (text: string) => checkIpiNameNumber(text).ok;
export function ipiNameNumberFromNumber(n: number): IpiNameNumber {
  const payload = String(n).padStart(9, '0');
  return `${payload}${ipiMod101(payload)}` as IpiNameNumber;
}

/** Checks an IPI base number `I-NNNNNNNNN-C` (dashes optional). The check digit rule is secondary (standards.md §4.4). */
export function checkIpiBaseNumber(text: string): IdentifierCheck<IpiBaseNumber> {
  const t = text.replace(/[\s-]/g, '').toUpperCase();
  if (!/^I\d{10}$/.test(t)) return { ok: false, reason: 'expected I-NNNNNNNNN-C' };
  const expected = weightedMod10(t.slice(1, 10), 2);
  if (t[10] !== expected) return { ok: false, reason: `check digit is ${t[10]}, expected ${expected}` };
  return { ok: true, value: `I-${t.slice(1, 10)}-${t[10]}` as IpiBaseNumber };
}
export const parseIpiBaseNumber = toThrowing('IPI base number', checkIpiBaseNumber);
export function ipiBaseNumberFromNumber(n: number): IpiBaseNumber {
  const payload = String(n).padStart(9, '0');
  return `I-${payload}-${weightedMod10(payload, 2)}` as IpiBaseNumber;
}

/** Checks an ISNI, with or without spaces or an `ISNI::` namespace. */
export function checkIsni(text: string): IdentifierCheck<Isni> {
  const t = text
    .replace(/^ISNI::/i, '')
    .replace(/\s/g, '')
    .toUpperCase();
  if (!/^\d{15}[\dX]$/.test(t))
    return { ok: false, reason: 'expected 15 digits and a check character (0-9 or X)' };
  const expected = mod11_2(t.slice(0, 15));
  if (t[15] !== expected) return { ok: false, reason: `check character is ${t[15]}, expected ${expected}` };
  return { ok: true, value: t as Isni };
}
export const parseIsni = toThrowing('ISNI', checkIsni);

/** Checks a UPC-A, EAN-13 or GTIN-14 (GS1 mod 10). */
export function checkGtin(text: string): IdentifierCheck<Gtin> {
  const t = text.trim();
  if (!/^\d{12,14}$/.test(t)) return { ok: false, reason: 'expected 12 to 14 digits' };
  const expected = gs1Mod10(t.slice(0, -1));
  if (t.slice(-1) !== expected)
    return { ok: false, reason: `check digit is ${t.slice(-1)}, expected ${expected}` };
  return { ok: true, value: t as Gtin };
}
export const parseGtin = toThrowing('UPC/EAN', checkGtin);
export function gtinFromPayload(payload: string): Gtin {
  return `${payload}${gs1Mod10(payload)}` as Gtin;
}

/** Checks a DDEX party id (`DPID::` prefix allowed). Many real files carry dummy DPIDs: treat failure as a warning. */
export function checkDpid(text: string): IdentifierCheck<Dpid> {
  const t = text
    .replace(/^DPID::/i, '')
    .trim()
    .toUpperCase();
  if (!/^PADPIDA[0-9A-Z]{11}$/.test(t))
    return { ok: false, reason: 'expected PADPIDA followed by 11 letters or digits' };
  if (!mod37_36IsValid(t)) return { ok: false, reason: 'MOD 37,36 check character does not match' };
  return { ok: true, value: t as Dpid };
}
export const parseDpid = toThrowing('DPID', checkDpid);
export function dpidFromPayload(payload10: string): Dpid {
  const body = `PADPIDA${payload10}`;
  return `${body}${mod37_36Check(body)}` as Dpid;
}
