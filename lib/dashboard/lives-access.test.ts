// The live pages and the chat and export routes rely on these helpers to hide other people's lives:
// anything that is not a live or account of the user's workspace must be NOT_FOUND, never FORBIDDEN or a 500.
import { beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/api/errors';
import { db } from '@/lib/db';
import { requireWatchedAccount, requireWatchedLive } from '@/lib/dashboard/access';
import { requireOwnLive } from '@/lib/dashboard/lives';
import { createTestAccount, createTestUser, uniqueSuffix, watchTestAccount } from '@/tools/testing/factories';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return isAppError(error) ? error.code : `unexpected: ${String(error)}`;
  }
}

let world: { ownerId: string; strangerId: string; accountId: string; liveId: string };
beforeAll(async () => {
  const [owner, stranger] = await Promise.all([createTestUser(db), createTestUser(db)]);
  const account = await createTestAccount(db);
  await watchTestAccount(db, owner.workspaceId, account.id);
  const live = await db.live.create({ data: { accountId: account.id, roomId: `acc${uniqueSuffix()}${uniqueSuffix()}`, startedAt: new Date() } });
  world = { ownerId: owner.workspaceId, strangerId: stranger.workspaceId, accountId: account.id, liveId: live.id.toString() };
});

describe('live and account access', () => {
  it('gives the owner the live with its account, and another user NOT_FOUND', async () => {
    const live = await requireWatchedLive(db, world.ownerId, world.liveId);
    expect(live.account.id).toBe(world.accountId);
    expect(await codeOf(requireWatchedLive(db, world.strangerId, world.liveId))).toBe('NOT_FOUND');
    expect(await codeOf(requireWatchedAccount(db, world.strangerId, world.accountId))).toBe('NOT_FOUND');
  });

  it('treats malformed and unknown live ids as NOT_FOUND', async () => {
    for (const id of ['', 'abc', '-1', '1.5', ' 1', '1;DROP TABLE lives', '0x10', '12345678901234567890', '999999999999']) {
      expect(await codeOf(requireWatchedLive(db, world.ownerId, id)), `live id ${JSON.stringify(id)}`).toBe('NOT_FOUND');
    }
  });

  // requireWatchedLive alone lets Prisma throw on these (its regex allows any 19 digits); the pages and
  // routes of the lives section go through requireOwnLive.
  it('treats ids beyond the bigint range as NOT_FOUND through requireOwnLive', async () => {
    for (const id of ['9223372036854775808', '9999999999999999999', 'abc', '12345678901234567890']) {
      expect(await codeOf(requireOwnLive(db, world.ownerId, id)), `live id ${id}`).toBe('NOT_FOUND');
    }
    expect(await codeOf(requireOwnLive(db, world.strangerId, world.liveId))).toBe('NOT_FOUND');
    expect(await codeOf(requireOwnLive(db, world.ownerId, '9223372036854775807'))).toBe('NOT_FOUND');
    expect((await requireOwnLive(db, world.ownerId, world.liveId)).id.toString()).toBe(world.liveId);
  });
});
