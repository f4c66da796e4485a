// The gift goal (and a goal over a cluster's channels), top-gifter card and subathon timer against the
// database: what their OBS page gets on first paint, and the timer's host controls (stored state, realtime
// message, kept by a settings save).
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createCluster } from '@/lib/dashboard/clusters';
import { goalProgress, goalTallyStart } from '@/lib/overlays/goal-progress';
import { valueRate } from '@/lib/dashboard/value';
import { updateOverlay } from '@/lib/overlays/manage';
import { readSettings } from '@/lib/overlays/settings';
import { countedTotals, readTimer, readTimerState, TIMER_STATE_KEY } from '@/lib/overlays/timer';
import { controlTimer, getTimerView } from '@/lib/overlays/timer-store';
import type { OverlayControlMessage } from '@/lib/overlays/types';
import { loadOverlayView } from '@/lib/overlays/view';
import { accountChannel, overlayChannel, RealtimeEvent } from '@/lib/realtime/channels';
import { createTestAccount, createTestOverlay, createTestUser, uniqueSuffix, watchTestAccount } from '@/tools/testing/factories';
import { createTestClient, nextEvent, subscribe } from '@/tools/testing/realtime-client';

const NOW = Date.now();

async function createLive(accountId: string, over: { startedAt: Date; endedAt?: Date; diamonds?: number; likes?: number; follows?: number }) {
  return db.live.create({ data: { accountId, roomId: `room-${uniqueSuffix()}`, startedAt: over.startedAt, endedAt: over.endedAt ?? null, diamonds: over.diamonds ?? 0, likes: over.likes ?? 0, follows: over.follows ?? 0 } });
}

async function createViewer(name: string, avatarUrl: string | null = null) {
  const id = `${name}-${uniqueSuffix()}`;
  return db.viewer.create({ data: { tiktokUserId: id, handle: id, nickname: name, avatarUrl } });
}

async function addGift(live: { id: bigint; accountId: string }, viewerId: bigint, gift: { key: string; giftId: string; name: string; diamondCount: number; repeatCount: number; at: number }) {
  await db.gift.create({
    data: { liveId: live.id, accountId: live.accountId, viewerId, dedupeKey: gift.key, msgId: gift.key, giftId: gift.giftId, giftName: gift.name, diamondCount: gift.diamondCount, repeatCount: gift.repeatCount, diamonds: gift.diamondCount * gift.repeatCount, streakable: gift.diamondCount === 1, createdAt: new Date(gift.at) },
  });
}

describe('gift goal and top gifter on the OBS page', () => {
  let token = { goal: '', top: '', likes: '' };
  let ids = { mia: '', ben: '' };
  beforeAll(async () => {
    const user = await createTestUser(db);
    const account = await createTestAccount(db);
    const live = await createLive(account.id, { startedAt: new Date(NOW - 3_600_000) });
    const [mia, ben] = await Promise.all([createViewer('mia', 'https://p16.example/mia.jpg'), createViewer('ben')]);
    ids = { mia: mia.tiktokUserId, ben: ben.tiktokUserId };
    // Mia: a streak of 40 Roses and a single Rose; Ben: one 100-diamond gift. An earlier LIVE's Roses do not count.
    await addGift(live, mia.id, { key: 's:mia:5655:1', giftId: '5655', name: 'Rose', diamondCount: 1, repeatCount: 40, at: NOW - 60_000 });
    await addGift(live, mia.id, { key: 'm:2', giftId: '5655', name: 'Rose', diamondCount: 1, repeatCount: 1, at: NOW - 50_000 });
    await addGift(live, ben.id, { key: 'm:3', giftId: '5660', name: 'Hand Hearts', diamondCount: 100, repeatCount: 1, at: NOW - 40_000 });
    const earlier = await createLive(account.id, { startedAt: new Date(NOW - 86_400_000), endedAt: new Date(NOW - 80_000_000) });
    await addGift(earlier, mia.id, { key: 'm:old', giftId: '5655', name: 'Rose', diamondCount: 1, repeatCount: 500, at: NOW - 85_000_000 });
    await watchTestAccount(db, user.workspaceId, account.id);
    const base = { workspaceId: user.workspaceId, accountId: account.id, watch: false };
    const [goal, top, likes] = await Promise.all([
      createTestOverlay(db, { ...base, kind: 'GOAL', settings: { metric: 'gift', giftId: '5655', giftName: 'Rose', target: 100, title: '100 Roses' } }),
      createTestOverlay(db, { ...base, kind: 'TOP_GIFTER' }),
      createTestOverlay(db, { ...base, kind: 'GOAL' }),
    ]);
    token = { goal: goal.token, top: top.token, likes: likes.token };
  });

  it('starts a "100 Roses" goal from the current LIVE’s count of that gift, a streak by its final count', async () => {
    const view = await loadOverlayView(db, token.goal);
    expect(view).toMatchObject({ kind: 'GOAL', settings: { metric: 'gift', giftId: '5655', target: 100 } });
    expect(view?.goalSources.map((s) => s.giftCount)).toEqual([41]);
    expect((await loadOverlayView(db, token.likes))?.goalSources.map((s) => s.giftCount)).toEqual([0]);
  });

  it('starts the top-gifter card from the LIVE’s gifters by diamonds, with their pictures', async () => {
    const view = await loadOverlayView(db, token.top);
    expect(view?.topGifters.map((g) => [g.user.id, g.diamonds])).toEqual([
      [ids.ben, 100],
      [ids.mia, 41],
    ]);
    expect(view?.topGifters[1]?.user.avatar).toBe('https://p16.example/mia.jpg');
  });
});

