// Clusters: a workspace's named groups of the accounts it watches (an agency's streamers), with combined
// LIVE statistics. Another workspace's cluster is "not found", like every other dashboard id.
//
// A member stays in cluster_accounts if the workspace later stops watching the account; it is hidden from
// lists and statistics (rather than deleted) so watching it again brings it back where it was.
import 'server-only';
import { z } from 'zod';
import { AppError } from '@/lib/api/errors';
import type { Db } from '@/lib/db';
import { estimateValueUsd } from '@/lib/dashboard/value';
import type { Platform } from '@/lib/platforms/events';
import type { UsdRange } from '@/lib/stats/estimates';

export const CLUSTER_NAME_MAX = 60;
export const CLUSTER_PERIODS = ['7d', '30d'] as const;
export type ClusterPeriod = (typeof CLUSTER_PERIODS)[number];
const PERIOD_DAYS: Record<ClusterPeriod, number> = { '7d': 7, '30d': 30 };
const DAY_MS = 86_400_000;
export const DUPLICATE_NAME = 'This workspace already has a cluster with that name.';

export type ClusterMember = { accountId: string; platform: Platform; handle: string; nickname: string | null; avatarUrl: string | null };
export type ClusterSummary = { id: string; name: string; createdAt: string; accounts: ClusterMember[] };

export type ClusterStats = {
  lives: number;
  hoursLive: number;
  /** TikTok lives' diamonds and Bilibili lives' gold coins, kept apart: the units differ. */
  diamonds: number;
  gold: number;
  /** Both together, in USD (each unit at its own rate). */
  earnings: UsdRange;
  likes: number;
  comments: number;
  newFollowers: number;
  peakViewers: number;
};
export type ClusterAccountRow = ClusterMember & ClusterStats;
export type ClusterOverview = { cluster: ClusterSummary; period: ClusterPeriod; since: string; totals: ClusterStats; accounts: ClusterAccountRow[] };

/**
 * Request body fields for the cluster routes. Only shape and size here: trimming, the 1–60 rule and
 * ownership are checked by the functions below, so every caller gets the same messages.
 */
export const clusterBodyFields = {
  name: z.string({ message: 'must be text' }).max(200, `must be at most ${CLUSTER_NAME_MAX} characters`),
  accountIds: z.array(z.string().min(1).max(64)).max(500, 'a cluster can hold at most 500 accounts'),
};

const memberSelect = { account: { select: { id: true, platform: true, handle: true, nickname: true, avatarUrl: true } } } as const;

/** A cluster name trimmed and checked (1–60 characters), or BAD_REQUEST saying what is wrong. */
export function normaliseClusterName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw new AppError('BAD_REQUEST', 'Give the cluster a name.');
  if (trimmed.length > CLUSTER_NAME_MAX) throw new AppError('BAD_REQUEST', `A cluster name can be at most ${CLUSTER_NAME_MAX} characters.`);
  return trimmed;
}

/** The distinct account ids, or BAD_REQUEST when any of them is not watched by the workspace. */
async function requireManagedIds(db: Db, workspaceId: string, accountIds: readonly string[]): Promise<string[]> {
  const ids = [...new Set(accountIds)];
  if (ids.length === 0) return ids;
  const managed = await db.workspaceAccount.count({ where: { workspaceId, accountId: { in: ids } } });
  if (managed !== ids.length) throw new AppError('BAD_REQUEST', 'A cluster can only hold accounts this workspace watches; remove the others and try again.');
  return ids;
}

async function requireOwnCluster(db: Db, workspaceId: string, clusterId: string) {
  const cluster = await db.cluster.findFirst({ where: { id: clusterId, workspaceId }, select: { id: true } });
  if (!cluster) throw new AppError('NOT_FOUND', 'No such cluster.');
  return cluster;
}

