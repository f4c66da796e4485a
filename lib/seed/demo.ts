// Believable demo data for a fresh install: a handful of fictional TikTok accounts with a month of
// profile snapshots, past lives with gifts (streaks already merged), chats, likes, viewer curves and
// follows, the rollups derived from them, a demo user who manages some of the accounts, and the top
// lists. Deterministic: the same seed and clock give the same data. Every total stored on a live is the
// sum of the rows stored for it, so the dashboard's numbers add up.
import { hashPassword } from '@/lib/auth/password';
import { bulkInsert } from '@/lib/bulk-insert';
import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { initialSettings } from '@/lib/overlays/default-texts';
import { readSettings } from '@/lib/overlays/settings';
import { newOverlayToken } from '@/lib/overlays/token';
import { GIFT_CATALOG, giftWeight } from '@/lib/seed/catalog';
import { createRandom, type Random } from '@/lib/seed/random';
import { demoViewerId } from '@/lib/seed/viewer-id';
import { recomputeTopLists } from '@/lib/stats/top-lists';

export const DEMO_DATA_SEED = 20261122;

export const DEMO_USER = { email: 'demo@livelens.local', password: 'livelens-demo', name: 'Demo streamer' } as const;

type DemoAccount = {
  handle: string;
  nickname: string;
  bio: string;
  region: string;
  verified: boolean;
  followers: number;
  following: number;
  heartsPerFollower: number;
  videos: number;
  diggs: number;
  lives: number;
  managedByDemo: boolean;
};

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { handle: 'luna.streams', nickname: 'Luna ✨', bio: 'Late-night singing & chill talks 🌙 LIVE Tue/Thu/Sat', region: 'US', verified: false, followers: 842_300, following: 312, heartsPerFollower: 21, videos: 486, diggs: 12_840, lives: 12, managedByDemo: true },
  { handle: 'djmax.live', nickname: 'DJ MAX', bio: 'House & techno sets every weekend 🎧 bookings in bio', region: 'DE', verified: true, followers: 1_912_450, following: 88, heartsPerFollower: 34, videos: 1_204, diggs: 3_310, lives: 14, managedByDemo: true },
  { handle: 'chef.amara', nickname: 'Chef Amara', bio: 'Cooking Nigerian classics LIVE 🍲 recipes on my page', region: 'NG', verified: false, followers: 312_900, following: 540, heartsPerFollower: 18, videos: 322, diggs: 45_120, lives: 9, managedByDemo: true },
  { handle: 'koji.plays', nickname: 'Koji Plays', bio: 'Speedruns, retro games, bad jokes. JP/EN', region: 'JP', verified: false, followers: 128_400, following: 201, heartsPerFollower: 12, videos: 740, diggs: 8_904, lives: 11, managedByDemo: false },
  { handle: 'nightowl.asmr', nickname: 'Night Owl ASMR', bio: 'Soft spoken ASMR for sleep 🦉', region: 'GB', verified: false, followers: 57_210, following: 96, heartsPerFollower: 9, videos: 198, diggs: 2_113, lives: 7, managedByDemo: false },
  { handle: 'ritmo.latino', nickname: 'Ritmo Latino 💃', bio: 'Clases de baile en vivo • Dance classes LIVE', region: 'MX', verified: true, followers: 2_604_780, following: 410, heartsPerFollower: 27, videos: 2_015, diggs: 19_466, lives: 10, managedByDemo: false },
];

const SYLLABLES = ['ka', 'mi', 'ro', 'zen', 'lu', 'ta', 'vi', 'no', 'sa', 'rei', 'jo', 'ma', 'xo', 'li', 'pa', 'dan', 'el', 'ko', 'ri', 'yu'];
const NICK_PARTS = ['Star', 'Moon', 'Happy', 'Big', 'Lil', 'Queen', 'King', 'Cozy', 'Sunny', 'Night', 'Gamer', 'Rose', 'Tiger', 'Pixel', 'Coco', 'Blue'];
const CHAT_LINES = [
  'hiii 👋', 'love this song', 'first time here!', 'can you say hi to me?', 'where are you from?', '🔥🔥🔥', 'so good',
  'what mic do you use?', 'greetings from Brazil 🇧🇷', 'play it again pls', 'lol', 'you are amazing', 'how long have you been doing this?',
  'sending love ❤️', 'what time is it there?', 'tap tap tap', 'can we get 10k likes?', 'who else is here from the fyp', 'omg',
  'happy birthday to my sister!!', 'what is the recipe?', 'music is 🔥', 'good night everyone', 'ily', 'are you doing a live tomorrow?',
  'rose for you 🌹', 'how do I join the team?', 'hello from Manila', 'this is my favourite live', 'W stream',
];

