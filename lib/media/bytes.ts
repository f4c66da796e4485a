// Bounds-checked reads over a file's bytes for the header parsers: a read past the end throws Truncated
// (the parser turns it into "the file is damaged") instead of returning undefined or NaN.
export class Truncated extends Error {
  constructor() {
    super('truncated');
    this.name = 'Truncated';
  }
}

export class Bytes {
  private readonly view: DataView;
  constructor(readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  get length(): number {
    return this.data.byteLength;
  }

  private need(at: number, size: number): void {
    if (at < 0 || at + size > this.data.byteLength) throw new Truncated();
  }

  u8(at: number): number {
    this.need(at, 1);
    return this.view.getUint8(at);
  }
  u16be(at: number): number {
    this.need(at, 2);
    return this.view.getUint16(at, false);
  }
  u16le(at: number): number {
    this.need(at, 2);
    return this.view.getUint16(at, true);
  }
  u24le(at: number): number {
    return this.u16le(at) + this.u8(at + 2) * 0x10000;
  }
  u32be(at: number): number {
    this.need(at, 4);
    return this.view.getUint32(at, false);
  }
  u32le(at: number): number {
    this.need(at, 4);
    return this.view.getUint32(at, true);
  }
  u64be(at: number): number {
    this.need(at, 8);
    return Number(this.view.getBigUint64(at, false));
  }
  i64le(at: number): bigint {
    this.need(at, 8);
    return this.view.getBigInt64(at, true);
  }
  f32be(at: number): number {
    this.need(at, 4);
    return this.view.getFloat32(at, false);
  }
  f64be(at: number): number {
    this.need(at, 8);
    return this.view.getFloat64(at, false);
  }
  /** `size` bytes at `at` as Latin-1 text (four-character codes, magic strings). */
  ascii(at: number, size: number): string {
    this.need(at, size);
    return String.fromCharCode(...this.data.subarray(at, at + size));
  }
  /** Whether the bytes at `at` are `expected` (false, not a throw, when the file is shorter). */
  startsWith(expected: readonly number[] | string, at = 0): boolean {
    const values = typeof expected === 'string' ? [...expected].map((c) => c.charCodeAt(0)) : expected;
    if (at + values.length > this.data.byteLength) return false;
    return values.every((v, i) => this.data[at + i] === v);
  }
}
