// fetchJson's errors: the API's own message when it sent one, else a message of ours in the page's
// language, never "Unexpected token '<'" from parsing a proxy's HTML error page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchJson } from '@/lib/query-client';

function onPage(lang: string) {
  vi.stubGlobal('document', { documentElement: { lang } });
}

async function failure(promise: Promise<unknown>): Promise<Error & { status?: number }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { status?: number };
  }
  throw new Error('expected the request to fail');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchJson', () => {
  it('returns the JSON body and sends the page language', async () => {
    onPage('th');
    const fetchMock = vi.fn((_input: string, _init?: RequestInit) => Promise.resolve(Response.json({ ok: true })));
    vi.stubGlobal('fetch', fetchMock);
    expect(await fetchJson('/api/x')).toEqual({ ok: true });
    expect(fetchMock.mock.calls[0]).toMatchObject(['/api/x', { headers: { 'x-livelens-locale': 'th' } }]);
  });

  it("passes on the API's own message and status", async () => {
    onPage('ru');
    vi.stubGlobal('fetch', () => Promise.resolve(Response.json({ error: { code: 'NOT_FOUND', message: 'Нет такого аккаунта.' } }, { status: 404 })));
    const error = await failure(fetchJson('/api/x'));
    expect(error).toMatchObject({ message: 'Нет такого аккаунта.', status: 404 });
  });

  it('says what happened when a proxy answers with an HTML page', async () => {
    onPage('ru');
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('<html><body>502 Bad Gateway</body></html>', { status: 502, headers: { 'content-type': 'text/html' } })));
    const error = await failure(fetchJson('/api/x'));
    expect(error.message).toBe('Сервер не смог выполнить запрос (ошибка 502). Попробуйте ещё раз чуть позже.');
    expect(error.status).toBe(502);
  });

  it('says the site could not be reached when the network fails', async () => {
    onPage('zh-CN');
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const error = await failure(fetchJson('/api/x'));
    expect(error).toMatchObject({ message: '无法连接到 LiveLens。请检查网络连接后重试。', status: 0 });
  });

  it('lets a cancelled request stay a cancellation', async () => {
    onPage('en');
    vi.stubGlobal('fetch', () => Promise.reject(new DOMException('The operation was aborted.', 'AbortError')));
    expect((await failure(fetchJson('/api/x'))).name).toBe('AbortError');
  });

  it('writes English for an English page, or a page of no known language', async () => {
    onPage('xx');
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('', { status: 500 })));
    expect((await failure(fetchJson('/api/x'))).message).toBe('The server could not complete this request (error 500). Try again in a moment.');
  });
});
