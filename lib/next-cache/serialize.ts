// Next's cache entries as bytes for Postgres. An entry holds Buffers (a page's `rscData`, a route's `body`)
// and Maps (a page's `segmentData`) that JSON alone would turn into `{ type: 'Buffer', data: [...] }` and
// `{}`; Next then fails on client navigations (`segmentData.get is not a function`). Both are written as
// tagged objects and restored on the way back, and the JSON is gzipped (a profile page's HTML and RSC
// payload shrink about six times).
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);

const BYTES = '$bytes';
const MAP = '$map';

function encodeValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return { [BYTES]: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (value instanceof Map) return { [MAP]: [...value].map(([k, v]) => [encodeValue(k), encodeValue(v)]) };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encodeValue(v);
    return out;
  }
  return value;
}

function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const bytes = record[BYTES];
    if (typeof bytes === 'string' && Object.keys(record).length === 1) return Buffer.from(bytes, 'base64');
    const pairs = record[MAP];
    if (Array.isArray(pairs) && Object.keys(record).length === 1) {
      return new Map((pairs as [unknown, unknown][]).map(([k, v]) => [decodeValue(k), decodeValue(v)]));
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) out[k] = decodeValue(v);
    return out;
  }
  return value;
}

/** The entry as gzipped JSON, and the length of that JSON (what the entry takes in memory, roughly). */
export async function packEntry(value: unknown): Promise<{ bytes: Buffer; jsonLength: number }> {
  const json = JSON.stringify(encodeValue(value)) ?? 'null';
  return { bytes: await gzip(json), jsonLength: json.length };
}

export async function unpackEntry(bytes: Buffer): Promise<{ value: unknown; jsonLength: number }> {
  const json = (await gunzip(bytes)).toString('utf8');
  return { value: decodeValue(JSON.parse(json)), jsonLength: json.length };
}
