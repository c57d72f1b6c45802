// Sums of int16 weight rows into int32 scores, with WebAssembly SIMD when the runtime has it.
//
// The parser's labelled-move model has 103 classes, and the rows of its frequent features (tags,
// child labels, frequent words) carry weights for most of them: summing them one weight at a time
// in JavaScript was three quarters of the parsing time. Here such rows are stored dense (int16),
// and a small WebAssembly function (assembled below, no toolchain needed) adds them with 128-bit
// vectors, widening 4 lanes to int32 per load. Without WebAssembly SIMD the same sums are done in
// JavaScript (same results, slower).

/** Byte layout of the summer's memory: the row list, the output lanes, then the rows. */
const LIST_BASE = 0;
const LIST_CAPACITY = 1024;
const OUT_BASE = LIST_CAPACITY * 4;
const OUT_CAPACITY = 1024;
const ROWS_BASE = OUT_BASE + OUT_CAPACITY * 4;

/** The part of the WebAssembly API used here (not in the ES2022 + node typings this project uses). */
interface WasmApi {
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

function leb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

function section(id: number, body: number[]): number[] {
  return [id, ...leb(body.length), ...body];
}

/**
 * The module: imports memory e.m (min `pages`), exports s(list, count, out, chunks): for each
 * chunk c of 16 lanes, out[16c … 16c+15] (int32) = Σ over i < count of the 16 int16 lanes at
 * byte address list[i] + 32c (v128.load16x4_s widens 4 lanes per load; 4 accumulators).
 */
function moduleBytes(pages: number): Uint8Array {
  const ZERO = new Array<number>(16).fill(0);
  const zero = (local: number): number[] => [0xfd, 0x0c, ...ZERO, 0x21, local];
  // acc += load16x4_s(p + offset)
  const accumulate = (acc: number, offset: number): number[] => [0x20, acc, 0x20, 0x07, 0xfd, 0x03, 0x03, offset, 0xfd, 0xae, 0x01, 0x21, acc];
  // store acc at out + 2·off + offset
  const store = (acc: number, offset: number): number[] => [0x20, 0x02, 0x20, 0x06, 0x41, 0x01, 0x74, 0x6a, 0x20, acc, 0xfd, 0x0b, 0x04, offset];
  const code = [
    // locals: 4 c, 5 i, 6 off, 7 p (i32); 8 … 11 accumulators (v128)
    0x02, 0x04, 0x7f, 0x04, 0x7b,
    0x41, 0x00, 0x21, 0x04, // c = 0
    0x02, 0x40, 0x03, 0x40, // block loop
    0x20, 0x04, 0x20, 0x03, 0x4f, 0x0d, 0x01, // if c >= chunks: break
    0x20, 0x04, 0x41, 0x05, 0x74, 0x21, 0x06, // off = c << 5
    ...zero(8), ...zero(9), ...zero(10), ...zero(11),
    0x41, 0x00, 0x21, 0x05, // i = 0
    0x02, 0x40, 0x03, 0x40, // block loop
    0x20, 0x05, 0x20, 0x01, 0x4f, 0x0d, 0x01, // if i >= count: break
    0x20, 0x00, 0x20, 0x05, 0x41, 0x02, 0x74, 0x6a, 0x28, 0x02, 0x00, // i32.load(list + (i << 2))
    0x20, 0x06, 0x6a, 0x21, 0x07, // p = … + off
    ...accumulate(8, 0), ...accumulate(9, 8), ...accumulate(10, 16), ...accumulate(11, 24),
    0x20, 0x05, 0x41, 0x01, 0x6a, 0x21, 0x05, // i++
    0x0c, 0x00, 0x0b, 0x0b, // continue; end loop, block
    ...store(8, 0), ...store(9, 16), ...store(10, 32), ...store(11, 48),
    0x20, 0x04, 0x41, 0x01, 0x6a, 0x21, 0x04, // c++
    0x0c, 0x00, 0x0b, 0x0b, // continue; end loop, block
    0x0b, // end function
  ];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [0x01, 0x60, 0x04, 0x7f, 0x7f, 0x7f, 0x7f, 0x00]),
    ...section(2, [0x01, 0x01, 0x65, 0x01, 0x6d, 0x02, 0x00, ...leb(pages)]),
    ...section(3, [0x01, 0x00]),
    ...section(7, [0x01, 0x01, 0x73, 0x00, 0x00]),
    ...section(10, [0x01, ...leb(code.length), ...code]),
  ]);
}

