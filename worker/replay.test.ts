// Each committed fixture replayed through the real tiktok-live-connector decoder, the normaliser and the
// write pipeline into the real test Postgres; the stored totals must equal the totals the generator
// states beside the fixture, every time, however often the same session is replayed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { requireDatabaseUrl } from '@/lib/env';
import { createLogger } from '@/lib/logger';
import type { ExpectedTotals } from '@/lib/live/synth';
import { uniqueSuffix } from '@/tools/testing/factories';
import { runReplay } from '@/worker/replay-run';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
// TikTok's fixtures (no `platform` in the header, or "tiktok"); worker/bilibili-ingest.test.ts replays the
// Bilibili ones.
const fixtures = fs.readdirSync(FIXTURES).filter((f) => {
  if (!f.endsWith('.jsonl')) return false;
  const header = JSON.parse(fs.readFileSync(path.join(FIXTURES, f), 'utf8').split('\n', 1)[0] ?? '{}') as { platform?: string };
  return (header.platform ?? 'tiktok') === 'tiktok';
});
const log = createLogger('test');

function expectedFor(file: string): ExpectedTotals {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, file.replace(/\.jsonl$/, '.expected.json')), 'utf8')) as ExpectedTotals;
}

/** The same totals recomputed from the stored rows, independently of the live's running counters. */
async function totalsFromRows(liveId: bigint) {
  const [gifts, chats, socials, gifters, live] = await Promise.all([
    db.gift.aggregate({ where: { liveId }, _count: true, _sum: { diamonds: true } }),
    db.chat.count({ where: { liveId } }),
    db.socialEvent.groupBy({ by: ['kind'], where: { liveId }, _count: true }),
    db.gift.findMany({ where: { liveId }, distinct: ['viewerId'], select: { viewerId: true } }),
    db.live.findUniqueOrThrow({ where: { id: liveId } }),
  ]);
  const kind = (k: string) => socials.find((s) => s.kind === k)?._count ?? 0;
  const samples = await db.viewerSample.aggregate({ where: { liveId }, _max: { viewers: true } });
  return {
    diamonds: gifts._sum.diamonds ?? 0,
    gifts: gifts._count,
    likes: Number(live.likes),
    comments: chats,
    follows: kind('FOLLOW'),
    shares: kind('SHARE'),
    peakViewers: samples._max.viewers ?? 0,
    uniqueGifters: gifters.length,
  };
}

it('finds the four TikTok fixtures', () => expect(fixtures.sort()).toEqual(['busy-burst.jsonl', 'duplicates-no-end.jsonl', 'short-evening.jsonl', 'small-evening.jsonl']));

describe.each(fixtures)('replaying fixture %s through the real decoder into Postgres', (file) => {
  it('stores exactly the expected totals, in the live row and in the rows, and a second replay changes nothing', async () => {
    const expected = expectedFor(file);
    const handle = `fx.${uniqueSuffix()}`;
    const options = { file: path.join(FIXTURES, file), handle, speed: 'max' as const, db, databaseUrl: requireDatabaseUrl(), log };
    const first = await runReplay(options);
    const { liveId, ...totals } = first.totals;
    expect(totals).toEqual(expected);
    expect(await totalsFromRows(BigInt(liveId))).toEqual(expected);

    const second = await runReplay(options);
    expect(second.totals).toEqual(first.totals);
    expect(await totalsFromRows(BigInt(liveId))).toEqual(expected);
  });
});

describe('what the pipeline stores beside the totals', () => {
  it('keeps per-viewer likes, per-minute buckets, viewer samples and gifter rollups consistent with the gifts', async () => {
    const handle = `fx.${uniqueSuffix()}`;
    const { totals, accountId } = await runReplay({ file: path.join(FIXTURES, 'small-evening.jsonl'), handle, speed: 'max', db, databaseUrl: requireDatabaseUrl(), log });
    const liveId = BigInt(totals.liveId);
    const [viewerSums, bucketSum, rollup, live, viewers] = await Promise.all([
      db.liveViewer.aggregate({ where: { liveId }, _sum: { diamonds: true, gifts: true } }),
      db.likeBucket.aggregate({ where: { liveId }, _sum: { count: true } }),
      db.gifterStat.aggregate({ where: { accountId }, _sum: { diamonds: true, gifts: true } }),
      db.live.findUniqueOrThrow({ where: { id: liveId } }),
      db.liveViewer.count({ where: { liveId } }),
    ]);
    expect(Number(viewerSums._sum.diamonds)).toBe(totals.diamonds);
    expect(viewerSums._sum.gifts).toBe(totals.gifts);
    // Likes per viewer per minute add up to what the like messages carried (not the room total, which
    // also counts likes TikTok sends no message for).
    expect(bucketSum._sum.count).toBeGreaterThan(0);
    expect(bucketSum._sum.count).toBeLessThanOrEqual(totals.likes);
    // Everyone who did anything is on the live's viewer list.
    expect(viewers).toBeGreaterThanOrEqual(totals.uniqueGifters);
    expect(Number(rollup._sum.diamonds)).toBe(totals.diamonds);
    expect(rollup._sum.gifts).toBe(totals.gifts);
    // The recording's clock is kept: the live starts at its first message and ends at stream end.
    expect(live.startedAt.toISOString()).toBe('2026-11-01T18:00:00.000Z');
    expect(live.endedAt?.toISOString()).toBe('2026-11-01T18:03:00.000Z');
    expect(live.endReason).toBe('stream_end');
    expect(live.viewerSamples).toBeGreaterThan(30);
  });

  it('replaces placeholder names when the real ones arrive, and keeps hostile text as it was sent', async () => {
    const handle = `fx.${uniqueSuffix()}`;
    const { totals } = await runReplay({ file: path.join(FIXTURES, 'small-evening.jsonl'), handle, speed: 'max', db, databaseUrl: requireDatabaseUrl(), log });
    const placeholders = await db.viewer.count({ where: { placeholder: true, liveViewers: { some: { liveId: BigInt(totals.liveId) } } } });
    expect(placeholders).toBe(0);
    const hostile = await db.chat.findFirst({ where: { liveId: BigInt(totals.liveId), content: { contains: '<script>' } } });
    expect(hostile?.content).toBe('<script>alert("x")</script>');
  });

  it('closes the streak whose end frame never came, flagged, with its last count', async () => {
    const handle = `fx.${uniqueSuffix()}`;
    const { totals } = await runReplay({ file: path.join(FIXTURES, 'duplicates-no-end.jsonl'), handle, speed: 'max', db, databaseUrl: requireDatabaseUrl(), log });
    const closed = await db.gift.findMany({ where: { liveId: BigInt(totals.liveId), timeoutClosed: true } });
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ giftName: 'Rose', streakable: true });
    expect(closed[0]?.repeatCount).toBeGreaterThan(1);
  });
});
