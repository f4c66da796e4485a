// Part of `npm run bench:overlay`: fan-out of one busy account to many overlays. One account with
// BENCH_FANOUT_OVERLAYS (100) overlays, each opened by a pusher-js client (the browser SDK, in this
// process) that signs in with its token through the running app and subscribes to the account's channel
// and its own. The production Fanout publishes a stream of gifts and counters for the account, and a
// board message per leaderboard session (as the worker's GameManager does), and every client counts what
// it receives. Figures: messages published per account event (the cost that must not grow with the number
// of overlays), deliveries, and the time from publishing to each client's receipt.
import PusherClient from 'pusher-js';
import type { Db } from '@/lib/db';
import { createLogger } from '@/lib/logger';
import type { GiftEvent } from '@/lib/live/events';
import { newOverlayToken } from '@/lib/overlays/token';
import { accountChannel, overlayChannel } from '@/lib/realtime/channels';
import { createPusher } from '@/lib/realtime/server';
import { requireDatabaseUrl } from '@/lib/env';
import { createIngest } from '@/worker/ingest';
import { percentile, round } from './lib';

const OVERLAYS = Number(process.env.BENCH_FANOUT_OVERLAYS ?? 100);
const GIFTS = Number(process.env.BENCH_FANOUT_GIFTS ?? 600);
const GIFTS_PER_SECOND = Number(process.env.BENCH_FANOUT_RATE ?? 100);
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type FanoutResult = {
  overlays: number;
  gifts: number;
  giftsPerSecond: number;
  accountEvents: number;
  publishedMessages: number;
  publishedPerAccountEvent: number;
  boardMessages: number;
  deliveries: number;
  expectedDeliveries: number;
  deliveryP50Ms: number;
  deliveryP99Ms: number;
  deliveryMaxMs: number;
  connectSeconds: number;
  droppedByFanout: number;
};

async function post(url: string, fields: Record<string, string>): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(url).origin }, body: new URLSearchParams(fields).toString() });
  if (!response.ok) throw Object.assign(new Error(`${url} answered ${response.status}`), { status: response.status });
  return response.json();
}

function client(appUrl: string, pusherEnv: Record<string, string>, token: string): PusherClient {
  const c: PusherClient = new PusherClient(pusherEnv.PUSHER_KEY ?? '', {
    cluster: 'mt1',
    wsHost: '127.0.0.1',
    wsPort: Number(pusherEnv.PUSHER_PORT),
    forceTLS: false,
    enabledTransports: ['ws'],
    disableStats: true,
    userAuthentication: {
      endpoint: '/api/pusher/user-auth',
      transport: 'ajax',
      customHandler: ({ socketId }, callback) => {
        post(`${appUrl}/api/pusher/user-auth`, { socket_id: socketId, token }).then((data) => callback(null, data as { auth: string; user_data: string }), (error: Error) => callback(error, null));
      },
    },
    channelAuthorization: {
      endpoint: '/api/pusher/auth',
      transport: 'ajax',
      customHandler: ({ socketId, channelName }, callback) => {
        Promise.resolve(c.user.signinDonePromise)
          .then(() => post(`${appUrl}/api/pusher/auth`, { socket_id: socketId, channel_name: channelName, token }))
          .then((data) => callback(null, data as { auth: string }), (error: Error) => callback(error, null));
      },
    },
  });
  c.signin();
  return c;
}

function subscribed(c: PusherClient, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const channel = c.subscribe(name);
    channel.bind('pusher:subscription_succeeded', () => resolve());
    channel.bind('pusher:subscription_error', (error: unknown) => reject(new Error(`${name}: ${JSON.stringify(error)}`)));
  });
}

