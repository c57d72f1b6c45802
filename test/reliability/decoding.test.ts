// Finding 6: a byte-order mark hid binary content. Random bytes behind a UTF-8 BOM were read as
// Windows-1252; FF FE before 4,000 NUL bytes became a document of NUL characters; a UTF-32LE
// file (BOM FF FE 00 00) was read as UTF-16. The BOM is now a hint: the bytes after it must decode
// strictly in its encoding and must not be control characters; UTF-32 is read as UTF-32.
import { strict as assert } from 'node:assert';
import { decodeText } from '../../src/ingest/decode';
import { seededRandom } from '../../src/layout/random';

const TEXT = 'Kyiv — Zelenskyy met Macron in Paris. 😀';

function utf32(text: string, littleEndian: boolean): Buffer {
  const codes = [...text].map((c) => c.codePointAt(0) as number);
  const out = Buffer.alloc(4 + codes.length * 4);
  if (littleEndian) out.writeUInt32LE(0xfeff, 0);
  else out.writeUInt32BE(0xfeff, 0);
  codes.forEach((code, i) => (littleEndian ? out.writeUInt32LE(code, 4 + i * 4) : out.writeUInt32BE(code, 4 + i * 4)));
  return out;
}

function randomBytes(n: number, seed: number): Buffer {
  const random = seededRandom(seed);
  return Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256)));
}

describe('decoding: a byte-order mark is a hint, not a pass', () => {
  const table: Array<[string, Buffer, string | RegExp]> = [
    ['UTF-8 BOM + text', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), TEXT],
    ['UTF-8 BOM + random bytes', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), randomBytes(4000, 1)]), /binary content/],
    ['UTF-8 BOM + Latin-1 bytes (not UTF-8)', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('caf\xe9 cr\xe8me', 'latin1')]), /not UTF-8 as its byte-order mark says/],
    ['UTF-16LE BOM + text', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), TEXT],
    ['UTF-16LE BOM + 4,000 NUL bytes', Buffer.concat([Buffer.from([0xff, 0xfe, 0x41, 0x00]), Buffer.alloc(4000)]), /binary content \(control characters/],
    ['UTF-16BE BOM + escape codes', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('\u001b\u001b\u001b\u001b'.repeat(50), 'utf16le').swap16()]), /binary content/],
    ['UTF-16LE BOM + a lone surrogate', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([0x00, 0xd8, 0x41, 0x00])]), /not UTF-16LE/],
    ['UTF-32LE BOM + text', utf32(TEXT, true), TEXT],
    ['UTF-32BE BOM + text', utf32(TEXT, false), TEXT],
    ['UTF-32LE BOM + a ragged tail', Buffer.concat([utf32(TEXT, true), Buffer.from([0x41])]), /not UTF-32LE/],
    ['UTF-32LE BOM + a value beyond Unicode', Buffer.concat([utf32('A', true), Buffer.from([0, 0, 0x11, 0])]), /not UTF-32LE/],
  ];
  for (const [name, bytes, expected] of table) {
    it(name, () => {
      const d = decodeText(bytes);
      if (typeof expected === 'string') {
        assert.ok(d.ok, d.ok ? '' : d.reason);
        assert.equal(d.text, expected);
      } else {
        assert.ok(!d.ok, `read as text: ${d.ok ? JSON.stringify(d.text.slice(0, 40)) : ''}`);
        assert.match(d.reason, expected);
      }
    });
  }
});