describe('a goal drawing from a cluster (one creator on TikTok and Bilibili)', () => {
  it('sums the live totals of the cluster’s channels, Bilibili gold as diamonds at the mid rates, and nothing else', async () => {
    const [user, other] = await Promise.all([createTestUser(db), createTestUser(db)]);
    const suffix = uniqueSuffix();
    const [tiktok, bilibili, outside, theirs] = await Promise.all([
      createTestAccount(db),
      db.channel.create({ data: { platform: 'bilibili', handle: `35460${suffix}`, platformUserId: `35460${suffix}`, roomId: `2180${suffix}`, nickname: 'Luna 露娜' } }),
      createTestAccount(db),
      createTestAccount(db),
    ]);
    for (const id of [tiktok.id, bilibili.id, outside.id]) await watchTestAccount(db, user.workspaceId, id);
    await Promise.all([watchTestAccount(db, other.workspaceId, tiktok.id), watchTestAccount(db, other.workspaceId, theirs.id)]);
    const cluster = await createCluster(db, user.workspaceId, `Luna ${suffix}`, [tiktok.id, bilibili.id]);
    // Another workspace's cluster holding the same TikTok channel: naming it adds nothing.
    const foreign = await createCluster(db, other.workspaceId, `Theirs ${suffix}`, [tiktok.id, theirs.id]);
    const started = new Date(NOW - 3_600_000);
    await Promise.all([
      createLive(tiktok.id, { startedAt: started, diamonds: 2_500, likes: 1_200, follows: 3 }),
      db.live.create({ data: { accountId: bilibili.id, platform: 'bilibili', roomId: `2180${suffix}`, startedAt: started, diamonds: 70_760, likes: 300, follows: 2 } }),
      createLive(outside.id, { startedAt: started, diamonds: 9_999, likes: 9_999 }),
      createLive(theirs.id, { startedAt: started, diamonds: 8_888, likes: 8_888 }),
      // The Bilibili channel's earlier LIVE has ended: only the running one counts.
      db.live.create({ data: { accountId: bilibili.id, platform: 'bilibili', roomId: `old-${suffix}`, startedAt: new Date(NOW - 86_400_000), endedAt: new Date(NOW - 80_000_000), diamonds: 500_000 } }),
    ]);
    const base = { workspaceId: user.workspaceId, accountId: tiktok.id, kind: 'GOAL' as const, watch: false };
    const [value, likes, stolen] = await Promise.all([
      createTestOverlay(db, { ...base, settings: { metric: 'diamonds', target: 5_000, clusterId: cluster.id } }),
      createTestOverlay(db, { ...base, settings: { metric: 'likes', target: 5_000, clusterId: cluster.id } }),
      createTestOverlay(db, { ...base, settings: { metric: 'diamonds', target: 5_000, clusterId: foreign.id } }),
    ]);

    const view = await loadOverlayView(db, value.token);
    expect(view?.channels.accounts).toEqual([accountChannel(tiktok.id), accountChannel(bilibili.id)]);
    expect(view?.goalSources.map((s) => [s.channel, s.platform, s.live?.diamonds])).toEqual([
      [accountChannel(tiktok.id), 'tiktok', 2_500],
      [accountChannel(bilibili.id), 'bilibili', 70_760],
    ]);
    // 1 gold = ¥0.001 × half to the creator ÷ 7.076 CNY per USD; 1 diamond = $0.005: 70,760 gold are 1,000 diamonds.
    expect(goalProgress(goalTallyStart(view?.goalSources ?? []), 'diamonds')).toEqual({ value: 3_500, shares: [{ platform: 'tiktok', value: 2_500 }, { platform: 'bilibili', value: 70_760 }] });
    const likesView = await loadOverlayView(db, likes.token);
    expect(goalProgress(goalTallyStart(likesView?.goalSources ?? []), 'likes').value).toBe(1_500);
    const stolenView = await loadOverlayView(db, stolen.token);
    expect(stolenView?.goalSources.map((s) => s.channel)).toEqual([accountChannel(tiktok.id)]);
    expect(goalProgress(goalTallyStart(stolenView?.goalSources ?? []), 'diamonds').value).toBe(2_500);
  });

  it('keeps a LIVE that ended within 12 hours on a reloaded goal, as the open page does; an older one starts empty', async () => {
    const user = await createTestUser(db);
    const [justEnded, longEnded] = await Promise.all([createTestAccount(db), createTestAccount(db)]);
    await Promise.all([
      createLive(justEnded.id, { startedAt: new Date(NOW - 3 * 3_600_000), endedAt: new Date(NOW - 600_000), likes: 4_200, diamonds: 900 }),
      createLive(longEnded.id, { startedAt: new Date(NOW - 40 * 3_600_000), endedAt: new Date(NOW - 13 * 3_600_000), likes: 7_000 }),
    ]);
    const goalOn = (accountId: string) => createTestOverlay(db, { workspaceId: user.workspaceId, accountId, kind: 'GOAL', settings: { metric: 'likes', target: 5_000 } });
    const [recent, old] = await Promise.all([goalOn(justEnded.id), goalOn(longEnded.id)]);
    // Reloaded ten minutes after the LIVE ended, the bar reads what it read when the LIVE ended, not 0.
    const recentView = await loadOverlayView(db, recent.token);
    expect(goalProgress(goalTallyStart(recentView?.goalSources ?? []), 'likes').value).toBe(4_200);
    const oldView = await loadOverlayView(db, old.token);
    expect(oldView?.goalSources.map((s) => s.live)).toEqual([null]);
    expect(goalProgress(goalTallyStart(oldView?.goalSources ?? []), 'likes').value).toBe(0);
  });

  it('converts the other way for a goal set on the Bilibili channel, in gold', () => {
    expect(valueRate('tiktok', 'tiktok')).toBe(1);
    expect(Math.round(1_000 * valueRate('tiktok', 'bilibili'))).toBe(70_760);
    expect(Math.round(70_760 * valueRate('bilibili', 'tiktok'))).toBe(1_000);
  });
});

