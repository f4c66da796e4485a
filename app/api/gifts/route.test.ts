// GET /api/gifts end to end (the real handler, Postgres): the gifts the worker has seen merged with the
// catalogue, bounded by its limit and search, and refused signed out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteHandler } from '@/lib/api/route';
import { db } from '@/lib/db';
import type { GiftChoice } from '@/lib/tiktok/gift-choices';
import { createTestUser } from '@/tools/testing/factories';
import { sessionCookie } from '@/tools/testing/realtime-client';
import * as gifts from '@/app/api/gifts/route';

// Ids and names no real gift has, so this file owns its rows.
const TAG = `t${Date.now().toString(36)}`;
const SEEN = [
  { giftId: `${TAG}-1`, name: `Zebra ${TAG}`, diamondCount: 3, imageUrl: 'https://p16.example/zebra.webp' },
  { giftId: `${TAG}-2`, name: `Aurora ${TAG}`, diamondCount: 3, imageUrl: null },
  { giftId: `${TAG}-3`, name: `Castle ${TAG}`, diamondCount: 20_000, imageUrl: null },
];

async function get(url: string, cookie?: string): Promise<Response> {
  const handler: RouteHandler = gifts.GET;
  return handler(new Request(`http://localhost${url}`, { headers: cookie ? { cookie } : {} }), { params: Promise.resolve({}) });
}

describe('GET /api/gifts', () => {
  let cookie = '';
  beforeAll(async () => {
    await db.giftType.createMany({ data: SEEN, skipDuplicates: true });
    cookie = await sessionCookie((await createTestUser(db)).id);
  });
  afterAll(async () => {
    await db.giftType.deleteMany({ where: { giftId: { in: SEEN.map((g) => g.giftId) } } });
  });

  it('lists the seen gifts with the catalogue’s, bounded and searchable', async () => {
    const found = (await (await get(`/api/gifts?q=${TAG}`, cookie)).json()) as { gifts: GiftChoice[] };
    expect(found.gifts.map((g) => g.name)).toEqual([`Aurora ${TAG}`, `Zebra ${TAG}`, `Castle ${TAG}`]);
    expect(found.gifts[1]).toMatchObject({ diamondCount: 3, imageUrl: 'https://p16.example/zebra.webp', emoji: '🎁' });
    const few = (await (await get('/api/gifts?limit=4', cookie)).json()) as { gifts: GiftChoice[] };
    expect(few.gifts).toHaveLength(4);
    const all = (await (await get('/api/gifts', cookie)).json()) as { gifts: GiftChoice[] };
    expect(all.gifts.map((g) => g.giftId)).toContain('5655');
  });

  it('refuses a limit over the bound, a long search, and a signed-out caller', async () => {
    expect((await get('/api/gifts?limit=101', cookie)).status).toBe(400);
    expect((await get(`/api/gifts?q=${'x'.repeat(61)}`, cookie)).status).toBe(400);
    expect((await get('/api/gifts')).status).toBe(401);
  });
});
