import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createTestAccount, uniqueSuffix } from '@/tools/testing/factories';
import { latestChats } from './latest-chats';

describe('latestChats', () => {
  it('returns the newest chats first with their senders, and a chat whose sender row is missing with an unnamed sender', async () => {
    const account = await createTestAccount(db);
    const live = await db.live.create({ data: { accountId: account.id, roomId: `79${Date.now()}${uniqueSuffix()}`.slice(0, 19), startedAt: new Date() } });
    const luna = await db.viewer.create({ data: { tiktokUserId: `69${Date.now()}${uniqueSuffix()}`, handle: 'luna', nickname: 'Luna' } });
    const at = (s: number) => new Date(Date.parse('2026-11-01T20:00:00Z') + s * 1000);
    await db.chat.createMany({
      data: [
        { liveId: live.id, accountId: account.id, viewerId: luna.id, msgId: '1', content: 'first', createdAt: at(1) },
        { liveId: live.id, accountId: account.id, viewerId: luna.id, msgId: '2', content: 'second', createdAt: at(2) },
        // chats has no foreign key to viewers any more: a row pointing nowhere must still be shown.
        { liveId: live.id, accountId: account.id, viewerId: 987654321987n, msgId: '3', content: 'orphan', createdAt: at(3) },
      ],
    });

    const chats = await latestChats(db, live.id, 2);
    expect(chats.map((c) => c.content)).toEqual(['orphan', 'second']);
    expect(chats[0]?.viewer).toEqual({ tiktokUserId: 'unknown-987654321987', handle: null, nickname: null, avatarUrl: null });
    expect(chats[1]?.viewer).toMatchObject({ tiktokUserId: luna.tiktokUserId, handle: 'luna', nickname: 'Luna' });
    expect(await latestChats(db, -1n, 50)).toEqual([]);
  });

  it("deletes a viewer's chats with the viewer (trigger, no foreign key)", async () => {
    const account = await createTestAccount(db);
    const live = await db.live.create({ data: { accountId: account.id, roomId: `80${Date.now()}${uniqueSuffix()}`.slice(0, 19), startedAt: new Date() } });
    const [gone, stays] = await Promise.all([0, 1].map((i) => db.viewer.create({ data: { tiktokUserId: `70${i}${Date.now()}${uniqueSuffix()}` } })));
    if (!gone || !stays) throw new Error('viewers not created');
    await db.chat.createMany({ data: [gone, stays].map((v, i) => ({ liveId: live.id, accountId: account.id, viewerId: v.id, msgId: String(i), content: 'hi', createdAt: new Date() })) });
    await db.viewer.delete({ where: { id: gone.id } });
    expect(await db.chat.findMany({ where: { liveId: live.id }, select: { viewerId: true } })).toEqual([{ viewerId: stays.id }]);
  });
});
