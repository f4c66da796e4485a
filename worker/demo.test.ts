// Issue 19: two gifter rows shared the handle @kari_109 (the seeded history and luna.streams' demo
// session each drew "kari_109" with an id of its own, so one handle named two viewers); and the demo's
// 6-minute lives every 6.5 minutes took Koji Plays' 7-day earnings from $24–36 to $820–1,229 in 35 minutes.
import { describe, expect, it } from 'vitest';
import { getEnv } from '@/lib/env';
import { generateSession, makeAudience } from '@/lib/live/synth';
import { DEMO_ACCOUNTS, DEMO_DATA_SEED, makeViewers } from '@/lib/seed/demo';
import { createRandom } from '@/lib/seed/random';
import { generateBilibiliSession } from '@/lib/platforms/bilibili/synth';
import { DEMO_BILIBILI } from '@/lib/seed/demo';
import { bilibiliDemoSessionOptions, DEMO_AUDIENCE, DEMO_GIFTS_PER_MINUTE, DEMO_SESSION_MINUTES, demoSessionOptions, demoSessionSeed } from '@/worker/demo';

const WEEK_MINUTES = 7 * 24 * 60;
/** The most a week of one account's demo lives may add: about $165–250 at the default diamond rate, the
 *  order of the seeded history's weeks (Koji Plays: about 7,000 diamonds), not thousands of dollars. */
const MAX_DEMO_DIAMONDS_A_WEEK = 50_000;

describe('demo viewers', () => {
  it('give one handle one TikTok id across the seeded history and every demo session', () => {
    const idOf = new Map<string, string>();
    const conflicts: string[] = [];
    const note = (handle: string, id: string) => {
      const known = idOf.get(handle);
      if (known !== undefined && known !== id) conflicts.push(`@${handle}: ${known} and ${id}`);
      idOf.set(handle, id);
    };
    for (const v of makeViewers(createRandom(DEMO_DATA_SEED), 90)) note(v.handle, v.tiktokUserId);
    for (const account of DEMO_ACCOUNTS) {
      // makeAudience is the first thing a session draws from its seed.
      for (const u of makeAudience(createRandom(demoSessionSeed(account.handle)), DEMO_AUDIENCE)) note(u.handle, u.id);
    }
    expect(idOf.has('kari_109')).toBe(true);
    expect(conflicts).toEqual([]);
  });

  it('give different handles different ids', () => {
    const audience = makeAudience(createRandom(demoSessionSeed('koji.plays')), DEMO_AUDIENCE);
    expect(new Set(audience.map((u) => u.id)).size).toBe(audience.length);
  });
});

describe('demo lives', () => {
  it('come every few hours, at the seeded history’s pace of gifts, so a week stays believable', () => {
    const pauseMinutes = getEnv().DEMO_REPLAY_PAUSE_SECONDS / 60;
    expect(pauseMinutes).toBeGreaterThanOrEqual(120);
    // The monitor waits the pause ±20 %: count a week at the shortest waits.
    const livesAWeek = WEEK_MINUTES / (DEMO_SESSION_MINUTES + pauseMinutes * 0.8);
    expect(DEMO_GIFTS_PER_MINUTE).toBeLessThanOrEqual(2); // the seeded lives' busiest pace
    for (const account of DEMO_ACCOUNTS) {
      const { expected } = generateSession(demoSessionOptions(account.handle));
      expect(expected.diamonds * livesAWeek, account.handle).toBeLessThanOrEqual(MAX_DEMO_DIAMONDS_A_WEEK);
      expect(expected.gifts, account.handle).toBeGreaterThan(0);
    }
  });
});

describe('the Bilibili demo room', () => {
  it('has every kind of paid event and stays a small room (under ¥1,000 a live)', () => {
    const { expected } = generateBilibiliSession(bilibiliDemoSessionOptions(DEMO_BILIBILI.roomId));
    expect(expected.gifts).toBeGreaterThan(0);
    expect(expected.superChats).toBeGreaterThan(0);
    expect(expected.guards).toBeGreaterThan(0);
    // 1,000 gold = ¥1.
    expect(expected.value / 1000).toBeLessThanOrEqual(1000);
  });
});
