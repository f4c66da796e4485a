// Counts profile views for "recently looked up" and "trending" without a database write per request:
// views are summed in memory and written every few seconds (a view or two can be lost in a crash).
import 'server-only';
import type { Db } from '@/lib/db';

const pending = new Map<string, { count: number; last: Date }>();
let timer: NodeJS.Timeout | undefined;

export async function flushLookups(db: Db): Promise<void> {
  const entries = [...pending.entries()];
  pending.clear();
  for (const [handle, { count, last }] of entries) {
    await db.channel.updateMany({ where: { platform: 'tiktok', handle }, data: { lookups: { increment: count }, lastLookedUpAt: last } }).catch(() => undefined);
  }
}

export function recordLookup(db: Db, handle: string, at = new Date(), flushAfterMs = 3000): void {
  const entry = pending.get(handle);
  pending.set(handle, { count: (entry?.count ?? 0) + 1, last: at });
  timer ??= setTimeout(() => {
    timer = undefined;
    void flushLookups(db);
  }, flushAfterMs);
  timer.unref?.();
}
