// A huge body is not read past a route's limit: the stream is pulled only up to it, then cancelled.
import { describe, expect, it } from 'vitest';
import { POST as pusherAuth } from '@/app/api/pusher/auth/route';
import { containing } from '@/tools/testing/match';

/** A request whose body is an endless stream of 64 KB chunks (a chunked upload without a length). */
function endless(): { request: Request; pulled: () => number; cancelled: () => boolean } {
  let pulled = 0;
  let cancelled = false;
  const chunk = new Uint8Array(64 * 1024).fill(120);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      cancelled = true;
    },
  });
  const request = new Request('http://localhost/api/pusher/auth', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body, duplex: 'half' } as RequestInit);
  return { request, pulled: () => pulled, cancelled: () => cancelled };
}

describe('request bodies', () => {
  it('answers 413 to a chunked 50 MB-and-more body after reading no more than the limit (4 KB here)', async () => {
    const upload = endless();
    const response = await pusherAuth(upload.request, { params: Promise.resolve({}) });
    expect(response.status).toBe(413);
    // The stream was read by one chunk past the limit at most, and then cancelled.
    expect(upload.pulled()).toBeLessThanOrEqual(3 * 64 * 1024);
    expect(upload.cancelled()).toBe(true);
  });

  it('answers 413 from the declared length without reading anything', async () => {
    const request = new Request('http://localhost/api/pusher/auth', { method: 'POST', headers: { 'content-length': String(50 * 1024 * 1024), 'content-type': 'application/json' }, body: '{}' });
    expect((await pusherAuth(request, { params: Promise.resolve({}) })).status).toBe(413);
  });

  it('answers 400 to a NUL anywhere in the input', async () => {
    const request = new Request('http://localhost/api/pusher/auth', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ socket_id: '1.1', channel_name: 'private-account-a\u0000' }) });
    const response = await pusherAuth(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { message: containing('channel_name: contains a NUL') } });
  });
});