async function assertNameFree(db: Db, workspaceId: string, name: string, exceptId?: string): Promise<void> {
  const clash = await db.cluster.findFirst({ where: { workspaceId, name, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (clash) throw new AppError('CONFLICT', DUPLICATE_NAME);
}

/** The unique (workspace_id, name) index catches two requests racing past assertNameFree. */
function isDuplicateName(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'P2002';
}

async function loadSummary(db: Db, workspaceId: string, clusterId: string): Promise<ClusterSummary> {
  const cluster = await db.cluster.findFirst({
    where: { id: clusterId, workspaceId },
    include: { accounts: { where: { account: { watchers: { some: { workspaceId } } } }, select: memberSelect } },
  });
  if (!cluster) throw new AppError('NOT_FOUND', 'No such cluster.');
  return toSummary(cluster);
}

function toSummary(cluster: { id: string; name: string; createdAt: Date; accounts: { account: { id: string; platform: Platform; handle: string; nickname: string | null; avatarUrl: string | null } }[] }): ClusterSummary {
  const accounts = cluster.accounts
    .map(({ account }) => ({ accountId: account.id, platform: account.platform, handle: account.handle, nickname: account.nickname, avatarUrl: account.avatarUrl }))
    .sort((a, b) => a.handle.localeCompare(b.handle));
  return { id: cluster.id, name: cluster.name, createdAt: cluster.createdAt.toISOString(), accounts };
}

/** The workspace's clusters by name, each with the accounts in it that the workspace still watches. */
export async function listClusters(db: Db, workspaceId: string): Promise<ClusterSummary[]> {
  const clusters = await db.cluster.findMany({
    where: { workspaceId },
    orderBy: { name: 'asc' },
    include: { accounts: { where: { account: { watchers: { some: { workspaceId } } } }, select: memberSelect } },
  });
  return clusters.map(toSummary);
}

/** The accounts the workspace may put in a cluster: the ones it watches, by handle. */
export async function listClusterCandidates(db: Db, workspaceId: string): Promise<ClusterMember[]> {
  const accounts = await db.channel.findMany({
    where: { watchers: { some: { workspaceId } } },
    orderBy: { handle: 'asc' },
    select: { id: true, platform: true, handle: true, nickname: true, avatarUrl: true },
  });
  return accounts.map((a) => ({ accountId: a.id, platform: a.platform, handle: a.handle, nickname: a.nickname, avatarUrl: a.avatarUrl }));
}

/** The cluster with its visible members, or NOT_FOUND. */
export function getCluster(db: Db, workspaceId: string, clusterId: string): Promise<ClusterSummary> {
  return loadSummary(db, workspaceId, clusterId);
}

export async function createCluster(db: Db, workspaceId: string, name: string, accountIds: readonly string[], options?: { createdById?: string }): Promise<ClusterSummary> {
  const cleanName = normaliseClusterName(name);
  const ids = await requireManagedIds(db, workspaceId, accountIds);
  await assertNameFree(db, workspaceId, cleanName);
  try {
    const cluster = await db.cluster.create({ data: { workspaceId, createdById: options?.createdById ?? null, name: cleanName, accounts: { create: ids.map((accountId) => ({ accountId })) } } });
    return await loadSummary(db, workspaceId, cluster.id);
  } catch (error) {
    if (isDuplicateName(error)) throw new AppError('CONFLICT', DUPLICATE_NAME);
    throw error;
  }
}

/**
 * Renames and/or replaces the members of a cluster. Everything is checked before anything is written,
 * so a bad member list does not leave the rename half-done.
 */
export async function updateCluster(db: Db, workspaceId: string, clusterId: string, changes: { name?: string; accountIds?: readonly string[] }): Promise<ClusterSummary> {
  await requireOwnCluster(db, workspaceId, clusterId);
  const cleanName = changes.name === undefined ? undefined : normaliseClusterName(changes.name);
  const ids = changes.accountIds === undefined ? undefined : await requireManagedIds(db, workspaceId, changes.accountIds);
  if (cleanName !== undefined) await assertNameFree(db, workspaceId, cleanName, clusterId);
  try {
    await db.$transaction([
      ...(cleanName === undefined ? [] : [db.cluster.update({ where: { id: clusterId }, data: { name: cleanName } })]),
      ...(ids === undefined
        ? []
        : [
            // Members the workspace no longer watches are left alone: they are hidden, not this list's to drop.
            db.clusterAccount.deleteMany({ where: { clusterId, accountId: { notIn: ids }, account: { watchers: { some: { workspaceId } } } } }),
            db.clusterAccount.createMany({ data: ids.map((accountId) => ({ clusterId, accountId })), skipDuplicates: true }),
          ]),
    ]);
  } catch (error) {
    if (isDuplicateName(error)) throw new AppError('CONFLICT', DUPLICATE_NAME);
    throw error;
  }
  return loadSummary(db, workspaceId, clusterId);
}

export function renameCluster(db: Db, workspaceId: string, clusterId: string, name: string): Promise<ClusterSummary> {
  return updateCluster(db, workspaceId, clusterId, { name });
}

export function setClusterAccounts(db: Db, workspaceId: string, clusterId: string, accountIds: readonly string[]): Promise<ClusterSummary> {
  return updateCluster(db, workspaceId, clusterId, { accountIds });
}

export async function deleteCluster(db: Db, workspaceId: string, clusterId: string): Promise<void> {
  const { count } = await db.cluster.deleteMany({ where: { id: clusterId, workspaceId } });
  if (count === 0) throw new AppError('NOT_FOUND', 'No such cluster.');
}

type StatsSqlRow = { account_id: string; lives: number; seconds: number; diamonds: bigint; likes: bigint; comments: bigint; follows: bigint; peak: number };

function emptyStats(): Omit<ClusterStats, 'earnings'> {
  return { lives: 0, hoursLive: 0, diamonds: 0, gold: 0, likes: 0, comments: 0, newFollowers: 0, peakViewers: 0 };
}

/**
 * Combined and per-account LIVE statistics of the lives started in the last 7 or 30 days (a rolling
 * window, as on /top). A live still running counts up to `now`. The totals are the sum of the rows
 * (peak viewers: their maximum), so the table always adds up.
 */
export async function getClusterOverview(db: Db, workspaceId: string, clusterId: string, options: { period: ClusterPeriod; now?: Date }): Promise<ClusterOverview> {
  const cluster = await loadSummary(db, workspaceId, clusterId);
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - PERIOD_DAYS[options.period] * DAY_MS);
  const ids = cluster.accounts.map((a) => a.accountId);

  // Reads lives through its (account_id, started_at) index; sums are cast because SUM(bigint) is numeric.
  const rows =
    ids.length === 0
      ? []
      : await db.$queryRaw<StatsSqlRow[]>`
          SELECT account_id, COUNT(*)::int AS lives,
                 COALESCE(SUM(EXTRACT(EPOCH FROM (COALESCE(ended_at, ${now}) - started_at))), 0)::float8 AS seconds,
                 COALESCE(SUM(diamonds), 0)::bigint AS diamonds, COALESCE(SUM(likes), 0)::bigint AS likes,
                 COALESCE(SUM(comments), 0)::bigint AS comments, COALESCE(SUM(follows), 0)::bigint AS follows,
                 COALESCE(MAX(peak_viewers), 0)::int AS peak
          FROM lives
          WHERE account_id = ANY(${ids}::text[]) AND started_at >= ${since} AND started_at <= ${now}
          GROUP BY account_id`;

  const byAccount = new Map(rows.map((r) => [r.account_id, r]));
  const accounts: ClusterAccountRow[] = cluster.accounts.map((member) => {
    const r = byAccount.get(member.accountId);
    // lives.diamonds is in the channel's unit: a Bilibili channel's value is gold.
    const value = r ? Number(r.diamonds) : 0;
    const tiktok = member.platform === 'tiktok';
    const stats = r
      ? { lives: r.lives, hoursLive: r.seconds / 3600, diamonds: tiktok ? value : 0, gold: tiktok ? 0 : value, likes: Number(r.likes), comments: Number(r.comments), newFollowers: Number(r.follows), peakViewers: r.peak }
      : emptyStats();
    return { ...member, ...stats, earnings: estimateValueUsd(member.platform, value) };
  });

  const sum = accounts.reduce((acc, a) => ({
    lives: acc.lives + a.lives,
    hoursLive: acc.hoursLive + a.hoursLive,
    diamonds: acc.diamonds + a.diamonds,
    gold: acc.gold + a.gold,
    likes: acc.likes + a.likes,
    comments: acc.comments + a.comments,
    newFollowers: acc.newFollowers + a.newFollowers,
    peakViewers: Math.max(acc.peakViewers, a.peakViewers),
  }), emptyStats());
  const diamondsUsd = estimateValueUsd('tiktok', sum.diamonds);
  const goldUsd = estimateValueUsd('bilibili', sum.gold);
  const earnings = { low: diamondsUsd.low + goldUsd.low, mid: diamondsUsd.mid + goldUsd.mid, high: diamondsUsd.high + goldUsd.high };
  return { cluster, period: options.period, since: since.toISOString(), totals: { ...sum, earnings }, accounts };
}
