// ensureLive: the live row of a room, keyed by its channel's platform and room id (a room id is unique per
// platform only), reopened by a reconnect, refused to another channel of the same platform.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createTestAccount, uniqueSuffix } from '@/tools/testing/factories';
import { ensureLive } from '@/worker/room';

describe('ensureLive', () => {
  it('keys a live on its channel’s platform and room id, and reopens it on a reconnect', async () => {
    const roomId = `75${Date.now()}${uniqueSuffix().replace(/\D/g, '7')}`;
    const tiktok = await createTestAccount(db);
    const bili = await db.channel.create({ data: { platform: 'bilibili', handle: `9${Date.now()}`, roomId } });
    const startedAt = new Date('2026-12-01T18:00:00Z');

    const first = await ensureLive(db, tiktok.id, roomId, startedAt, 'Evening');
    expect(first).toMatchObject({ accountId: tiktok.id, platform: 'tiktok', roomId, title: 'Evening' });
    // The same room id on Bilibili is another live.
    const other = await ensureLive(db, bili.id, roomId, startedAt);
    expect(other).toMatchObject({ accountId: bili.id, platform: 'bilibili', roomId });
    expect(other.id).not.toBe(first.id);

    await db.live.update({ where: { id: first.id }, data: { endedAt: new Date(), endReason: 'stale' } });
    const again = await ensureLive(db, tiktok.id, roomId, new Date());
    expect(again).toMatchObject({ id: first.id, endedAt: null, endReason: null, startedAt });

    const stranger = await createTestAccount(db);
    await expect(ensureLive(db, stranger.id, roomId, startedAt)).rejects.toThrow(`room ${roomId} belongs to another account (${tiktok.id})`);
  });
});
