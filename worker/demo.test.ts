// Issue 19: two gifter rows shared the handle @kari_109. The seeded history and luna.streams' demo
// session each drew "kari_109" with an id of its own, so one handle named two viewers.
import { describe, expect, it } from 'vitest';
import { makeAudience } from '@/lib/live/synth';
import { DEMO_ACCOUNTS, DEMO_DATA_SEED, makeViewers } from '@/lib/seed/demo';
import { createRandom } from '@/lib/seed/random';
import { DEMO_AUDIENCE, demoSessionSeed } from '@/worker/demo';

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