describe('subathon timer', () => {
  const settings = { startMinutes: 10, secondsPerDiamond: 1, likesPerStep: 100, secondsPerLikeStep: 10, secondsPerFollow: 30, capMinutes: 0 };

  it('starts from the LIVE’s counters then, counts what it gains, and banks a LIVE that ended', async () => {
    const user = await createTestUser(db);
    const account = await createTestAccount(db);
    const first = await createLive(account.id, { startedAt: new Date(NOW - 7_200_000), diamonds: 1000, likes: 5000, follows: 10 });
    const overlay = await createTestOverlay(db, { workspaceId: user.workspaceId, accountId: account.id, kind: 'TIMER', settings });
    const started = await controlTimer(db, user.workspaceId, overlay.id, { action: 'start' }, NOW);
    expect(started.state).toMatchObject({ status: 'running', startedAt: NOW, baseline: { liveId: first.id.toString(), diamonds: 1000, likes: 5000, follows: 10 } });
    expect(started.remainingMs).toBe(600_000);

    // The first LIVE gains 50 diamonds and 1 follow, then ends; a second one has 200 likes so far.
    await db.live.update({ where: { id: first.id }, data: { diamonds: 1050, follows: 11, endedAt: new Date(NOW + 60_000) } });
    await createLive(account.id, { startedAt: new Date(NOW + 120_000), likes: 200 });
    const view = await loadOverlayView(db, overlay.token);
    expect(view?.timer?.state.status).toBe('running');
    const totals = countedTotals(view?.timer?.tally ?? { before: { diamonds: 0, likes: 0, follows: 0 }, liveId: null, baseline: { diamonds: 0, likes: 0, follows: 0 }, last: { diamonds: 0, likes: 0, follows: 0 } });
    expect(totals).toEqual({ diamonds: 50, likes: 200, follows: 1 });
    expect(readTimer(readSettings('TIMER', settings), readTimerState({ [TIMER_STATE_KEY]: view?.timer?.state }), totals, NOW).totalSeconds).toBe(600 + 50 + 20 + 30);
    expect((await getTimerView(db, user.workspaceId, overlay.id, NOW + 100_000)).remainingMs).toBe((700 - 100) * 1000);
  });

  it('pauses, adds time, tells the open overlay, and keeps its state when the settings are saved', async () => {
    const user = await createTestUser(db);
    const account = await createTestAccount(db);
    const overlay = await createTestOverlay(db, { workspaceId: user.workspaceId, accountId: account.id, kind: 'TIMER', settings });
    const client = createTestClient({ token: overlay.token });
    try {
      const channel = await subscribe(client, overlayChannel(overlay.id));
      const heard = nextEvent<OverlayControlMessage>(channel, RealtimeEvent.overlay);
      await controlTimer(db, user.workspaceId, overlay.id, { action: 'start' }, NOW);
      expect(await heard).toMatchObject({ type: 'timer', overlayId: overlay.id, state: { status: 'running', startedAt: NOW } });
    } finally {
      client.disconnect();
    }
    await controlTimer(db, user.workspaceId, overlay.id, { action: 'pause' }, NOW + 60_000);
    const added = await controlTimer(db, user.workspaceId, overlay.id, { action: 'add', seconds: 300 }, NOW + 3_600_000);
    // Paused after a minute: 10 min + 5 min added − 1 min run, however long the pause lasts.
    expect(added).toMatchObject({ state: { status: 'paused', addedSeconds: 300 }, remainingMs: 14 * 60_000 });

    await updateOverlay(db, user.workspaceId, overlay.id, { settings: { ...readSettings('TIMER', settings), title: 'Road to 24 h' } });
    const stored = await db.overlay.findUniqueOrThrow({ where: { id: overlay.id } });
    expect(readTimerState(stored.settings)).toMatchObject({ status: 'paused', addedSeconds: 300 });
    expect(readSettings('TIMER', stored.settings).title).toBe('Road to 24 h');

    expect(await controlTimer(db, user.workspaceId, overlay.id, { action: 'reset' }, NOW)).toMatchObject({ state: { status: 'idle' }, remainingMs: 600_000 });
  });

  it('cannot be run from another workspace, nor on an overlay that is not a timer', async () => {
    const [owner, stranger] = await Promise.all([createTestUser(db), createTestUser(db)]);
    const account = await createTestAccount(db);
    await watchTestAccount(db, owner.workspaceId, account.id);
    const [timer, goal] = await Promise.all([
      createTestOverlay(db, { workspaceId: owner.workspaceId, accountId: account.id, kind: 'TIMER', watch: false }),
      createTestOverlay(db, { workspaceId: owner.workspaceId, accountId: account.id, kind: 'GOAL', watch: false }),
    ]);
    await expect(controlTimer(db, stranger.workspaceId, timer.id, { action: 'start' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getTimerView(db, stranger.workspaceId, timer.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(controlTimer(db, owner.workspaceId, goal.id, { action: 'start' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(readTimerState((await db.overlay.findUniqueOrThrow({ where: { id: timer.id } })).settings).status).toBe('idle');
  });
});
