// The lookup as the cached /@handle page uses it: the page reads only what is stored (readProfilePage),
// the API fetches from TikTok under the per-IP limit and marks the cached page for re-rendering, and the
// view beacon counts visits. Against the test Postgres and a local stand-in for tiktok.com.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { tiktokHandle } from '@/lib/platforms/channel';
import { uniqueSuffix, withinOneWindow } from '@/tools/testing/factories';
import { RATE_LIMITS } from '@/lib/rate-limit';
import { profileServerForThisFile } from '@/tools/testing/profile-server-hooks';
import { LOCALES } from '@/lib/i18n/locales';
import { readProfilePage } from '@/lib/stats/lookup';
import { flushLookups } from '@/lib/tiktok/lookup-counter';
import { lookupProfile, PROFILE_FRESH_MS } from '@/lib/tiktok/profile-store';
import { containing } from '@/tools/testing/match';

const requestIp = vi.hoisted(() => ({ value: '203.0.113.1' }));
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock('next/cache', () => ({ revalidatePath }));

const { GET } = await import('./route');
const { POST: countView } = await import('./view/route');

const server = profileServerForThisFile();
const fresh = (fixture: string) => server.fresh(fixture);
const get = (handle: string) => GET(new Request(`http://x/api/accounts/${handle}`, { headers: { 'x-forwarded-for': requestIp.value } }), { params: Promise.resolve({ handle }) });

beforeEach(() => {
  revalidatePath.mockClear();
  requestIp.value = `203.0.113.${Math.floor(Math.random() * 250) + 1}-${uniqueSuffix()}`;
});

describe('the cached profile page and GET /api/accounts/{handle}', () => {
  it('the page shows nothing for an unseen handle; the API fetches it and marks the page for re-rendering, once', async () => {
    const handle = fresh('luna.bakes');
    expect(await readProfilePage(handle)).toEqual({ kind: 'missing', handle });
    expect(server.hits.get(handle)).toBeUndefined();

    const response = await get(handle);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ account: { handle, nickname: containing('Luna Bakes') }, stale: false });
    expect(revalidatePath.mock.calls).toEqual(LOCALES.map((locale) => [`/${locale}/profile/${handle}`]));

    const page = await readProfilePage(handle);
    expect(page).toMatchObject({ kind: 'ok', view: { handle, stats: { followers: 184_203 } } });
    const due = page.kind === 'ok' && page.refreshDueAt ? new Date(page.refreshDueAt).getTime() : 0;
    expect(Math.abs(due - (Date.now() + PROFILE_FRESH_MS))).toBeLessThan(60_000);

    // Served from the database now: no fetch, nothing to re-render.
    revalidatePath.mockClear();
    expect((await get(handle)).status).toBe(200);
    expect(revalidatePath).not.toHaveBeenCalled();
    expect(server.hits.get(handle)).toBe(1);
  });

  it('a missing user: the page stays "missing" (HTTP 404) and the API answers 404, asking TikTok once', async () => {
    const handle = `nobody.${uniqueSuffix()}`;
    const first = await get(handle);
    expect(first.status).toBe(404);
    expect(revalidatePath.mock.calls).toEqual(LOCALES.map((locale) => [`/${locale}/profile/${handle}`]));
    expect(await readProfilePage(handle)).toEqual({ kind: 'missing', handle });
    revalidatePath.mockClear();
    expect((await get(handle)).status).toBe(404);
    expect(revalidatePath).not.toHaveBeenCalled();
    expect(server.hits.get(handle)).toBe(1);
  });

  it('tells the page when stored data is older than 24 hours; the API fetches it again', async () => {
    const handle = fresh('retro.reels');
    await lookupProfile(db, handle, { baseUrl: server.url, timeoutMs: 3000, now: new Date(Date.now() - 2 * PROFILE_FRESH_MS) });
    const page = await readProfilePage(handle);
    expect(page.kind).toBe('ok');
    expect(page.kind === 'ok' && page.refreshDueAt !== null && new Date(page.refreshDueAt).getTime() < Date.now()).toBe(true);
    expect((await get(handle)).status).toBe(200);
    expect(server.hits.get(handle)).toBe(2);
    expect(revalidatePath.mock.calls).toEqual(LOCALES.map((locale) => [`/${locale}/profile/${handle}`]));
  });

  it('serves stored numbers with a notice when TikTok fails, and 503 with the reason when nothing is stored', async () => {
    const handle = fresh('retro.reels');
    await lookupProfile(db, handle, { baseUrl: server.url, timeoutMs: 3000, now: new Date(Date.now() - 2 * PROFILE_FRESH_MS) });
    server.failing.add(handle);
    const stale = await get(handle);
    expect(stale.status).toBe(200);
    expect(await stale.json()).toMatchObject({ stale: true, notice: containing('could not be reached') });
    expect(revalidatePath).not.toHaveBeenCalled();

    const nothing = fresh('pixelpip_');
    server.failing.add(nothing);
    const failed = await get(nothing);
    expect(failed.status).toBe(503);
    expect(await failed.json()).toMatchObject({ error: { code: 'UNAVAILABLE', details: { cause: 'unreachable', reason: containing('TikTok could not be reached') } } });
  });

  it('limits fetches per address with 429 and the wait, while stored accounts still open', async () => {
    await withinOneWindow(RATE_LIMITS.profileFetch.windowSeconds);
    for (let i = 0; i < 20; i++) await get(`absent${i}.${uniqueSuffix()}`);
    const refused = await get(`absent.${uniqueSuffix()}`);
    expect(refused.status).toBe(429);
    const body = (await refused.json()) as { error: { details: { retryAfterSeconds: number } } };
    expect(body.error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.headers.get('retry-after')).toBe(String(body.error.details.retryAfterSeconds));
  });

  it('redirects other spellings of a handle to its one address, and explains an invalid one', async () => {
    expect(await readProfilePage('@Luna.Bakes')).toEqual({ kind: 'redirect', handle: 'luna.bakes' });
    expect(await readProfilePage('bad!!handle')).toMatchObject({ kind: 'invalid', error: containing('letters, numbers') });
    expect((await get('x')).status).toBe(400);
  });
});

describe('POST /api/accounts/{handle}/view', () => {
  it('counts views of stored accounts for the home page lists', async () => {
    const handle = fresh('nova.quinn');
    expect((await get(handle)).status).toBe(200);
    const view = () => countView(new Request(`http://x/api/accounts/${handle}/view`, { method: 'POST' }), { params: Promise.resolve({ handle }) });
    expect((await view()).status).toBe(204);
    expect((await view()).status).toBe(204);
    await flushLookups(db);
    const account = await db.channel.findUniqueOrThrow({ where: tiktokHandle(handle) });
    expect(account.lookups).toBe(2);
    expect(account.lastLookedUpAt).not.toBeNull();
    const bad = await countView(new Request('http://x/api/accounts/x/view', { method: 'POST' }), { params: Promise.resolve({ handle: 'bad!!' }) });
    expect(bad.status).toBe(400);
  });
});
