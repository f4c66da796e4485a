// The overlay export, import and theme routes end to end (route handlers, session cookies, Postgres):
// a download a second workspace imports, validation answers in the caller's language, and hostile input:
// a huge body, prototype keys, markup in names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteHandler } from '@/lib/api/route';
import { db } from '@/lib/db';
import { LOCALE_HEADER } from '@/lib/i18n/errors';
import { createOverlay, type OverlaySummary } from '@/lib/overlays/manage';
import { PALETTES } from '@/lib/overlays/themes';
import { MAX_IMPORT_BYTES, type OverlayFile } from '@/lib/overlays/transfer';
import { actorOf, createTestAccount, createTestUser, watchTestAccount } from '@/tools/testing/factories';
import { sessionCookie } from '@/tools/testing/realtime-client';
import * as create from '@/app/api/overlays/route';
import * as importRoute from '@/app/api/overlays/import/route';
import * as exportRoute from '@/app/api/overlays/[overlayId]/export/route';
import * as themeRoute from '@/app/api/overlays/[overlayId]/theme/route';
import * as links from '@/app/api/overlays/[overlayId]/media-links/route';

type World = Awaited<ReturnType<typeof buildWorld>>;
let w: World;

async function buildWorld() {
  const [a, b] = await Promise.all([createTestUser(db), createTestUser(db)]);
  const account = await createTestAccount(db);
  await Promise.all([watchTestAccount(db, a.workspaceId, account.id), watchTestAccount(db, b.workspaceId, account.id)]);
  const chat = await createOverlay(db, actorOf(a), { accountId: account.id, kind: 'CHAT', name: 'Chat <script>alert(1)</script>' });
  return { a, b, account, chat, cookies: { a: await sessionCookie(a.id), b: await sessionCookie(b.id) } };
}

beforeAll(async () => {
  w = await buildWorld();
});

