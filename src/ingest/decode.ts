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

export function decodeText(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return utf8(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), note: 'UTF-16LE' };
  if (startsWith(bytes, [0xfe, 0xff])) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), note: 'UTF-16BE' };
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
