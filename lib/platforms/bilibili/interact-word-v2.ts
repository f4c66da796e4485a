// INTERACT_WORD_V2: the protobuf successor of INTERACT_WORD (enter, follow, share), sent as
// `{ "cmd": "INTERACT_WORD_V2", "data": { "pb": "<base64>" } }`. We read the few scalar fields we use
// with a minimal wire-format reader instead of pulling in protobufjs. Field numbers from
// blive-message-listener's INTERACT_WORD_V2.proto (MIT): uid 1, uname 2, msg_type 5, room_id 6,
// timestamp 7, trigger_time 15.

export type InteractWordV2 = { uid: string; uname: string; msgType: number; roomId: string; timestamp: number; triggerTime: string };

class Reader {
  offset = 0;
  constructor(private readonly bytes: Buffer) {}
  get done(): boolean {
    return this.offset >= this.bytes.length;
  }
  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (this.offset >= this.bytes.length) throw new Error('varint cut short');
      const byte = this.bytes[this.offset++] ?? 0;
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
      if (shift > 63n) throw new Error('varint too long');
    }
  }
  bytesField(): Buffer {
    const length = Number(this.varint());
    if (this.offset + length > this.bytes.length) throw new Error('length-delimited field cut short');
    const out = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }
  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.offset += 8;
    else if (wireType === 2) this.bytesField();
    else if (wireType === 5) this.offset += 4;
    else throw new Error(`unsupported wire type ${wireType}`);
  }
}

/** Throws on a malformed message. */
export function decodeInteractWordV2(pb: string): InteractWordV2 {
  const reader = new Reader(Buffer.from(pb, 'base64'));
  const out: InteractWordV2 = { uid: '0', uname: '', msgType: 0, roomId: '0', timestamp: 0, triggerTime: '0' };
  while (!reader.done) {
    const tag = Number(reader.varint());
    const field = tag >>> 3;
    const wireType = tag & 7;
    if (wireType === 0 && [1, 5, 6, 7, 15].includes(field)) {
      const value = reader.varint();
      if (field === 1) out.uid = value.toString();
      else if (field === 5) out.msgType = Number(value);
      else if (field === 6) out.roomId = value.toString();
      else if (field === 7) out.timestamp = Number(value);
      else out.triggerTime = value.toString();
    } else if (wireType === 2 && field === 2) {
      out.uname = reader.bytesField().toString('utf8');
    } else {
      reader.skip(wireType);
    }
  }
  return out;
}

function varintBytes(value: bigint): number[] {
  const out: number[] = [];
  let rest = value;
  do {
    let byte = Number(rest & 0x7fn);
    rest >>= 7n;
    if (rest > 0n) byte |= 0x80;
    out.push(byte);
  } while (rest > 0n);
  return out;
}

/** The generator's and the tests' encoder for the same fields. */
export function encodeInteractWordV2(message: InteractWordV2): string {
  const bytes: number[] = [];
  const varintField = (field: number, value: bigint) => bytes.push(...varintBytes(BigInt(field << 3)), ...varintBytes(value));
  varintField(1, BigInt(message.uid));
  const name = Buffer.from(message.uname, 'utf8');
  bytes.push(...varintBytes(BigInt((2 << 3) | 2)), ...varintBytes(BigInt(name.length)), ...name);
  varintField(5, BigInt(message.msgType));
  varintField(6, BigInt(message.roomId));
  varintField(7, BigInt(message.timestamp));
  varintField(15, BigInt(message.triggerTime));
  return Buffer.from(bytes).toString('base64');
}
