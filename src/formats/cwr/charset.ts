import type { CwrVersion } from './layout.js';

/** How a line that is not valid UTF-8 is read: IBM code page 850 or ISO-8859-1. */
export type FallbackCharset = 'cp850' | 'latin1';

// Bytes 0x80-0xFF of code page 850 (bytes below 0x80 are ASCII in both code pages).
const CP850_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐' +
  '└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0';

/**
 * Which code page explains the non-UTF-8 lines of a file, from its HDR character set (standards.md §3.3).
 * 2.x files announce ASCII (or nothing, or UTF-8) and yet carry bytes written by DOS/Windows tools in
 * code page 850 (the EMI file's `0xA5` is `Ñ`, which Latin-1 would read as `¥`): cp850. A file that names
 * ISO-8859-1/Latin-1, and a 3.x file that names nothing (3.x defaults to ISO-8859-1), is read as Latin-1.
 */
export function fallbackCharset(characterSet: string, version: CwrVersion): FallbackCharset {
  const cs = characterSet.trim().toUpperCase();
  if (/8859|LATIN|1252/.test(cs)) return 'latin1';
  if (/850/.test(cs)) return 'cp850';
  if (cs === '' && version.startsWith('3')) return 'latin1';
  return 'cp850';
}

/**
 * Re-reads a line decoded byte-for-byte as Latin-1 (each character is one byte) in code page 850.
 * Pure and cheap: only characters 0x80-0xFF change.
 */
export function latin1ToCp850(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && c <= 0xff) {
      out += text.slice(from, i) + CP850_HIGH[c - 0x80]!;
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}