/**
 * Dense int16 rows (`lanes` per row, a multiple of 16) and their sums. Fill `rows`, then for each
 * sum put row indices with add(), call sum(), read `out` (lanes int32).
 */
export class RowSummer {
  readonly lanes: number;
  readonly rows: Int16Array;
  readonly out: Int32Array;
  /** Whether sums run in WebAssembly SIMD. */
  readonly simd: boolean;
  private readonly list: Int32Array;
  private count = 0;
  private readonly kernel: ((list: number, count: number, out: number, blocks: number) => void) | undefined;

  constructor(rowCount: number, lanes: number, options: { simd?: boolean } = {}) {
    if (lanes % 16 !== 0 || lanes > OUT_CAPACITY) throw new Error(`RowSummer: ${lanes} lanes (a multiple of 16, at most ${OUT_CAPACITY})`);
    this.lanes = lanes;
    const bytes = ROWS_BASE + rowCount * lanes * 2;
    const pages = Math.max(1, Math.ceil(bytes / 65536));
    let kernel: RowSummer['kernel'];
    let buffer: ArrayBuffer;
    try {
      const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
      if (options.simd === false || !wasm) throw new Error('no WebAssembly');
      const memory = new wasm.Memory({ initial: pages });
      const instance = new wasm.Instance(new wasm.Module(moduleBytes(pages)), { e: { m: memory } });
      kernel = instance.exports.s as RowSummer['kernel'];
      buffer = memory.buffer;
    } catch {
      kernel = undefined;
      buffer = new ArrayBuffer(pages * 65536);
    }
    this.kernel = kernel;
    this.simd = kernel !== undefined;
    this.list = new Int32Array(buffer, LIST_BASE, LIST_CAPACITY);
    this.out = new Int32Array(buffer, OUT_BASE, lanes);
    this.rows = new Int16Array(buffer, ROWS_BASE, rowCount * lanes);
  }

  /** The first 16-lane chunk and the number of chunks the current sum covers. */
  private first = 0;
  private chunks = 0;

  /**
   * Starts a new sum over lanes 16·first … 16·(first + chunks) − 1 (all lanes by default): out
   * holds exact sums there and anything elsewhere. A caller that needs some classes only (the
   * parser, when some moves are not allowed) adds less.
   */
  clear(first = 0, chunks = this.lanes >> 4): void {
    this.count = 0;
    this.first = first;
    this.chunks = chunks;
  }

  /** Adds row r to the current sum (at most 1024 rows per sum). */
  add(r: number): void {
    this.list[this.count++] = this.kernel ? ROWS_BASE + r * this.lanes * 2 + this.first * 32 : r;
  }

  /**
   * out = the sum of rows rows[0 … count−1] over the lanes of 16-lane chunks first … first +
   * chunks − 1: clear(first, chunks), add() each row and sum() in one call, with no field written
   * per row.
   */
  sumRows(rows: Int32Array, count: number, first: number, chunks: number): void {
    if (count > LIST_CAPACITY) throw new Error(`RowSummer: at most ${LIST_CAPACITY} rows per sum`);
    const list = this.list;
    if (this.kernel) {
      const stride = this.lanes * 2;
      const base = ROWS_BASE + first * 32;
      for (let i = 0; i < count; i++) list[i] = base + (rows[i] as number) * stride;
    } else {
      for (let i = 0; i < count; i++) list[i] = rows[i] as number;
    }
    this.count = count;
    this.first = first;
    this.chunks = chunks;
    this.sum();
  }

  /** Computes out = the sum of the rows added since clear() (all zero when none), over clear()'s lanes. */
  sum(): void {
    const lanes = this.lanes;
    const count = this.count;
    if (this.kernel && count > 0) {
      this.kernel(LIST_BASE, count, OUT_BASE + this.first * 64, this.chunks);
      return;
    }
    const rows = this.rows;
    const out = this.out;
    const from = this.first * 16;
    const to = from + this.chunks * 16;
    out.fill(0, from, to);
    for (let i = 0; i < count; i++) {
      const base = (this.list[i] as number) * lanes;
      for (let c = from; c < to; c++) out[c] = (out[c] as number) + (rows[base + c] as number);
    }
  }
}
