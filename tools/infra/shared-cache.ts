// A small shared HTTP cache in front of the production Next.js server (scripts/web-server.ts), doing what a
// CDN or an nginx "micro-cache" does in front of a self-hosted Next app: a response that Next marks as
// shareable is kept for a short time (1 s by default, `WEB_SHARED_CACHE_MS`) and the identical bytes are
// sent again without running Next's request pipeline for each visitor.
//
// Only what a shared cache may store under RFC 9111 is kept:
//   - GET requests without `Authorization`, `Range` or `Cache-Control: no-cache/no-store` (and
//     `Pragma: no-cache`); those always go to Next;
//   - status 200 responses whose `Cache-Control` has `s-maxage` or `public` and none of `private`,
//     `no-store`, `no-cache`; no `Set-Cookie`; no `Vary: *`;
//   - for at most the smaller of `s-maxage` (or `max-age`) and the configured time;
//   - keyed on the host, the full URL and the request headers the response names in `Vary` (Next varies
//     its pages on `RSC`, `Next-Router-State-Tree`, … and `Accept-Encoding`).
// Pages that read cookies or headers are dynamic in Next and carry `private, no-store`, so nothing that
// depends on who is asking is stored. Within the cache time, Next still sees one request per URL per
// period, so its own revalidation (ISR) keeps running.
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

export type SharedCacheOptions = {
  /** Longest time a response is served from the cache, in ms; 0 turns the cache off. */
  ttlMs: number;
  /** Largest response body kept, in bytes. */
  maxEntryBytes?: number;
  /** Memory the entries may take (bodies, keys, the request headers they vary on); the oldest go first. */
  maxTotalBytes?: number;
  now?: () => number;
};

type Entry = {
  key: string;
  vary: string[];
  varyValues: string[];
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  /** What the entry holds in memory, roughly: the body, the key and the request headers it varies on. */
  bytes: number;
  storedAt: number;
  expiresAt: number;
};

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

/** Says where a response came from: HIT (this cache), MISS (Next, and stored), BYPASS (Next; the request or the response may not be shared). */
export const CACHE_STATUS_HEADER = 'x-livelens-cache';

const MAX_VARIANTS = 8;
/** Stored headers and bookkeeping per entry, roughly. */
const ENTRY_OVERHEAD_BYTES = 1024;
const UNCACHEABLE_REQUEST = /(?:^|,)\s*(?:no-cache|no-store)\b/i;

function directives(cacheControl: string): Map<string, string | true> {
  const result = new Map<string, string | true>();
  for (const part of cacheControl.split(',')) {
    const [name, value] = part.trim().split('=', 2) as [string, string | undefined];
    if (name) result.set(name.toLowerCase(), value === undefined ? true : value.replace(/^"|"$/g, ''));
  }
  return result;
}

/** How long a response may be shared, in ms (0: not at all), from its headers. */
export function sharedLifetimeMs(status: number, headers: OutgoingHttpHeaders): number {
  if (status !== 200 || headers['set-cookie'] !== undefined) return 0;
  const vary = headerText(headers.vary);
  if (vary.split(',').some((name) => name.trim() === '*')) return 0;
  const cc = directives(headerText(headers['cache-control']));
  if (cc.has('private') || cc.has('no-store') || cc.has('no-cache')) return 0;
  const seconds = Number(cc.get('s-maxage') ?? (cc.has('public') ? (cc.get('max-age') ?? NaN) : NaN));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}

function headerText(value: OutgoingHttpHeaders[string] | IncomingHttpHeaders[string]): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function requestMayUseCache(req: IncomingMessage): boolean {
  if (req.method !== 'GET') return false;
  const h = req.headers;
  if (h.authorization !== undefined || h.range !== undefined) return false;
  if (UNCACHEABLE_REQUEST.test(headerText(h['cache-control'])) || /no-cache/i.test(headerText(h.pragma))) return false;
  return true;
}

function toBuffer(chunk: unknown, encoding?: unknown): Buffer | undefined {
  if (chunk === undefined || chunk === null || typeof chunk === 'function') return undefined;
  if (typeof chunk === 'string') return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  // A copy: the caller may reuse its buffer once the write is done.
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  return undefined;
}

export class SharedCache {
  private readonly entries = new Map<string, Entry[]>();
  private totalBytes = 0;
  private readonly maxEntryBytes: number;
  private readonly maxTotalBytes: number;
  private readonly now: () => number;
  private stores = 0;

  constructor(private readonly options: SharedCacheOptions) {
    this.maxEntryBytes = options.maxEntryBytes ?? 1024 * 1024;
    this.maxTotalBytes = options.maxTotalBytes ?? 64 * 1024 * 1024;
    this.now = options.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.options.ttlMs > 0;
  }