export async function measureFanout(db: Db, appUrl: string, pusherEnv: Record<string, string>, say: (message: string) => void): Promise<FanoutResult> {
  const tag = String(Date.now()).slice(-8);
  const user = await db.user.create({ data: { email: `bench-fanout-${tag}@example.test`, passwordHash: 'not-a-real-hash' } });
  const workspace = await db.workspace.create({ data: { name: `Fan-out ${tag}`, members: { create: { userId: user.id, role: 'OWNER' } } } });
  const account = await db.channel.create({ data: { handle: `bfo${tag}`, nickname: 'Busy account' } });
  await db.workspaceAccount.create({ data: { workspaceId: workspace.id, accountId: account.id } });
  const overlays = await Promise.all(
    Array.from({ length: OVERLAYS }, (_, i) =>
      db.overlay.create({ data: { workspaceId: workspace.id, accountId: account.id, kind: i % 2 === 0 ? 'GIFT_ALERTS' : 'LEADERBOARD', name: `Fan-out ${i}`, token: newOverlayToken() } }),
    ),
  );
  say(`fan-out: ${OVERLAYS} overlays of one account, each a pusher-js client signed in with its token…`);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let deliveries = 0;
  const connectStarted = now();
  const clients = overlays.map((o) => client(appUrl, pusherEnv, o.token));
  try {
    await Promise.all(
      clients.map(async (c, i) => {
        const overlay = overlays[i];
        if (!overlay) return;
        await subscribed(c, accountChannel(account.id));
        await subscribed(c, overlayChannel(overlay.id));
        c.channel(accountChannel(account.id)).bind('gift', (data: { id: string }) => {
          const at = sentAt.get(data.id);
          deliveries++;
          if (at !== undefined) latencies.push(now() - at);
        });
      }),
    );
    const connectSeconds = (now() - connectStarted) / 1000;
    const published: { messages: number; board: number } = { messages: 0, board: 0 };
    // The production chain's fan-out (worker/ingest.ts), without games: the bench sends the boards itself.
    const ingest = createIngest({
      databaseUrl: requireDatabaseUrl(),
      log: createLogger('bench-fanout'),
      pusher: createPusher(),
      games: false,
      fanout: {
        maxQueue: 50_000,
        onPublished: (messages) => {
          published.messages += messages.length;
          for (const m of messages) if (m.name === 'game') published.board++;
        },
      },
    });
    const fanout = ingest.fanout;
    if (!fanout) throw new Error('the ingest chain has no fan-out');
    ingest.start();
    const leaderboards = overlays.filter((o) => o.kind === 'LEADERBOARD');
    const started = now();
    for (let i = 0; i < GIFTS; i++) {
      const id = `s:bench:${tag}:${i}`;
      const gift: GiftEvent = {
        type: 'gift',
        msgId: String(i),
        roomId: '1',
        at: Date.now(),
        viewer: { userId: String(9_000_000 + (i % 300)), handle: `fan${i % 300}`, nickname: `Fan ${i % 300}`, avatarUrl: null, placeholder: false, isFollower: false },
        giftId: '5655',
        giftName: 'Rose',
        diamondCount: 1,
        repeatCount: 1,
        diamonds: 1,
        streakable: false,
        timeoutClosed: false,
        dedupeKey: id,
        imageUrl: null,
      };
      sentAt.set(id, now());
      fanout.event(account.id, '1', gift);
      fanout.updateCounters(account.id, { liveId: '1', startedAt: 0, viewers: 100 + i, likes: i, diamonds: i, gifts: i, comments: 0, follows: 0, shares: 0 });
      // The worker publishes each leaderboard's board at most 4 times a second; here once per 25 gifts.
      if (i % 25 === 0) for (const board of leaderboards) fanout.game({ workspaceId: workspace.id, overlayId: board.id }, { type: 'board', sessionId: board.id, overlayId: board.id, rows: [], at: Date.now() });
      const wait = started + ((i + 1) * 1000) / GIFTS_PER_SECOND - now();
      if (wait > 0) await sleep(wait);
    }
    await ingest.stop({ drainMs: 5000 });
    const expected = GIFTS * OVERLAYS;
    const settleBy = Date.now() + 10_000;
    while (deliveries < expected && Date.now() < settleBy) await sleep(100);
    const accountEvents = published.messages - published.board;
    return {
      overlays: OVERLAYS,
      gifts: GIFTS,
      giftsPerSecond: GIFTS_PER_SECOND,
      accountEvents,
      publishedMessages: published.messages,
      publishedPerAccountEvent: round(accountEvents / Math.max(1, GIFTS), 2),
      boardMessages: published.board,
      deliveries,
      expectedDeliveries: expected,
      deliveryP50Ms: round(percentile(latencies, 50)),
      deliveryP99Ms: round(percentile(latencies, 99)),
      deliveryMaxMs: round(latencies.length ? Math.max(...latencies) : 0),
      connectSeconds: round(connectSeconds, 1),
      droppedByFanout: fanout.stats.dropped,
    };
  } finally {
    for (const c of clients) c.disconnect();
  }
}
