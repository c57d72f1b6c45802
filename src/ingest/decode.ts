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

export function decodeText(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return utf8(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), note: 'UTF-16LE' };
  if (startsWith(bytes, [0xfe, 0xff])) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), note: 'UTF-16BE' };
  const signature = BINARY_SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (signature) return { ok: false, reason: `binary content (${signature.name}), not text` };
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { ok: false, reason: 'binary content (NUL bytes), not text' };
  return utf8(bytes);
}

function utf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Not UTF-8: Windows-1252 is what such news files almost always are.
    return { ok: true, text: new TextDecoder('windows-1252').decode(bytes), note: 'not valid UTF-8; decoded as Windows-1252' };
  }
}
