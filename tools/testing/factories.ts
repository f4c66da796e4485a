// Small builders for test rows with unique keys, so test files can share one database.
import { randomBytes } from 'node:crypto';
import type { Db } from '@/lib/db';
import type { OverlayKind } from '@/lib/overlays/settings';
import type { WorkspaceRole } from '@/lib/workspaces/roles';

export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

export async function createTestAccount(db: Db, handle = `test.${uniqueSuffix()}`) {
  return db.channel.create({ data: { handle, nickname: `Test ${handle}` } });
}

/** A user with their personal workspace (`workspaceId`), as sign-up makes them. */
export async function createTestUser(db: Db, email = `user-${uniqueSuffix()}@example.test`) {
  const user = await db.user.create({ data: { email, passwordHash: 'not-a-real-hash' } });
  const workspace = await db.workspace.create({ data: { name: email, personal: true, members: { create: { userId: user.id, role: 'OWNER' } } } });
  await db.user.update({ where: { id: user.id }, data: { currentWorkspaceId: workspace.id } });
  return { ...user, workspaceId: workspace.id };
}

/** Adds `userId` to a workspace with `role`. */
export async function addTestMember(db: Db, workspaceId: string, userId: string, role: WorkspaceRole = 'MEMBER') {
  return db.workspaceMember.create({ data: { workspaceId, userId, role } });
}

/**
 * The workspace starts watching the account. ON CONFLICT DO NOTHING, not Prisma's upsert (a read, then an
 * insert): tests make several overlays of one workspace and account at once, and two upserts racing
 * both inserted, the second failing on the unique key.
 */
export async function watchTestAccount(db: Db, workspaceId: string, accountId: string): Promise<void> {
  await db.workspaceAccount.createMany({ data: [{ workspaceId, accountId }], skipDuplicates: true });
}

export async function createTestOverlay(db: Db, options: { workspaceId: string; accountId: string; createdById?: string; revoked?: boolean; kind?: OverlayKind; settings?: object; watch?: boolean }) {
  if (options.watch !== false) await watchTestAccount(db, options.workspaceId, options.accountId);
  return db.overlay.create({
    data: {
      workspaceId: options.workspaceId,
      createdById: options.createdById ?? null,
      accountId: options.accountId,
      kind: options.kind ?? 'GIFT_ALERTS',
      name: 'Test overlay',
      settings: options.settings ?? {},
      token: randomBytes(24).toString('base64url'),
      revokedAt: options.revoked ? new Date() : null,
    },
  });
}

/** The actor (user in their personal workspace) for functions that record who made something. */
export function actorOf(user: { id: string; workspaceId: string }) {
  return { userId: user.id, workspaceId: user.workspaceId };
}

/**
 * Waits, if needed, so that the next `needMs` fit inside one fixed rate-limit window of `windowSeconds`
 * (lib/rate-limit.ts counts in fixed windows: a run of requests that straddles an edge starts a new count).
 */
export async function withinOneWindow(windowSeconds: number, needMs = 15_000): Promise<void> {
  const windowMs = windowSeconds * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < needMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

/**
 * The live_viewers gift counters the writer would have kept for gifts a test inserted directly (one gift
 * and its diamonds per gifts row, per live and viewer), for reads that use them (the live's top gifters).
 */
export async function rollUpTestGifts(db: Db, liveIds: readonly bigint[]) {
  return db.$executeRaw`
    INSERT INTO live_viewers (live_id, viewer_id, diamonds, gifts)
    SELECT live_id, viewer_id, sum(diamonds), count(*)::int FROM gifts WHERE live_id = ANY(${liveIds.map(String)}::bigint[]) GROUP BY live_id, viewer_id
    ON CONFLICT (live_id, viewer_id) DO UPDATE SET diamonds = EXCLUDED.diamonds, gifts = EXCLUDED.gifts`;
}
