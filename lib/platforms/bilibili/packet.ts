// Bilibili's live websocket packet codec. Every packet has a 16-byte big-endian header — total length
// (u32), header length (u16, 16), protocol version (u16), operation (u32), sequence (u32) — then a body.
// Operation 2 is the client's heartbeat and 3 the server's reply (a u32 "popularity"), 5 carries
// messages, 7 authenticates and 8 answers it. A message body is JSON (version 0, or 1 for the
// heartbeat reply and auth reply), or a zlib (2) or brotli (3) stream of further packets. One websocket
// frame may hold several packets back to back. Written here rather than taken from an npm client:
// docs/platforms.md compares bilibili-live-ws and blive-message-listener.
import zlib from 'node:zlib';

export const HEADER_LENGTH = 16;

export const OP = { heartbeat: 2, heartbeatReply: 3, message: 5, auth: 7, authReply: 8 } as const;
export const PROTOVER = { json: 0, int32: 1, zlib: 2, brotli: 3 } as const;

/** Largest body we inflate: a batch is a few kB in practice; this only stops a runaway stream. */
const MAX_INFLATED_BYTES = 16 * 1024 * 1024;

export type BilibiliCommand = {
  /** The command as sent, e.g. `DANMU_MSG:4:0:2:2:2:0`. */
  cmd: string;
  /** The command without suffixes, e.g. `DANMU_MSG`. */
  base: string;
  /** The JSON text exactly as received (the dedupe key of commands without an id is built from it). */
  json: string;
  data: Record<string, unknown>;
};

export type DecodedItem =
  | { kind: 'command'; command: BilibiliCommand }
  | { kind: 'popularity'; value: number }
  | { kind: 'auth-reply'; code: number }
  | { kind: 'auth'; body: Record<string, unknown> }
  | { kind: 'heartbeat' }
  | { kind: 'other'; op: number };

export class BilibiliPacketError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BilibiliPacketError';
  }
}

export type PacketHeader = { length: number; headerLength: number; version: number; op: number; sequence: number };

export function readHeader(buffer: Buffer, offset = 0): PacketHeader {
  if (buffer.length - offset < HEADER_LENGTH) throw new BilibiliPacketError(`a packet needs a 16-byte header, ${buffer.length - offset} bytes left`);
  const header = {
    length: buffer.readUInt32BE(offset),
    headerLength: buffer.readUInt16BE(offset + 4),
    version: buffer.readUInt16BE(offset + 6),
    op: buffer.readUInt32BE(offset + 8),
    sequence: buffer.readUInt32BE(offset + 12),
  };
  if (header.headerLength < HEADER_LENGTH || header.length < header.headerLength) {
    throw new BilibiliPacketError(`bad packet header (length ${header.length}, header ${header.headerLength})`);
  }
  if (offset + header.length > buffer.length) throw new BilibiliPacketError(`packet of ${header.length} bytes cut short at ${buffer.length - offset}`);
  return header;
}

/** Splits `cmd` at its first `:` — `DANMU_MSG:4:0:2:2:2:0` is a `DANMU_MSG`. */
export function baseCommand(cmd: string): string {
  const colon = cmd.indexOf(':');
  return colon === -1 ? cmd : cmd.slice(0, colon);
}

