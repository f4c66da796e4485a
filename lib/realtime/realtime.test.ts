import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encode } from 'next-auth/jwt';
import type PusherClient from 'pusher-js';
import { db } from '@/lib/db';
import { accountChannel, overlayChannel, parseChannel } from '@/lib/realtime/channels';
import { publish, publishBatch, RealtimeError } from '@/lib/realtime/server';
import { createTestAccount, createTestOverlay, createTestUser, uniqueSuffix } from '@/lib/testing/factories';
import { createTestClient, nextEvent, subscribe } from '@/lib/testing/realtime-client';

describe('channel names', () => {
  it('round-trips the names we hand out and rejects anything else', () => {
    expect(parseChannel(accountChannel('acc_1'))).toEqual({ kind: 'account', accountId: 'acc_1' });
    expect(parseChannel(overlayChannel('abc'))).toEqual({ kind: 'overlay', accountId: 'abc' });
    for (const bad of ['public', 'private-account-', 'private-other-x', 'private-account-a b', `private-account-${'x'.repeat(65)}`, 'presence-account-x']) {
      expect(parseChannel(bad)).toBeUndefined();
    }
  });
});

describe('Pusher round trip through soketi with the real SDKs', () => {
  const clients: PusherClient[] = [];
  const client = (params?: Record<string, string>, cookie?: string) => {
    const c = createTestClient(params, cookie);
    clients.push(c);
    return c;
  };
  let accountId: string;
  let userId: string;
  let token: string;
  let revokedToken: string;

  beforeAll(async () => {
    const [user, account, other] = await Promise.all([createTestUser(db), createTestAccount(db), createTestAccount(db)]);
    accountId = account.id;
    userId = user.id;
    token = (await createTestOverlay(db, { userId: user.id, accountId: account.id })).token;
    revokedToken = (await createTestOverlay(db, { userId: user.id, accountId: account.id, revoked: true })).token;
    // A token of another account must not open this account's channel.
    await createTestOverlay(db, { userId: user.id, accountId: other.id });
  });

  afterAll(() => {
    for (const c of clients) c.disconnect();
  });

  it('delivers a server trigger to a subscribed pusher-js client on a public channel', async () => {
    const channel = await subscribe(client(), `health-${uniqueSuffix()}`);
    const received = nextEvent<{ hello: string }>(channel, 'ping');
    await publish(channel.name, 'ping', { hello: 'world' });
    expect(await received).toEqual({ hello: 'world' });
  });

  it('authorises a private overlay channel through the app with a valid token, then delivers to it', async () => {
    const channel = await subscribe(client({ token }), overlayChannel(accountId));
    const received = nextEvent<{ diamonds: number }>(channel, 'gift');
    await publish(overlayChannel(accountId), 'gift', { diamonds: 29999 });
    expect(await received).toEqual({ diamonds: 29999 });
  });

  it('refuses the private channel with no token, a wrong token, a revoked token, or another account', async () => {
    await expect(subscribe(client(), overlayChannel(accountId))).rejects.toMatchObject({ status: 403 });
    await expect(subscribe(client({ token: 'not-a-token' }), overlayChannel(accountId))).rejects.toMatchObject({ status: 403 });
    await expect(subscribe(client({ token: revokedToken }), overlayChannel(accountId))).rejects.toMatchObject({ status: 403 });
    const someoneElse = await createTestAccount(db);
    await expect(subscribe(client({ token }), overlayChannel(someoneElse.id))).rejects.toMatchObject({ status: 403 });
  });

  it('refuses a dashboard channel to a visitor without a session', async () => {
    await expect(subscribe(client(), accountChannel(accountId))).rejects.toMatchObject({ status: 403 });
    await expect(subscribe(client({}, 'next-auth.session-token=forged'), accountChannel(accountId))).rejects.toMatchObject({ status: 403 });
  });

  it('opens a dashboard channel with the session cookie of a user who manages the account, and only then', async () => {
    const session = async (uid: string) => `next-auth.session-token=${await encode({ token: { uid, sub: uid }, secret: process.env.AUTH_SECRET ?? '' })}`;
    await expect(subscribe(client({}, await session(userId)), accountChannel(accountId))).rejects.toMatchObject({ status: 403 });
    await db.managedAccount.create({ data: { userId, accountId } });
    const channel = await subscribe(client({}, await session(userId)), accountChannel(accountId));
    const received = nextEvent<{ viewers: number }>(channel, 'counters');
    await publish(accountChannel(accountId), 'counters', { viewers: 12 });
    expect(await received).toEqual({ viewers: 12 });
    const stranger = await createTestUser(db);
    await expect(subscribe(client({}, await session(stranger.id)), accountChannel(accountId))).rejects.toMatchObject({ status: 403 });
  });

  it('publishes batches larger than Pusher allows per request, in order', async () => {
    const channel = await subscribe(client(), `batch-${uniqueSuffix()}`);
    const seen: number[] = [];
    const all = new Promise<void>((resolve) => {
      channel.bind('n', (data: { i: number }) => {
        seen.push(data.i);
        if (seen.length === 25) resolve();
      });
    });
    await publishBatch(Array.from({ length: 25 }, (_, i) => ({ channel: channel.name, name: 'n', data: { i } })));
    await all;
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it('surfaces a rejection that soketi reports inside a 200 response', async () => {
    await expect(publish(`big-${uniqueSuffix()}`, 'x', { blob: 'x'.repeat(150 * 1024) })).rejects.toBeInstanceOf(RealtimeError);
  });
});
