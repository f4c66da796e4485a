import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';

const context = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });

describe('route()', () => {
  const handler = route(
    { access: 'public', params: z.object({ id: z.string().regex(/^\d+$/, 'must be a number') }), query: z.object({ page: z.coerce.number().int().min(1).default(1) }), body: z.object({ name: z.string().min(1) }), maxBodyBytes: 100 },
    ({ params, query, body }) => ({ id: params.id, page: query.page, name: body.name }),
  );
  const post = (body: string, type = 'application/json', url = 'http://x/api/things/7?page=2') =>
    new Request(url, { method: 'POST', headers: { 'content-type': type }, body });

  it('passes validated params, query and body to the handler and returns JSON', async () => {
    const response = await handler(post('{"name":"a"}'), context({ id: '7' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: '7', page: 2, name: 'a' });
  });

  it('accepts form-encoded bodies', async () => {
    const response = await handler(post('name=b', 'application/x-www-form-urlencoded'), context({ id: '7' }));
    expect(await response.json()).toMatchObject({ name: 'b' });
  });

  it('answers 400 naming the bad field', async () => {
    let response = await handler(post('{"name":""}'), context({ id: 'abc' }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'BAD_REQUEST', message: 'id: must be a number' } });
    response = await handler(post('{not json'), context({ id: '7' }));
    expect(await response.json()).toMatchObject({ error: { message: 'The request body is not valid JSON.' } });
    response = await handler(post('{"name":"a"}', 'application/json', 'http://x/?page=0'), context({ id: '7' }));
    expect((await response.json()) as unknown).toMatchObject({ error: { details: { issues: [{ field: 'page' }] } } });
  });

  it('answers 400, not 500, for a body nested deeper than 64 levels (a 60 KB bracket bomb)', async () => {
    const deep = route({ access: 'public', body: z.unknown(), maxBodyBytes: 128 * 1024 }, () => ({ ok: true }));
    const bomb = '['.repeat(30_000) + ']'.repeat(30_000);
    let response = await deep(post(bomb), context());
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'BAD_REQUEST', message: 'The request body is nested too deeply (more than 64 levels).' } });
    // 64 levels is still fine.
    response = await deep(post(JSON.stringify({ a: JSON.parse('['.repeat(63) + ']'.repeat(63)) as unknown })), context());
    expect(response.status).toBe(200);
  });

  it('answers 413 for a body over the limit', async () => {
    const response = await handler(post(JSON.stringify({ name: 'x'.repeat(200) })), context({ id: '7' }));
    expect(response.status).toBe(413);
  });

  it('maps AppError codes to statuses and hides unexpected errors', async () => {
    const notFound = route({ access: 'public' }, () => {
      throw new AppError('NOT_FOUND', 'No such thing.');
    });
    let response = await notFound(new Request('http://x/'), context());
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No such thing.' } });

    const broken = route({ access: 'public' }, () => {
      throw new Error('secret database detail');
    });
    response = await broken(new Request('http://x/'), context());
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain('secret database detail');
  });
});

describe('error messages in the caller’s language', () => {
  it('answers a signed-out call in the page’s language (then the saved one, the browser’s, English); the code stays', async () => {
    const { GET } = await import('@/app/api/orders/[id]/route');
    const call = async (headers: Record<string, string>) => {
      const response = await GET(new Request('http://x/api/orders/1', { headers }), context({ id: '1' }));
      expect(response.status).toBe(401);
      return response.json() as Promise<unknown>;
    };
    expect(await call({ 'x-livelens-locale': 'ru' })).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Войдите, чтобы продолжить.' } });
    expect(await call({ cookie: 'livelens-locale=zh-CN', 'accept-language': 'th' })).toEqual({ error: { code: 'UNAUTHENTICATED', message: '请登录后继续。' } });
    expect(await call({ 'accept-language': 'th-TH,th;q=0.9,en;q=0.8' })).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'กรุณาเข้าสู่ระบบเพื่อดำเนินการต่อ' } });
    // A script that asks for no language gets English.
    expect(await call({})).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Sign in to continue.' } });
  });

  it('translates a validation message but not its details', async () => {
    const handler = route({ access: 'public', query: z.object({ page: z.coerce.number().int().min(1) }) }, () => ({}));
    const response = await handler(new Request('http://x/?page=0', { headers: { 'x-livelens-locale': 'ru' } }), context());
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: 'BAD_REQUEST', message: 'page: Не меньше 1.', details: { issues: [{ field: 'page', message: 'Too small: expected number to be >=1' }] } },
    });
  });
});
