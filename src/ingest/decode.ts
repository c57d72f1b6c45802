// Bytes → text, or a reason why the bytes are not text. Untrusted input: a scraped folder holds
// PDFs renamed to .txt, UTF-16 exports and Latin-1 files.

export type Decoded =
  | { readonly ok: true; readonly text: string; readonly note?: string }
  | { readonly ok: false; readonly reason: string };

/** Magic numbers of formats people save with a text extension by mistake. */
const BINARY_SIGNATURES: ReadonlyArray<{ readonly bytes: readonly number[]; readonly name: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46], name: 'a PDF file' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'a ZIP archive (or DOCX/XLSX)' },
  { bytes: [0x1f, 0x8b], name: 'a gzip archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'an old Microsoft Office file' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: 'an executable' },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

/** Why these bytes are not text (a known binary format, or NUL bytes near the start), or undefined. */
export function binaryReason(bytes: Uint8Array): string | undefined {
  const signature = BINARY_SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (signature) return `binary content (${signature.name}), not text`;
  if (bytes.subarray(0, 8192).includes(0)) return 'binary content (NUL bytes), not text';
  return undefined;
}

/**
 * A byte-order mark is a hint, not a pass (issue 20, finding 6: a UTF-8 BOM before random bytes
 * was read as Windows-1252, FF FE before 4,000 NULs became a document, UTF-32LE was read as
 * UTF-16): the bytes after it must decode strictly in that encoding, and the text must not be
 * made of control characters. UTF-32 (either order, with its BOM) is recognised.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00])) return afterBom(utf32(bytes.subarray(4), true), 'UTF-32LE');
  if (startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) return afterBom(utf32(bytes.subarray(4), false), 'UTF-32BE');
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const rest = bytes.subarray(3);
    const binary = binaryReason(rest);
    if (binary) return { ok: false, reason: binary };
    return afterBom(strict('utf-8', rest), undefined);
  }
  if (startsWith(bytes, [0xff, 0xfe])) return afterBom(strict('utf-16le', bytes.subarray(2)), 'UTF-16LE');
  if (startsWith(bytes, [0xfe, 0xff])) return afterBom(strict('utf-16be', bytes.subarray(2)), 'UTF-16BE');
  const bomless = utf16WithoutBom(bytes);
  if (bomless) return { ok: true, text: new TextDecoder(bomless).decode(bytes), note: `${bomless.toUpperCase()} without a byte-order mark` };
  const binary = binaryReason(bytes);
  if (binary) return { ok: false, reason: binary };
  return utf8(bytes);
}

/**
 * Mostly-Latin text saved as UTF-16 without a BOM has a NUL in every other byte. Only that clear
 * pattern is read as UTF-16; other NUL bytes mean binary.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const head = bytes.subarray(0, Math.min(bytes.length, 1024) & ~1);
  if (head.length < 8) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < head.length; i += 2) {
    if (head[i] === 0) zeroEven++;
    if (head[i + 1] === 0) zeroOdd++;
  }
  const pairs = head.length / 2;
  if (zeroOdd >= pairs * 0.95 && zeroEven === 0) return 'utf-16le';
  if (zeroEven >= pairs * 0.95 && zeroOdd === 0) return 'utf-16be';
  return undefined;
}

/** The text of a strict decode, or undefined when the bytes are not valid in that encoding. */
function strict(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** UTF-32 by hand (TextDecoder has no UTF-32); undefined for a ragged length or a value that is no character. */
function utf32(bytes: Uint8Array, littleEndian: boolean): string | undefined {
  if (bytes.length % 4 !== 0) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  const codes: number[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    const code = view.getUint32(i, littleEndian);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
    codes.push(code);
    if (codes.length === 4096) parts.push(String.fromCodePoint(...codes.splice(0)));
  }
  parts.push(String.fromCodePoint(...codes));
  return parts.join('');
}

/** Control characters other than whitespace (NUL, ESC, …) in the first 8,192 characters: a text made of them is binary. */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

function afterBom(text: string | undefined, note: string | undefined): Decoded {
  const what = note ?? 'UTF-8';
  if (text === undefined) return { ok: false, reason: `binary content, or not ${what} as its byte-order mark says` };
  const head = text.slice(0, 8192);
  const controls = head.match(CONTROL)?.length ?? 0;
  if (head.includes('\u0000') || controls > head.length / 100) return { ok: false, reason: `binary content (control characters after a ${what} byte-order mark), not text` };
  return note === undefined ? { ok: true, text } : { ok: true, text, note };
}

export function utf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Not UTF-8: Windows-1252 is what such news files almost always are.
    return { ok: true, text: windows1252(bytes), note: 'not valid UTF-8; decoded as Windows-1252' };
  }
}

/**
 * Bytes 0x80–0x9F of Windows-1252 (WHATWG index-windows-1252); the other bytes are their own
 * code points. Written out because Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1
 * and turns curly quotes (0x93, 0x94) into C1 control characters.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function windows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const codes = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(b - 0x80) : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}