  get size(): number {
    let n = 0;
    for (const variants of this.entries.values()) n += variants.length;
    return n;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  /** Wraps a request handler (Next's) so that shareable responses are served from this cache. */
  wrap(handler: Handler): Handler {
    if (!this.enabled) return handler;
    return (req, res) => {
      if (!requestMayUseCache(req)) {
        res.setHeader(CACHE_STATUS_HEADER, 'BYPASS');
        return handler(req, res);
      }
      const key = `${req.headers.host ?? ''} ${req.url ?? '/'}`;
      const hit = this.lookup(key, req.headers);
      if (hit) {
        res.writeHead(hit.status, { ...hit.headers, age: String(Math.floor((this.now() - hit.storedAt) / 1000)), [CACHE_STATUS_HEADER]: 'HIT' });
        res.end(hit.body);
        return;
      }
      this.record(key, req, res);
      return handler(req, res);
    };
  }

  private lookup(key: string, headers: IncomingHttpHeaders): Entry | undefined {
    const variants = this.entries.get(key);
    if (!variants) return undefined;
    const now = this.now();
    for (const entry of variants) {
      if (entry.expiresAt <= now) continue;
      if (entry.vary.every((name, i) => headerText(headers[name]) === entry.varyValues[i])) return entry;
    }
    return undefined;
  }

  /** Tees what the handler sends into a buffer and stores it once the response has finished, if it may be shared. */
  private record(key: string, req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let keep = true;
    let decided = false;
    // The status and headers are known when they are sent, before the body: a response that may not be
    // shared is then passed through without being buffered.
    const decide = () => {
      if (decided) return;
      decided = true;
      if (keep && sharedLifetimeMs(res.statusCode, res.getHeaders()) === 0) keep = false;
      if (!keep) chunks.length = 0;
      if (!res.headersSent) res.setHeader(CACHE_STATUS_HEADER, keep ? 'MISS' : 'BYPASS');
    };
    let ended = false;
    const collect = (chunk: unknown, encoding?: unknown) => {
      decide();
      if (!keep || ended) return;
      const buffer = toBuffer(chunk, encoding);
      if (!buffer) return;
      bytes += buffer.length;
      if (bytes > this.maxEntryBytes) {
        keep = false;
        chunks.length = 0;
      } else chunks.push(buffer);
    };
    res.setHeader(CACHE_STATUS_HEADER, 'MISS');

    // The originals, bound to this response, called from the replacements below.
    const writeHead = res.writeHead.bind(res) as (...a: unknown[]) => ServerResponse;
    const write = res.write.bind(res) as (...a: unknown[]) => boolean;
    const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
    res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      // writeHead(status, [message], [headers]): headers given here do not all show in getHeaders(), so
      // an object of headers is set first; raw header arrays are passed on and the response not stored.
      const at = args.findIndex((a, i) => i > 0 && typeof a === 'object' && a !== null);
      const given = at > 0 ? args[at] : undefined;
      if (Array.isArray(given)) keep = false;
      else if (given) {
        for (const [name, value] of Object.entries(given as OutgoingHttpHeaders)) if (value !== undefined) this.setHeader(name, value);
        args.splice(at, 1);
      }
      this.statusCode = args[0] as number;
      decide();
      return writeHead(...args);
    };
    res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      collect(chunk, rest[0]);
      return write(chunk, ...rest);
    } as ServerResponse['write'];
    res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      collect(chunk, rest[0]);
      ended = true;
      return end(chunk, ...rest);
    } as ServerResponse['end'];

    res.once('finish', () => {
      decide();
      if (!keep) return;
      const headers = res.getHeaders();
      const lifetime = Math.min(this.options.ttlMs, sharedLifetimeMs(res.statusCode, headers));
      if (lifetime <= 0) return;
      delete headers[CACHE_STATUS_HEADER];
      delete headers.date;
      delete headers.connection;
      delete headers['keep-alive'];
      delete headers['transfer-encoding'];
      const body = Buffer.concat(chunks, bytes);
      headers['content-length'] = String(body.length);
      const vary = headerText(headers.vary)
        .split(',')
        .map((name) => name.trim().toLowerCase())
        .filter(Boolean);
      const now = this.now();
      const varyValues = vary.map((name) => headerText(req.headers[name]));
      // Vary values come from the request (Next-Router-State-Tree can be long), so they count too.
      const size = body.length + key.length + varyValues.reduce((sum, v) => sum + v.length, 0) + ENTRY_OVERHEAD_BYTES;
      this.store({ key, vary, varyValues, status: res.statusCode, headers, body, bytes: size, storedAt: now, expiresAt: now + lifetime });
    });
  }

  private store(entry: Entry): void {
    const variants = (this.entries.get(entry.key) ?? []).filter((e) => {
      const replaced = e.expiresAt <= entry.storedAt || (e.vary.join() === entry.vary.join() && e.varyValues.join('\0') === entry.varyValues.join('\0'));
      if (replaced) this.totalBytes -= e.bytes;
      return !replaced;
    });
    variants.push(entry);
    // Variants differ by request headers anyone can set: a few per URL, the newest kept.
    while (variants.length > MAX_VARIANTS) this.totalBytes -= variants.shift()!.bytes;
    // Re-inserted, so the map's order is the order of the newest store per URL.
    this.entries.delete(entry.key);
    this.entries.set(entry.key, variants);
    this.totalBytes += entry.bytes;
    this.stores++;
    // Expired entries of pages nobody asks for again would otherwise stay until the budget is reached.
    if (this.stores % 1000 === 0) this.dropExpired();
    if (this.totalBytes > this.maxTotalBytes) this.evict();
  }

  /** Drops expired entries, then the URLs stored longest ago, until the entries fit in three quarters of the budget. */
  private evict(): void {
    this.dropExpired();
    for (const [key, variants] of this.entries) {
      if (this.totalBytes <= (this.maxTotalBytes * 3) / 4) break;
      this.totalBytes -= entryBytes(variants);
      this.entries.delete(key);
    }
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [key, variants] of this.entries) {
      const live = variants.filter((e) => e.expiresAt > now);
      if (live.length === variants.length) continue;
      this.totalBytes -= entryBytes(variants) - entryBytes(live);
      if (live.length === 0) this.entries.delete(key);
      else this.entries.set(key, live);
    }
  }
}

const entryBytes = (entries: Entry[]) => entries.reduce((sum, e) => sum + e.bytes, 0);
