// The 24-hour read-through cache against the real test Postgres and a local server serving saved
// TikTok pages (a stand-in for tiktok.com).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { tiktokHandle } from '@/lib/platforms/channel';
import { ProfileServer } from '@/tools/testing/profile-server';
import { uniqueSuffix } from '@/tools/testing/factories';
import { lookupProfile, PROFILE_FRESH_MS } from '@/lib/tiktok/profile-store';
import { containing, anyOf } from '@/tools/testing/match';

const server = new ProfileServer();
const options = () => ({ baseUrl: server.url, timeoutMs: 3000 });

beforeAll(async () => {
  await server.start();
});
afterAll(async () => {
  await server.stop();
});
beforeEach(() => {
  server.failing.clear();
  server.delayMs = 0;
});

const fresh = (fixture: string) => server.fresh(fixture);

describe('lookupProfile', () => {
  it('fetches a profile it has never seen, stores a snapshot, and serves it from the database for 24 hours', async () => {
    const handle = fresh('luna.bakes');
    const now = new Date('2026-11-22T12:00:00Z');
    const first = await lookupProfile(db, handle, { ...options(), now });
    expect(first).toMatchObject({ kind: 'ok', fetched: true, stale: false });
    expect(server.hits.get(handle)).toBe(1);
    const second = await lookupProfile(db, handle, { ...options(), now: new Date(now.getTime() + PROFILE_FRESH_MS - 60_000) });
    expect(second).toMatchObject({ kind: 'ok', fetched: false, stale: false });
    expect(server.hits.get(handle)).toBe(1);
    const third = await lookupProfile(db, handle, { ...options(), now: new Date(now.getTime() + PROFILE_FRESH_MS + 60_000) });
    expect(third).toMatchObject({ kind: 'ok', fetched: true });
    expect(server.hits.get(handle)).toBe(2);
    const account = await db.channel.findUniqueOrThrow({ where: tiktokHandle(handle), include: { snapshots: true } });
    expect(account.snapshots).toHaveLength(2);
    expect(account.nickname).toBeTruthy();
  });

  it('never asks TikTok again about a channel the worker replays from a recording (the demo’s), however old its card', async () => {
    const handle = fresh('luna.bakes');
    const now = new Date('2026-11-23T12:00:00Z');
    await lookupProfile(db, handle, { ...options(), now });
    const account = await db.channel.findUniqueOrThrow({ where: tiktokHandle(handle) });
    await db.trackedAccount.create({ data: { accountId: account.id, source: 'replay' } });
    const later = await lookupProfile(db, handle, { ...options(), now: new Date(now.getTime() + 3 * PROFILE_FRESH_MS) });
    expect(later).toMatchObject({ kind: 'ok', fetched: false, stale: false });
    expect(server.hits.get(handle)).toBe(1);
    // Watched live from TikTok instead: the card is refreshed as any other.
    await db.trackedAccount.update({ where: { accountId: account.id }, data: { source: 'tiktok' } });
    expect(await lookupProfile(db, handle, { ...options(), now: new Date(now.getTime() + 3 * PROFILE_FRESH_MS) })).toMatchObject({ kind: 'ok', fetched: true });
    expect(server.hits.get(handle)).toBe(2);
  });

  it('shares one fetch among concurrent requests for the same handle', async () => {
    const handle = fresh('nova.quinn');
    server.delayMs = 300;
    const results = await Promise.all(Array.from({ length: 8 }, () => lookupProfile(db, handle, options())));
    expect(results.every((r) => r.kind === 'ok')).toBe(true);
    expect(server.hits.get(handle)).toBe(1);
    const account = await db.channel.findUniqueOrThrow({ where: tiktokHandle(handle), include: { snapshots: true } });
    expect(account.snapshots).toHaveLength(1);
    expect(account.verified).toBe(true);
    // Counts past 2^31 survive (statsV2 strings).
    expect(account.snapshots[0]?.hearts).toBe(13_405_000_000n);
  });

  it('stores one TikTok user looked up under several handles at once: all succeed, one account keeps the user id', async () => {
    const handles = Array.from({ length: 6 }, () => fresh('luna.bakes'));
    const results = await Promise.all(handles.map((handle) => lookupProfile(db, handle, options())));
    expect(results.map((r) => r.kind)).toEqual(handles.map(() => 'ok'));
    const accounts = await db.channel.findMany({ where: { platform: 'tiktok', handle: { in: handles } }, select: { platformUserId: true } });
    expect(accounts).toHaveLength(6);
    expect(accounts.filter((a) => a.platformUserId === '6838201945312470021')).toHaveLength(1);
  });

  it('serves stored data with a notice when TikTok fails, and says so plainly when nothing is stored', async () => {
    const retro = fresh('retro.reels');
    const old = new Date(Date.now() - 2 * PROFILE_FRESH_MS);
    await lookupProfile(db, retro, { ...options(), now: old });
    server.failing.add(retro);
    const stale = await lookupProfile(db, retro, options());
    expect(stale).toMatchObject({ kind: 'ok', stale: true, fetched: false, notice: containing('could not be reached') });

    const pip = fresh('pixelpip_');
    server.failing.add(pip);
    const nothing = await lookupProfile(db, pip, options());
    expect(nothing).toMatchObject({ kind: 'unavailable', cause: 'unreachable', reason: containing('TikTok could not be reached') });
  });

  it('names the cause when TikTok cannot be resolved at all, so pages need not show the raw error', async () => {
    const fetchImpl: typeof fetch = () => Promise.reject(new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND www.tiktok.com') }));
    const result = await lookupProfile(db, fresh('pixelpip_'), { ...options(), fetchImpl });
    expect(result).toEqual({ kind: 'unavailable', cause: 'unreachable', reason: 'TikTok could not be reached.' });
  });

  it('reports a missing user, and does not ask TikTok again for an hour', async () => {
    const handle = `nobody.${uniqueSuffix()}`;
    expect(await lookupProfile(db, handle, options())).toEqual({ kind: 'not_found', fetched: true });
    expect(await lookupProfile(db, handle, options())).toEqual({ kind: 'not_found', fetched: false });
    expect(server.hits.get(handle)).toBe(1);
  });

  it('marks private accounts and keeps their public counts', async () => {
    const result = await lookupProfile(db, fresh('quiet.corner'), options());
    expect(result).toMatchObject({ kind: 'ok', notice: containing('private') });
    if (result.kind === 'ok') expect(result.stored.account.privateAccount).toBe(true);
  });

  it('limits fetches per IP, serving stored data when it can and refusing when it cannot', async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}-${uniqueSuffix()}`;
    for (let i = 0; i < 20; i++) await lookupProfile(db, `absent${i}.${uniqueSuffix()}`, { ...options(), ip });
    const refused = await lookupProfile(db, `absent.${uniqueSuffix()}`, { ...options(), ip });
    expect(refused).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: anyOf(Number) });
    // Fresh data needs no fetch, so the limit does not apply to it.
    const luna = fresh('luna.bakes');
    await lookupProfile(db, luna, options());
    expect(await lookupProfile(db, luna, { ...options(), ip })).toMatchObject({ kind: 'ok', fetched: false });
  });
});