afterAll(() => {
  // Nothing above may have reached Object.prototype.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

async function call(handler: RouteHandler, options: { method?: string; cookie?: string; params?: Record<string, string>; body?: BodyInit; headers?: Record<string, string> }) {
  const request = new Request('http://localhost/api/overlays/test', {
    method: options.method ?? 'POST',
    headers: { 'content-type': 'application/json', ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers },
    body: options.body,
    ...(options.body instanceof ReadableStream ? { duplex: 'half' } : {}),
  });
  return handler(request, { params: Promise.resolve(options.params ?? {}) });
}

const importAs = (cookie: string, body: unknown, headers: Record<string, string> = {}) => call(importRoute.POST, { cookie, body: typeof body === 'string' ? body : JSON.stringify(body), headers });
const exportAs = (cookie: string, overlayId: string) => call(exportRoute.GET, { method: 'GET', cookie, params: { overlayId } });

describe('export and import over HTTP', () => {
  it('downloads a file another workspace imports as a new overlay with a new token', async () => {
    const response = await exportAs(w.cookies.a, w.chat.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="overlay\.livelens-overlay\.json"; filename\*=UTF-8''Chat-script-alert-1-script\.livelens-overlay\.json$/);
    const file = (await response.json()) as OverlayFile;
    expect(file).toMatchObject({ format: 'livelens-overlay/1', kind: 'CHAT', name: 'Chat <script>alert(1)</script>', media: [] });
    expect(JSON.stringify(file)).not.toContain(w.chat.token ?? 'no-token');

    const imported = await importAs(w.cookies.b, { accountId: w.account.id, file });
    expect(imported.status).toBe(201);
    const { overlay, missing } = (await imported.json()) as { overlay: OverlaySummary; missing: unknown[] };
    expect(missing).toEqual([]);
    expect(overlay.token).not.toBe(w.chat.token);
    // Markup in a name is kept as the text it is (React prints it escaped), never interpreted here.
    expect(overlay.name).toBe('Chat <script>alert(1)</script>');
    expect(await db.overlay.count({ where: { id: overlay.id, workspaceId: w.b.workspaceId } })).toBe(1);
  });

  it('answers a wrong format, another kind and bad settings with their own message, in the caller’s language', async () => {
    const bad = async (file: unknown, locale = 'en') => {
      const response = await importAs(w.cookies.b, { accountId: w.account.id, file }, { [LOCALE_HEADER]: locale });
      expect(response.status).toBe(400);
      return ((await response.json()) as { error: { message: string } }).error.message;
    };
    expect(await bad({ hello: 'world' })).toBe('This is not a LiveLens overlay settings file.');
    expect(await bad('just text')).toBe('This is not a LiveLens overlay settings file.');
    expect(await bad({ format: 'livelens-overlay/1', kind: 'WHEEL_OF_DOOM', settings: {} })).toBe('This file holds another kind of overlay, one this LiveLens does not have.');
    expect(await bad({ format: 'livelens-overlay/1', kind: 'WHEEL_OF_DOOM', settings: {} }, 'ru')).toBe('В этом файле оверлей другого типа, которого в этой версии LiveLens нет.');
    expect(await bad({ format: 'livelens-overlay/1', kind: 'CHAT', settings: 'none' }, 'zh-CN')).toBe('这不是 LiveLens 的直播插件设置文件。');
    expect(await bad({ format: 'nope' }, 'th')).toBe('ไฟล์นี้ไม่ใช่ไฟล์การตั้งค่าโอเวอร์เลย์ของ LiveLens');
    expect(await bad({ format: 'livelens-overlay/1', kind: 'CHAT', settings: { maxMessages: 500 } })).toMatch(/^maxMessages: /);
  });

  it('refuses a body over the limit with 413, declared or streamed, reading no more than the limit', async () => {
    const huge = JSON.stringify({ accountId: w.account.id, file: { format: 'livelens-overlay/1', kind: 'CHAT', settings: { blockedWords: ['x'.repeat(2 * MAX_IMPORT_BYTES)] } } });
    expect((await importAs(w.cookies.b, huge)).status).toBe(413);
    let pulled = 0;
    const chunk = new TextEncoder().encode(' '.repeat(16 * 1024));
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const response = await call(importRoute.POST, { cookie: w.cookies.b, body: endless });
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(MAX_IMPORT_BYTES + 4 * chunk.byteLength);
  });

  it('ignores prototype keys: nothing polluted, nothing stored', async () => {
    const text = `{"accountId":"${w.account.id}","__proto__":{"polluted":true},"file":{"format":"livelens-overlay/1","kind":"VIEWER_COUNT","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"settings":{"label":"live","__proto__":{"polluted":true},"accent":"#00ff88"},"media":[]}}`;
    const response = await importAs(w.cookies.b, text);
    expect(response.status).toBe(201);
    const { overlay } = (await response.json()) as { overlay: OverlaySummary };
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const stored = await db.overlay.findUniqueOrThrow({ where: { id: overlay.id } });
    expect(stored.settings).toMatchObject({ label: 'live', accent: '#00ff88' });
    expect(JSON.stringify(stored.settings)).not.toMatch(/polluted|__proto__|constructor/);
  });

  it('lists a missing file’s name as plain text, whatever it contains', async () => {
    const sha = 'b'.repeat(64);
    const file = {
      format: 'livelens-overlay/1',
      kind: 'GIFT_ALERTS',
      settings: { variations: [{ id: 'v1', event: 'follow', sound: 'media', soundId: sha }] },
      media: [{ sha256: sha, name: '<img src=x onerror=alert(1)>\u202Egnp.wav', kind: 'SOUND' }],
    };
    const response = await importAs(w.cookies.b, { accountId: w.account.id, file });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const { overlay, missing } = (await response.json()) as { overlay: OverlaySummary; missing: { name: string }[] };
    // The bidi override that would disguise the name is gone; the rest is text for React to escape.
    expect(missing).toEqual([{ sha256: sha, name: '<img src=x onerror=alert(1)>gnp.wav', kind: 'SOUND' }]);
    const relinked = await call(links.POST, { cookie: w.cookies.b, params: { overlayId: overlay.id } });
    expect(await relinked.json()).toMatchObject({ missing: [sha] });
  });

  it('is for members only, and for their own workspace’s accounts and overlays', async () => {
    const file = { format: 'livelens-overlay/1', kind: 'GOAL', settings: {} };
    expect((await call(importRoute.POST, { body: JSON.stringify({ accountId: w.account.id, file }) })).status).toBe(401);
    const other = await createTestAccount(db);
    expect((await importAs(w.cookies.b, { accountId: other.id, file })).status).toBe(404);
    expect((await exportAs(w.cookies.b, w.chat.id)).status).toBe(404);
  });
});

describe('themes over HTTP', () => {
  it('creates an overlay from a theme, and refuses a theme of another kind', async () => {
    const made = await call(create.POST, { cookie: w.cookies.a, body: JSON.stringify({ accountId: w.account.id, kind: 'GIFT_ALERTS', language: 'zh-CN', themeId: 'neon' }) });
    expect(made.status).toBe(201);
    const { overlay } = (await made.json()) as { overlay: OverlaySummary & { settings: { variations: { template: string }[] } } };
    expect(overlay.settings).toMatchObject({ ...PALETTES.neon, language: 'zh-CN' });
    expect(overlay.settings.variations.length).toBeGreaterThan(0);
    expect(overlay.settings.variations.map((v) => v.template).join(' ')).toMatch(/关注/);
    const wrong = await call(create.POST, { cookie: w.cookies.a, body: JSON.stringify({ accountId: w.account.id, kind: 'VIEWER_COUNT', themeId: 'gold' }) });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: { message: 'No such theme for this kind of overlay.' } });
  });

  it('applies a theme to an overlay, keeping its token', async () => {
    const response = await call(themeRoute.POST, { cookie: w.cookies.a, params: { overlayId: w.chat.id }, body: JSON.stringify({ themeId: 'light' }) });
    expect(response.status).toBe(200);
    const { overlay } = (await response.json()) as { overlay: OverlaySummary };
    expect(overlay.token).toBe(w.chat.token);
    expect(overlay.settings).toMatchObject({ ...PALETTES.light, hideAfterSeconds: 60 });
    expect((await call(themeRoute.POST, { cookie: w.cookies.b, params: { overlayId: w.chat.id }, body: JSON.stringify({ themeId: 'light' }) })).status).toBe(404);
  });
});