const DAY = 86_400_000;
const MINUTE = 60_000;
const DEMO_FIRST_LIVE_SPACING_MS = 2 * MINUTE;

/**
 * The demo's Bilibili room (issue 20): Luna's channel on Bilibili, beside luna.streams on TikTok. No seeded
 * history, only its demo lives — synthetic Bilibili packets (worker/demo.ts) played through the same worker
 * as the TikTok accounts, live at the same time as luna.streams. Made-up ids.
 */
export const DEMO_BILIBILI = {
  uid: '3546001200340056',
  roomId: '30012345',
  nickname: 'Luna 露娜',
  bio: '每晚唱歌聊天 · Late-night singing & chill talks 🌙',
  followers: 215_400,
  roomTitle: '深夜唱歌聊天 🌙',
  roomArea: '娱乐 · 唱见电台',
} as const;
/** The demo creator: one cluster of Luna's channels on both platforms, whose combined live the dashboard shows. */
export const DEMO_CREATOR_CLUSTER = 'Luna ✨ · TikTok + Bilibili';

type ViewerSeed = { tiktokUserId: string; handle: string; nickname: string; generosity: number };

/** The seeded history's viewers; the same handle is the same user (id) as in the demo's live sessions. */
export function makeViewers(random: Random, count: number): ViewerSeed[] {
  const seen = new Set<string>();
  const viewers: ViewerSeed[] = [];
  while (viewers.length < count) {
    const base = `${random.pick(SYLLABLES)}${random.pick(SYLLABLES)}${random.chance(0.5) ? random.pick(SYLLABLES) : ''}`;
    const handle = `${base}${random.chance(0.6) ? `_${random.int(1, 999)}` : `.${random.pick(['x', 'tv', 'official', 'fan'])}`}`;
    if (seen.has(handle)) continue;
    seen.add(handle);
    // Ids used to be drawn here; the draw is kept so the rest of the demo data stays the same.
    random.digits(17);
    viewers.push({
      tiktokUserId: demoViewerId(handle),
      handle,
      nickname: `${random.pick(NICK_PARTS)} ${base.charAt(0).toUpperCase()}${base.slice(1)}`,
      // A few viewers give most of the gifts, as on real lives.
      generosity: random.chance(0.08) ? 40 : random.chance(0.25) ? 6 : 1,
    });
  }
  return viewers;
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [users, accounts] = await Promise.all([db.user.count(), db.channel.count()]);
  return users === 0 && accounts === 0;
}

export type SeedSummary = { accounts: number; lives: number; gifts: number; chats: number; viewers: number };

const GIFT_COLUMNS = [
  ['live_id', 'bigint'], ['account_id', 'text'], ['viewer_id', 'bigint'], ['dedupe_key', 'text'], ['msg_id', 'text'], ['gift_id', 'text'],
  ['gift_name', 'text'], ['diamond_count', 'int'], ['repeat_count', 'int'], ['diamonds', 'int'], ['streakable', 'boolean'], ['created_at', 'timestamp(3)'],
] as const;
const CHAT_COLUMNS = [['live_id', 'bigint'], ['account_id', 'text'], ['viewer_id', 'bigint'], ['msg_id', 'text'], ['content', 'text'], ['created_at', 'timestamp(3)']] as const;

