// Updates published during a replay reach a pusher-js client (the browser SDK) subscribed to the
// account's channel with an overlay's token, through the app's sign-in and channel authorisation, via
// the real soketi.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type PusherClient from 'pusher-js';
import { db } from '@/lib/db';
import { requireDatabaseUrl } from '@/lib/env';
import { createLogger } from '@/lib/logger';
import type { ExpectedTotals } from '@/lib/live/synth';
import { accountChannel } from '@/lib/realtime/channels';
import { createPusher } from '@/lib/realtime/server';
import { createTestOverlay, createTestUser, uniqueSuffix } from '@/tools/testing/factories';
import { createTestClient, subscribe } from '@/tools/testing/realtime-client';
import { runReplay } from '@/worker/replay-run';
import type { LiveCounters } from '@/worker/fanout';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'small-evening.jsonl');
const expected = JSON.parse(fs.readFileSync(FIXTURE.replace(/\.jsonl$/, '.expected.json'), 'utf8')) as ExpectedTotals;
const clients: PusherClient[] = [];

afterAll(() => {
  for (const client of clients) client.disconnect();
});

describe('fan-out during a replay', () => {
  it('delivers every completed gift, the chats, social events and final counters to a pusher-js client', async () => {
    const handle = `fan.${uniqueSuffix()}`;
    const account = await db.channel.create({ data: { handle } });
    const user = await createTestUser(db);
    const { token } = await createTestOverlay(db, { workspaceId: user.workspaceId, accountId: account.id });
    const client = createTestClient({ token });
    clients.push(client);
    const channel = await subscribe(client, accountChannel(account.id));
    const gifts: { diamonds: number; user: { handle: string } }[] = [];
    const chats: { content: string }[] = [];
    const socials: { kind: string }[] = [];
    let counters: LiveCounters | undefined;
    channel.bind('gift', (data: { diamonds: number; user: { handle: string } }) => gifts.push(data));
    channel.bind('chat', (data: { content: string }) => chats.push(data));
    channel.bind('social', (data: { kind: string }) => socials.push(data));
    channel.bind('counters', (data: LiveCounters) => {
      counters = data;
    });
    const statuses: string[] = [];
    channel.bind('live-status', (data: { state: string }) => statuses.push(data.state));

    // Real-time pacing ×20 keeps the publish rate realistic (3 minutes in 9 seconds).
    await runReplay({ file: FIXTURE, handle, speed: 20, db, databaseUrl: requireDatabaseUrl(), pusher: createPusher(), log: createLogger('fanout-test') });
    // Wait for the last counters, not the first with every diamond: likes go on after the last gift (a
    // run once stopped waiting at 6,325 of 6,379 likes).
    const final = (c: LiveCounters | undefined) => c?.diamonds === expected.diamonds && c.gifts === expected.gifts && c.likes === expected.likes && c.comments === expected.comments;
    const deadline = Date.now() + 10_000;
    while ((gifts.length < expected.gifts || !final(counters)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));

    expect(gifts).toHaveLength(expected.gifts);
    expect(gifts.reduce((sum, g) => sum + g.diamonds, 0)).toBe(expected.diamonds);
    expect(chats).toHaveLength(expected.comments);
    expect(socials.filter((s) => s.kind === 'follow')).toHaveLength(expected.follows);
    expect(counters).toMatchObject({ diamonds: expected.diamonds, gifts: expected.gifts, likes: expected.likes, comments: expected.comments });
    expect(statuses).toEqual(['live', 'offline']);
  }, 60_000);
});