function parseJsonObject(text: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BilibiliPacketError(`${what} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BilibiliPacketError(`${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

function toCommand(json: string): BilibiliCommand {
  const data = parseJsonObject(json, 'a message body');
  // Very old servers nested the command as { msg: { cmd } }.
  const nested = typeof data.msg === 'object' && data.msg !== null ? (data.msg as Record<string, unknown>).cmd : undefined;
  const cmd = typeof data.cmd === 'string' ? data.cmd : typeof nested === 'string' ? nested : '';
  if (cmd === '') throw new BilibiliPacketError('a message without a cmd');
  return { cmd, base: baseCommand(cmd), json, data };
}

function inflate(body: Buffer, version: number): Buffer {
  try {
    return version === PROTOVER.zlib ? zlib.inflateSync(body, { maxOutputLength: MAX_INFLATED_BYTES }) : zlib.brotliDecompressSync(body, { maxOutputLength: MAX_INFLATED_BYTES });
  } catch (error) {
    throw new BilibiliPacketError(`${version === PROTOVER.zlib ? 'zlib' : 'brotli'} body does not inflate: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function decodeInto(buffer: Buffer, out: DecodedItem[], nested: boolean): void {
  let offset = 0;
  while (offset < buffer.length) {
    const header = readHeader(buffer, offset);
    const body = buffer.subarray(offset + header.headerLength, offset + header.length);
    offset += header.length;
    if (header.op === OP.message) {
      if (header.version === PROTOVER.zlib || header.version === PROTOVER.brotli) {
        // The server compresses a batch of plain packets; a compressed batch inside one never occurs.
        if (nested) throw new BilibiliPacketError('a compressed packet inside a compressed batch');
        decodeInto(inflate(body, header.version), out, true);
      } else {
        out.push({ kind: 'command', command: toCommand(body.toString('utf8')) });
      }
    } else if (header.op === OP.heartbeatReply) {
      if (body.length < 4) throw new BilibiliPacketError('a heartbeat reply without its 4-byte popularity');
      out.push({ kind: 'popularity', value: body.readUInt32BE(0) });
    } else if (header.op === OP.authReply) {
      const reply = body.length === 0 ? { code: 0 } : parseJsonObject(body.toString('utf8'), 'the auth reply');
      out.push({ kind: 'auth-reply', code: typeof reply.code === 'number' ? reply.code : -1 });
    } else if (header.op === OP.auth) {
      out.push({ kind: 'auth', body: parseJsonObject(body.toString('utf8'), 'the auth packet') });
    } else if (header.op === OP.heartbeat) {
      out.push({ kind: 'heartbeat' });
    } else {
      out.push({ kind: 'other', op: header.op });
    }
  }
}

/** Decodes one websocket frame (one or more packets, compressed or not). Throws BilibiliPacketError. */
export function decodePacket(buffer: Buffer): DecodedItem[] {
  const out: DecodedItem[] = [];
  decodeInto(buffer, out, false);
  return out;
}

/** Builds one packet around `body`. */
export function encodePacket(op: number, body: Buffer | string, version: number = op === OP.message ? PROTOVER.json : PROTOVER.int32, sequence = 1): Buffer {
  const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const header = Buffer.alloc(HEADER_LENGTH);
  header.writeUInt32BE(HEADER_LENGTH + payload.length, 0);
  header.writeUInt16BE(HEADER_LENGTH, 4);
  header.writeUInt16BE(version, 6);
  header.writeUInt32BE(op, 8);
  header.writeUInt32BE(sequence, 12);
  return Buffer.concat([header, payload]);
}

/** One op-5 packet per message, as the server sends them uncompressed. */
export function encodeMessage(message: Record<string, unknown> | string): Buffer {
  return encodePacket(OP.message, typeof message === 'string' ? message : JSON.stringify(message), PROTOVER.json, 0);
}

/** A batch of messages compressed into one op-5 packet (protover 2 = zlib, 3 = brotli). */
export function encodeBatch(messages: (Record<string, unknown> | string)[], compression: 'zlib' | 'brotli'): Buffer {
  const inner = Buffer.concat(messages.map(encodeMessage));
  const body = compression === 'zlib' ? zlib.deflateSync(inner) : zlib.brotliCompressSync(inner);
  return encodePacket(OP.message, body, compression === 'zlib' ? PROTOVER.zlib : PROTOVER.brotli, 0);
}

export function encodeHeartbeatReply(popularity: number): Buffer {
  const body = Buffer.alloc(4);
  body.writeUInt32BE(popularity >>> 0, 0);
  return encodePacket(OP.heartbeatReply, body, PROTOVER.int32);
}

export function encodeAuth(auth: { uid: number; roomid: number; key?: string; buvid?: string; protover?: number }): Buffer {
  return encodePacket(OP.auth, JSON.stringify({ uid: auth.uid, roomid: auth.roomid, protover: auth.protover ?? 3, platform: 'web', type: 2, ...(auth.key ? { key: auth.key } : {}), ...(auth.buvid ? { buvid: auth.buvid } : {}) }));
}

// The web client's heartbeat body, literally: the server ignores it.
export const HEARTBEAT_PACKET = encodePacket(OP.heartbeat, '[object Object]');
