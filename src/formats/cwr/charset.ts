import type { CwrVersion } from './layout.js';

/** How a line that is not valid UTF-8 is read: IBM code page 850 or ISO-8859-1. */
export type FallbackCharset = 'cp850' | 'latin1';

// Bytes 0x80-0xFF of code page 850 (bytes below 0x80 are ASCII in both code pages).
const CP850_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐' +
  '└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0';

/**
 * Which code page explains the non-UTF-8 lines of a file, from its HDR character set (standards.md §3.3).
 * 2.x files that announce nothing or `ASCII` and yet carry 8-bit bytes were written by DOS/Windows tools
 * in code page 850: the EMI file's `0xA5` is `Ñ`, which Latin-1 would read as `¥`. So: cp850 for a blank
 * or ASCII 2.x character set (or one naming 850); Latin-1 for everything else (ISO-8859-1, UTF-8 files
 * with stray bytes, and 3.x files, whose default is ISO-8859-1).
 */
export function fallbackCharset(characterSet: string, version: CwrVersion): FallbackCharset {
  const cs = characterSet
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  if (cs.includes('850')) return 'cp850';
  if (version.startsWith('3')) return 'latin1';
  return cs === '' || cs === 'ASCII' || cs === 'USASCII' ? 'cp850' : 'latin1';
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
