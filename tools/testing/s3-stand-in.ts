// A local stand-in for an S3-compatible server, for the media library's S3 storage tests: path-style
// PUT, GET (with a single Range), HEAD and DELETE of objects in one bucket, kept in memory. Every request
// must carry a valid AWS Signature Version 4 (Authorization header) for the one key pair it knows, and a
// signed payload hash must match the body, as AWS checks; anything else gets S3's XML error. Not an
// S3 emulator: no listing, multipart uploads, versions or presigned URLs.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';

export type S3StandInOptions = { bucket: string; accessKeyId: string; secretAccessKey: string; region: string };

type Stored = { body: Buffer; contentType: string };

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding, as SigV4's canonical query string wants it. */
const encode = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export class S3StandIn {
  private server: http.Server | undefined;
  readonly objects = new Map<string, Stored>();
  /** Every request: method, path and the status answered. */
  readonly requests: { method: string; path: string; status: number }[] = [];

  constructor(readonly options: S3StandInOptions) {}

  get endpoint(): string {
    const address = this.server?.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => this.handle(request, Buffer.concat(chunks), response));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Why the request's signature is not valid, or null when it is. */
  private signatureProblem(request: http.IncomingMessage, rawPath: string, rawQuery: string, body: Buffer): string | null {
    const authorization = request.headers.authorization ?? '';
    const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(authorization);
    if (!match) return 'AccessDenied';
    const [, keyId, day, region, signedHeaders, signature] = match as unknown as [string, string, string, string, string, string];
    if (keyId !== this.options.accessKeyId) return 'InvalidAccessKeyId';
    if (region !== this.options.region) return 'AuthorizationHeaderMalformed';
    const amzDate = String(request.headers['x-amz-date'] ?? '');
    if (!amzDate.startsWith(day)) return 'AccessDenied';
    const payloadHash = String(request.headers['x-amz-content-sha256'] ?? '');
    if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== sha256Hex(body)) return 'XAmzContentSHA256Mismatch';
    const signed = signedHeaders.split(';');
    if (!signed.includes('host') || !signed.includes('x-amz-date')) return 'AccessDenied';
    const canonicalHeaders = signed
      .map((name) => {
        const value = request.headers[name];
        return `${name}:${(Array.isArray(value) ? value.join(',') : (value ?? '')).trim().replace(/\s+/g, ' ')}\n`;
      })
      .join('');
    const canonicalQuery = rawQuery
      .split('&')
      .filter(Boolean)
      .map((pair) => {
        const [k = '', v = ''] = pair.split('=');
        return [encode(decodeURIComponent(k)), encode(decodeURIComponent(v))] as const;
      })
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
    const canonical = [request.method, rawPath, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].join('\n');
    const scope = `${day}/${region}/s3/aws4_request`;
    const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical)].join('\n');
    const key = hmac(hmac(hmac(hmac(`AWS4${this.options.secretAccessKey}`, day), region), 's3'), 'aws4_request');
    const expected = createHmac('sha256', key).update(toSign).digest();
    return timingSafeEqual(expected, Buffer.from(signature, 'hex')) ? null : 'SignatureDoesNotMatch';
  }

  private handle(request: http.IncomingMessage, body: Buffer, response: http.ServerResponse): void {
    const [rawPath = '/', rawQuery = ''] = (request.url ?? '/').split('?');
    const method = request.method ?? 'GET';
    const answer = (status: number, headers: Record<string, string | number> = {}, payload: Buffer | string = '') => {
      this.requests.push({ method, path: rawPath, status });
      response.writeHead(status, headers);
      response.end(method === 'HEAD' ? undefined : payload);
    };
    const error = (status: number, code: string) =>
      answer(status, { 'content-type': 'application/xml' }, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`);

    const problem = this.signatureProblem(request, rawPath, rawQuery, body);
    if (problem) return error(403, problem);
    const [, bucket = '', ...rest] = rawPath.split('/');
    if (bucket !== this.options.bucket) return error(404, 'NoSuchBucket');
    const key = rest.map((part) => decodeURIComponent(part)).join('/');
    if (!key) return error(400, 'InvalidRequest');

    if (method === 'PUT') {
      this.objects.set(key, { body, contentType: String(request.headers['content-type'] ?? 'binary/octet-stream') });
      return answer(200, { etag: `"${createHash('md5').update(body).digest('hex')}"` });
    }
    if (method === 'DELETE') {
      this.objects.delete(key);
      return answer(204);
    }
    if (method === 'GET' || method === 'HEAD') {
      const object = this.objects.get(key);
      if (!object) return error(404, 'NoSuchKey');
      const range = /^bytes=(\d+)-(\d*)$/.exec(String(request.headers.range ?? ''));
      if (range) {
        const start = Number(range[1]);
        const end = Math.min(range[2] ? Number(range[2]) : object.body.length - 1, object.body.length - 1);
        if (start > end) return error(416, 'InvalidRange');
        const part = object.body.subarray(start, end + 1);
        return answer(206, { 'content-type': object.contentType, 'content-length': part.length, 'content-range': `bytes ${start}-${end}/${object.body.length}` }, part);
      }
      return answer(200, { 'content-type': object.contentType, 'content-length': object.body.length }, object.body);
    }
    return error(405, 'MethodNotAllowed');
  }
}