export async function seedDemoData(db: Db, options: { now?: Date; seed?: number } = {}): Promise<SeedSummary> {
  const now = options.now ?? new Date();
  const random = createRandom(options.seed ?? DEMO_DATA_SEED);

  const user = await db.user.create({
    data: { email: DEMO_USER.email, name: DEMO_USER.name, passwordHash: await hashPassword(DEMO_USER.password) },
  });
  const workspace = await db.workspace.create({ data: { name: DEMO_USER.name, personal: true, members: { create: { userId: user.id, role: 'OWNER' } } } });
  await db.user.update({ where: { id: user.id }, data: { currentWorkspaceId: workspace.id } });

  await db.giftType.createMany({
    data: GIFT_CATALOG.map((g) => ({ giftId: g.giftId, name: g.name, diamondCount: g.diamondCount, streakable: g.streakable })),
    skipDuplicates: true,
  });

  const viewerSeeds = makeViewers(random, 90);
  await db.viewer.createMany({
    data: viewerSeeds.map((v) => ({ tiktokUserId: v.tiktokUserId, handle: v.handle, nickname: v.nickname, firstSeenAt: new Date(now.getTime() - 40 * DAY) })),
  });
  const viewerRows = await db.viewer.findMany({ where: { tiktokUserId: { in: viewerSeeds.map((v) => v.tiktokUserId) } }, select: { id: true, tiktokUserId: true } });
  const viewerIdOf = new Map(viewerRows.map((v) => [v.tiktokUserId, v.id]));

  let totalLives = 0;
  let totalGifts = 0;
  let totalChats = 0;
  const clusterAccountIds: string[] = [];

  for (const [accountIndex, demo] of DEMO_ACCOUNTS.entries()) {
    const account = await db.channel.create({
      data: {
        handle: demo.handle,
        platformUserId: `67${random.digits(17)}`,
        secUid: `MS4wLjABAAAA${random.digits(20)}`,
        nickname: demo.nickname,
        bio: demo.bio,
        region: demo.region,
        verified: demo.verified,
        lastFetchedAt: new Date(now.getTime() - random.int(1, 20) * 3_600_000),
        lastFetchStatus: 'ok',
        lookups: random.int(3, 60),
        lastLookedUpAt: new Date(now.getTime() - random.int(1, 72) * 3_600_000),
      },
    });
    if (demo.managedByDemo) clusterAccountIds.push(account.id);

    // A month of daily snapshots: steady growth with a little noise, ending at today's numbers.
    const snapshots = Array.from({ length: 30 }, (_, i) => {
      const daysAgo = 29 - i;
      const factor = 1 - daysAgo * (0.0025 + (accountIndex % 3) * 0.001) + (random.next() - 0.5) * 0.002;
      const followers = Math.round(demo.followers * factor);
      return {
        accountId: account.id,
        fetchedAt: new Date(now.getTime() - daysAgo * DAY - random.int(0, 3_600_000)),
        followers: BigInt(followers),
        following: BigInt(demo.following),
        hearts: BigInt(Math.round(followers * demo.heartsPerFollower)),
        videos: BigInt(demo.videos - Math.floor(daysAgo / 3)),
        diggs: BigInt(demo.diggs - daysAgo * 7),
        friends: BigInt(Math.round(demo.following * 0.4)),
        verified: demo.verified,
      };
    });
    await db.profileSnapshot.createMany({ data: snapshots });

    // The demo replays start a couple of minutes apart, one account after another, then drift apart.
    await db.trackedAccount.create({ data: { accountId: account.id, source: 'replay', state: 'OFFLINE', nextCheckAt: new Date(now.getTime() + accountIndex * DEMO_FIRST_LIVE_SPACING_MS) } });
    if (demo.managedByDemo) await db.workspaceAccount.create({ data: { workspaceId: workspace.id, accountId: account.id, addedById: user.id, verifiedAt: now } });

    const peakBase = Math.max(40, Math.round(demo.followers / 1500));
    for (let l = 0; l < demo.lives; l++) {
      // Spread over the last 30 days, never overlapping "now": the demo replay makes the live-now view.
      const startedAt = new Date(now.getTime() - (2 + (l * 28) / demo.lives + random.next() * 0.8) * DAY);
      const minutes = random.int(45, 180);
      const endedAt = new Date(startedAt.getTime() + minutes * MINUTE);
      const live = await db.live.create({
        data: { accountId: account.id, roomId: `7${random.digits(18)}`, title: `${demo.nickname} LIVE`, startedAt, endedAt, endReason: 'stream_end', lastEventAt: endedAt },
      });
      totalLives++;

      const audience = viewerSeeds.filter(() => random.chance(0.35));
      const perViewer = new Map<bigint, { diamonds: number; gifts: number; first: number; last: number; follower: boolean }>();
      const stat = (viewerId: bigint, at: number) => {
        let s = perViewer.get(viewerId);
        if (!s) {
          s = { diamonds: 0, gifts: 0, first: at, last: at, follower: random.chance(0.4) };
          perViewer.set(viewerId, s);
        }
        s.first = Math.min(s.first, at);
        s.last = Math.max(s.last, at);
        return s;
      };

      // Viewer curve: rises over the first third, holds with noise, fades at the end.
      const peak = Math.round(peakBase * (0.6 + random.next() * 0.8));
      const samples = Array.from({ length: minutes }, (_, m) => {
        const shape = Math.min(1, (m + 1) / (minutes / 3)) * (m > minutes * 0.85 ? 0.6 + 0.4 * ((minutes - m) / (minutes * 0.15)) : 1);
        const viewers = Math.max(1, Math.round(peak * shape * (0.9 + random.next() * 0.2)));
        return { liveId: live.id, at: new Date(startedAt.getTime() + m * MINUTE), viewers, totalUsers: Math.round(viewers * 3.2) };
      });
      await bulkInsert(db, 'viewer_samples', [['live_id', 'bigint'], ['at', 'timestamp(3)'], ['viewers', 'int'], ['total_users', 'int']],
        samples.map((v) => [v.liveId, v.at, v.viewers, v.totalUsers]));

      const gifts: Prisma.GiftCreateManyInput[] = [];
      const giftCount = Math.round(minutes * (0.6 + random.next() * 1.4));
      for (let g = 0; g < giftCount && audience.length > 0; g++) {
        const gifter = random.weighted(audience, (v) => v.generosity);
        const gift = random.weighted(GIFT_CATALOG, giftWeight);
        const at = startedAt.getTime() + random.int(0, minutes * MINUTE - 1);
        const repeatCount = gift.streakable ? random.weighted([1, 2, 3, 5, 10, 20, 50], (_, i) => [30, 20, 15, 12, 10, 5, 1][i] ?? 1) : 1;
        const viewerId = viewerIdOf.get(gifter.tiktokUserId);
        if (viewerId === undefined) continue;
        const msgId = `7${random.digits(18)}`;
        const diamonds = gift.diamondCount * repeatCount;
        gifts.push({
          liveId: live.id,
          accountId: account.id,
          viewerId,
          dedupeKey: gift.streakable ? `s:${gifter.tiktokUserId}:${gift.giftId}:${at}` : `m:${msgId}`,
          msgId,
          giftId: gift.giftId,
          giftName: gift.name,
          diamondCount: gift.diamondCount,
          repeatCount,
          diamonds,
          streakable: gift.streakable,
          createdAt: new Date(at),
        });
        const s = stat(viewerId, at);
        s.diamonds += diamonds;
        s.gifts += 1;
      }
      await bulkInsert(db, 'gifts', GIFT_COLUMNS, gifts.map((g) => [g.liveId, g.accountId, g.viewerId, g.dedupeKey, g.msgId, g.giftId, g.giftName, g.diamondCount, g.repeatCount, g.diamonds, g.streakable, g.createdAt]));
      totalGifts += gifts.length;

      const chats = Array.from({ length: Math.round(minutes * (1.5 + random.next() * 3)) }, () => {
        const chatter = random.pick(audience.length > 0 ? audience : viewerSeeds);
        const viewerId = viewerIdOf.get(chatter.tiktokUserId) ?? 0n;
        const at = startedAt.getTime() + random.int(0, minutes * MINUTE - 1);
        stat(viewerId, at);
        return { liveId: live.id, accountId: account.id, viewerId, msgId: `7${random.digits(18)}`, content: random.pick(CHAT_LINES), createdAt: new Date(at) };
      }).filter((c) => c.viewerId !== 0n);
      await bulkInsert(db, 'chats', CHAT_COLUMNS, chats.map((c) => [c.liveId, c.accountId, c.viewerId, c.msgId, c.content, c.createdAt]), { onConflict: 'DO NOTHING' });
      totalChats += chats.length;

      // Likes per viewer per minute (TikTok batches at most 15 per message; a minute holds several).
      const buckets = new Map<string, { liveId: bigint; viewerId: bigint; minute: Date; count: number }>();
      for (const liker of audience) {
        const viewerId = viewerIdOf.get(liker.tiktokUserId);
        if (viewerId === undefined || !random.chance(0.7)) continue;
        const activeMinutes = random.int(1, Math.min(20, minutes));
        for (let k = 0; k < activeMinutes; k++) {
          const minuteIndex = random.int(0, minutes - 1);
          const minute = new Date(startedAt.getTime() + minuteIndex * MINUTE);
          const count = random.int(5, 120);
          const key = `${viewerId}:${minuteIndex}`;
          const bucket = buckets.get(key) ?? { liveId: live.id, viewerId, minute, count: 0 };
          bucket.count += count;
          buckets.set(key, bucket);
          stat(viewerId, minute.getTime());
        }
      }
      await bulkInsert(db, 'like_buckets', [['live_id', 'bigint'], ['viewer_id', 'bigint'], ['minute', 'timestamp(3)'], ['count', 'int']],
        [...buckets.values()].map((b) => [b.liveId, b.viewerId, b.minute, b.count]));

      const socials = audience.flatMap((v) => {
        const viewerId = viewerIdOf.get(v.tiktokUserId);
        if (viewerId === undefined) return [];
        const at = (offset: number) => new Date(startedAt.getTime() + Math.min(minutes * MINUTE - 1, offset));
        const joinedAt = random.int(0, Math.floor(minutes * MINUTE * 0.7));
        const events: { liveId: bigint; viewerId: bigint; msgId: string; kind: 'JOIN' | 'FOLLOW' | 'SHARE'; createdAt: Date }[] = [
          { liveId: live.id, viewerId, msgId: `7${random.digits(18)}`, kind: 'JOIN', createdAt: at(joinedAt) },
        ];
        if (random.chance(0.2)) events.push({ liveId: live.id, viewerId, msgId: `7${random.digits(18)}`, kind: 'FOLLOW', createdAt: at(joinedAt + random.int(0, 600_000)) });
        if (random.chance(0.12)) events.push({ liveId: live.id, viewerId, msgId: `7${random.digits(18)}`, kind: 'SHARE', createdAt: at(joinedAt + random.int(0, 900_000)) });
        stat(viewerId, joinedAt + startedAt.getTime());
        return events;
      });
      // Joins are only counted (as the worker does); follows and shares are kept as rows.
      const stored = socials.filter((e) => e.kind !== 'JOIN');
      await bulkInsert(db, 'social_events', [['live_id', 'bigint'], ['viewer_id', 'bigint'], ['msg_id', 'text'], ['kind', 'social_kind'], ['created_at', 'timestamp(3)']],
        stored.map((e) => [e.liveId, e.viewerId, e.msgId, e.kind, e.createdAt]));

      const liveViewers = [...perViewer.entries()].map(([viewerId, s]) => ({
        liveId: live.id,
        viewerId,
        diamonds: BigInt(s.diamonds),
        gifts: s.gifts,
        isFollower: s.follower,
        firstSeenAt: new Date(s.first),
      }));
      await bulkInsert(db, 'live_viewers',
        [['live_id', 'bigint'], ['viewer_id', 'bigint'], ['diamonds', 'bigint'], ['gifts', 'int'], ['is_follower', 'boolean'], ['first_seen_at', 'timestamp(3)']],
        liveViewers.map((v) => [v.liveId, v.viewerId, v.diamonds, v.gifts, v.isFollower, v.firstSeenAt]));

      const likes = [...buckets.values()].reduce((sum, b) => sum + b.count, 0);
      await db.live.update({
        where: { id: live.id },
        data: {
          peakViewers: Math.max(...samples.map((s) => s.viewers)),
          viewerSamples: samples.length,
          viewerSum: BigInt(samples.reduce((sum, s) => sum + s.viewers, 0)),
          diamonds: BigInt(gifts.reduce((sum, g) => sum + g.diamonds, 0)),
          gifts: gifts.length,
          likes: BigInt(likes),
          comments: chats.length,
          follows: socials.filter((s) => s.kind === 'FOLLOW').length,
          shares: socials.filter((s) => s.kind === 'SHARE').length,
          joins: socials.filter((s) => s.kind === 'JOIN').length,
          uniqueGifters: liveViewers.filter((v) => v.gifts > 0).length,
        },
      });
    }
  }

  const bilibili = await db.channel.create({
    data: {
      platform: 'bilibili',
      handle: DEMO_BILIBILI.uid,
      platformUserId: DEMO_BILIBILI.uid,
      roomId: DEMO_BILIBILI.roomId,
      nickname: DEMO_BILIBILI.nickname,
      bio: DEMO_BILIBILI.bio,
      region: 'CN',
      followers: BigInt(DEMO_BILIBILI.followers),
      roomTitle: DEMO_BILIBILI.roomTitle,
      roomArea: DEMO_BILIBILI.roomArea,
      roomLiveStatus: 0,
      lastFetchStatus: 'ok',
      lastFetchedAt: now,
    },
  });
  // Two months of follower counts, as room lookups would have stored them: the history a Bilibili growth
  // report measures follower growth from (lib/reports/collect.ts).
  await db.followerSample.createMany({
    data: Array.from({ length: 31 }, (_, i) => ({
      accountId: bilibili.id,
      fetchedAt: new Date(now.getTime() - (60 - 2 * i) * DAY),
      followers: BigInt(Math.round(DEMO_BILIBILI.followers * (1 - (60 - 2 * i) * 0.0011))),
    })),
  });
  // Live with the first TikTok account, so a fresh `npm start` shows both platforms at once.
  await db.trackedAccount.create({ data: { accountId: bilibili.id, source: 'replay', state: 'OFFLINE', nextCheckAt: now } });
  await db.workspaceAccount.create({ data: { workspaceId: workspace.id, accountId: bilibili.id, addedById: user.id, verifiedAt: now } });

  // Gifter rollup per streamer per day, from the gift rows just written.
  await db.$executeRaw`
    INSERT INTO gifter_stats (account_id, viewer_id, day, diamonds, gifts)
    SELECT account_id, viewer_id, (created_at AT TIME ZONE 'UTC')::date, SUM(diamonds), COUNT(*)
    FROM gifts GROUP BY 1, 2, 3
    ON CONFLICT (account_id, day, viewer_id) DO UPDATE SET diamonds = EXCLUDED.diamonds, gifts = EXCLUDED.gifts`;

  const cluster = await db.cluster.create({ data: { workspaceId: workspace.id, createdById: user.id, name: 'My agency' } });
  await db.clusterAccount.createMany({ data: clusterAccountIds.map((accountId) => ({ clusterId: cluster.id, accountId })) });
  const luna = await db.channel.findFirstOrThrow({ where: { platform: 'tiktok', handle: DEMO_ACCOUNTS[0]?.handle ?? 'luna.streams' }, select: { id: true } });
  const creator = await db.cluster.create({ data: { workspaceId: workspace.id, createdById: user.id, name: DEMO_CREATOR_CLUSTER } });
  await db.clusterAccount.createMany({ data: [luna.id, bilibili.id].map((accountId) => ({ clusterId: creator.id, accountId })) });
  // The creator's overlays draw from both platforms: alerts queue across them with each platform's badge,
  // and one leaderboard ranks the viewers of both.
  for (const [kind, name] of [['GIFT_ALERTS', 'Luna ✨ alerts · TikTok + Bilibili'], ['LEADERBOARD', 'Luna ✨ top fans · TikTok + Bilibili']] as const) {
    const settings = readSettings(kind, { ...initialSettings(kind, 'en'), clusterId: creator.id });
    await db.overlay.create({ data: { workspaceId: workspace.id, createdById: user.id, accountId: luna.id, kind, name, settings, token: newOverlayToken() } });
  }

  await recomputeTopLists(db, now);
  return { accounts: DEMO_ACCOUNTS.length + 1, lives: totalLives, gifts: totalGifts, chats: totalChats, viewers: viewerSeeds.length };
}
