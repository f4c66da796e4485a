// The browser side of the lookup turns the API's answers into what the page shows. An unavailable answer
// must carry only its cause: the API's `reason` holds raw network detail that visitors were shown before
// ("TikTok could not be reached (fetch failed: getaddrinfo ENOTFOUND www.tiktok.com).").
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchAccount } from './account-client';

function answer(status: number, body: unknown): typeof fetch {
  return vi.fn(() => Promise.resolve(Response.json(body, { status })));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchAccount', () => {
  it('keeps the cause of a 503 and drops the raw reason', async () => {
    const reason = 'TikTok could not be reached (fetch failed: getaddrinfo ENOTFOUND www.tiktok.com).';
    vi.stubGlobal('fetch', answer(503, { error: { code: 'UNAVAILABLE', message: `${reason} Try again in a moment.`, details: { cause: 'unreachable', reason } } }));
    const result = await fetchAccount('nobody.here');
    expect(result).toEqual({ kind: 'unavailable', cause: 'unreachable' });
    expect(JSON.stringify(result)).not.toContain('ENOTFOUND');
  });

  it('reads each known cause, and anything else as unknown', async () => {
    for (const cause of ['blocked', 'not_stored'] as const) {
      vi.stubGlobal('fetch', answer(503, { error: { details: { cause } } }));
      expect(await fetchAccount('a.b')).toEqual({ kind: 'unavailable', cause });
    }
    vi.stubGlobal('fetch', answer(503, { error: { details: { cause: 'getaddrinfo ENOTFOUND' } } }));
    expect(await fetchAccount('a.b')).toEqual({ kind: 'unavailable', cause: 'unknown' });
    vi.stubGlobal('fetch', answer(500, null));
    expect(await fetchAccount('a.b')).toEqual({ kind: 'unavailable', cause: 'unknown' });
  });

  it('says offline when LiveLens itself cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    expect(await fetchAccount('a.b')).toEqual({ kind: 'unavailable', cause: 'offline' });
  });

  it('passes the other answers through', async () => {
    vi.stubGlobal('fetch', answer(404, { error: { code: 'NOT_FOUND' } }));
    expect(await fetchAccount('a.b')).toEqual({ kind: 'not_found' });
    vi.stubGlobal('fetch', answer(429, { error: { details: { retryAfterSeconds: 90 } } }));
    expect(await fetchAccount('a.b')).toEqual({ kind: 'rate_limited', retryAfterSeconds: 90 });
  });
});
