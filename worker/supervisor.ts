// Decides which accounts this worker watches. Every enabled tracked account is held by one worker at a
// time through a lease row (worker id + expiry) taken with FOR UPDATE SKIP LOCKED and renewed on every
// cycle; a worker that dies stops renewing, its leases expire, and another worker takes them on its
// next cycle (TTL 30 s + cycle 10 s: well within a minute). Leases of accounts that were disabled or
// taken over are dropped, and their rooms closed.
//
// Shares: each live worker (heartbeat fresher than the lease TTL) aims at the fair share of the tracked
// accounts (worker/shares.ts: ceil(total ÷ live workers), capped by capacity). A worker under it takes
// free accounts; one over it gives up the excess, a few per cycle. A handover is ordered so no event is
// lost or written twice: the room is closed (its last events, open streaks included, are queued), the
// write pipeline writes everything queued so far, and only then is the lease deleted; the next holder
// takes only free leases, so it connects after that. What it then receives again (a reconnect, a
// replay's catch-up) is skipped by the writer's message-id keys.
import type { Db } from '@/lib/db';
import type { Logger } from '@/lib/logger';
import { AccountMonitor, type MonitorDeps, type MonitoredAccount } from '@/worker/monitor';
import { pickReleases, shareTargets } from '@/worker/shares';

export type SupervisorOptions = {
  db: Db;
  workerId: string;
  log: Logger;
  monitor: MonitorDeps;
  /** Most accounts one worker holds. */
  capacity: number;
  leaseTtlMs: number;
  cycleMs: number;
  /** Take at most this many new leases per cycle, so several workers starting together share. */
  takePerCycle?: number;
  /** Which kinds of tracked account to watch ('tiktok', 'bilibili', and 'replay' for the demo). */
  sources: string[];
  /** Give up at most this many accounts per cycle when over the share (default 10). */
  releasePerCycle?: number;
  /**
   * Resolves true once every event queued so far is written (the write pipeline's settle()); a handover
   * deletes the lease only then. Without it (tests of the supervisor alone) leases go at once.
   */
  settle?: (timeoutMs: number) => Promise<boolean>;
};

type ShareRow = { accounts: number; workers: { id: string; capacity: number | null }[] };
type LeasedRow = {
  account_id: string;
  handle: string;
  platform: MonitoredAccount['platform'];
  channel_room_id: string | null;
  source: string;
  replay_file: string | null;
  room_id: string | null;
  error_count: number;
  next_check_at: Date;
  check_requested_at: Date | null;
};

export class Supervisor {
  private readonly monitors = new Map<string, AccountMonitor>();
  private readonly seenCheckRequests = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private cycling: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: SupervisorOptions) {}

  get held(): string[] {
    return [...this.monitors.keys()];
  }

  get liveRooms(): number {
    return [...this.monitors.values()].filter((m) => m.state === 'LIVE').length;
  }

  async start(): Promise<void> {
    // A process that is just starting watches nothing, so leases under its id are a predecessor's (one
    // that was killed, with the same WORKER_ID). Renewing them would keep those accounts from every
    // worker without watching them: give them up, and the first cycle takes them as free ones.
    const released = await this.options.db.lease.deleteMany({ where: { workerId: this.options.workerId } });
    if (released.count > 0) this.options.log.info('released leases left by an earlier process with this worker id', { count: released.count });
    await this.cycle();
    this.timer = setInterval(() => {
      this.cycling ??= this.cycle().finally(() => (this.cycling = undefined));
    }, this.options.cycleMs);
  }

  /** Renews held leases, drops lost ones, takes free ones, and passes on "check now" requests. */
  async cycle(): Promise<void> {
    if (this.stopped) return;
    const { db, workerId, leaseTtlMs, log } = this.options;
    const ttlSeconds = leaseTtlMs / 1000;
    try {
      // Only the leases of accounts this process watches: one it holds without watching must expire.
      const renewed = await db.$queryRaw<{ account_id: string }[]>`
        UPDATE leases l SET expires_at = now() + make_interval(secs => ${ttlSeconds})
        FROM tracked_accounts t
        WHERE l.worker_id = ${workerId} AND l.account_id = ANY(${[...this.monitors.keys()]}::text[]) AND t.account_id = l.account_id AND t.enabled
        RETURNING l.account_id`;
      const keep = new Set(renewed.map((r) => r.account_id));
      for (const [accountId, monitor] of this.monitors) {
        if (!keep.has(accountId)) {
          log.info('lease lost or account disabled; stopping', { handle: monitor.account.handle });
          this.monitors.delete(accountId);
          await monitor.stop();
        }
      }
      await db.$executeRaw`DELETE FROM leases l WHERE l.worker_id = ${workerId} AND NOT EXISTS (SELECT 1 FROM tracked_accounts t WHERE t.account_id = l.account_id AND t.enabled)`;

      const target = await this.targetShare();
      const excess = this.monitors.size - target;
      if (excess > 0) await this.release(excess);
      const room = Math.max(0, target - this.monitors.size);
      const take = Math.min(room, this.options.takePerCycle ?? 50);
      if (take > 0) {
        const taken = await db.$queryRaw<LeasedRow[]>`
          WITH free AS (
            SELECT t.account_id FROM tracked_accounts t
            LEFT JOIN leases l ON l.account_id = t.account_id
            WHERE t.enabled AND t.source = ANY(${this.options.sources}) AND (l.account_id IS NULL OR l.expires_at < now())
            ORDER BY t.next_check_at
            LIMIT ${take}
            FOR UPDATE OF t SKIP LOCKED
          ), leased AS (
            INSERT INTO leases (account_id, worker_id, expires_at, taken_at)
            SELECT account_id, ${workerId}, now() + make_interval(secs => ${ttlSeconds}), now() FROM free
            ON CONFLICT (account_id) DO UPDATE SET worker_id = EXCLUDED.worker_id, expires_at = EXCLUDED.expires_at, taken_at = EXCLUDED.taken_at
            WHERE leases.expires_at < now()
            RETURNING account_id
          )
          SELECT t.account_id, a.handle, a.platform::text AS platform, a.room_id AS channel_room_id, t.source, t.replay_file, t.room_id, t.error_count, t.next_check_at, t.check_requested_at
          FROM leased JOIN tracked_accounts t USING (account_id) JOIN channels a ON a.id = t.account_id`;
        for (const row of taken) {
          if (this.monitors.has(row.account_id)) continue;
          const account: MonitoredAccount = { id: row.account_id, handle: row.handle, platform: row.platform, channelRoomId: row.channel_room_id, source: row.source, replayFile: row.replay_file };
          const monitor = new AccountMonitor(account, this.options.monitor, { roomId: row.room_id, errorCount: row.error_count, nextCheckAt: row.next_check_at });
          this.monitors.set(row.account_id, monitor);
          this.seenCheckRequests.set(row.account_id, row.check_requested_at?.getTime() ?? 0);
          log.info('watching account', { handle: row.handle, source: row.source });
          monitor.start();
        }
      }

      if (this.monitors.size > 0) {
        const requests = await db.trackedAccount.findMany({
          where: { accountId: { in: [...this.monitors.keys()] }, checkRequestedAt: { not: null } },
          select: { accountId: true, checkRequestedAt: true },
        });
        for (const request of requests) {
          const at = request.checkRequestedAt?.getTime() ?? 0;
          if (at > (this.seenCheckRequests.get(request.accountId) ?? 0)) {
            this.seenCheckRequests.set(request.accountId, at);
            this.monitors.get(request.accountId)?.requestCheck();
          }
        }
        await Promise.all([...this.monitors.values()].map((m) => m.persist()));
      }
    } catch (error) {
      // Rooms keep running (their events queue); leases are renewed on the next cycle that reaches
      // the database, and stay valid for the TTL meanwhile.
      log.warn('supervisor cycle failed', { error });
    }
  }

  /**
   * This worker's share of the live workers' split (shareTargets; its own place included, whether or not
   * its heartbeat has been written yet), capped by its own capacity.
   */
  private async targetShare(): Promise<number> {
    const { db, workerId, leaseTtlMs, capacity, sources } = this.options;
    const [row] = await db.$queryRaw<ShareRow[]>`
      SELECT
        (SELECT count(*)::int FROM tracked_accounts t WHERE t.enabled AND t.source = ANY(${sources})) AS accounts,
        coalesce((SELECT json_agg(json_build_object('id', h.worker_id, 'capacity', (h.info->>'capacity')::int)) FROM worker_heartbeats h
              WHERE h.worker_id <> ${workerId} AND h.stopped_at IS NULL AND h.last_seen_at > now() - make_interval(secs => ${leaseTtlMs / 1000})), '[]'::json) AS workers`;
    // A worker that does not state its capacity is taken to have ours.
    const others = (row?.workers ?? []).map((w) => ({ id: w.id, capacity: w.capacity ?? capacity }));
    const targets = shareTargets(row?.accounts ?? 0, [{ id: workerId, capacity }, ...others]);
    return Math.min(capacity, targets.get(workerId) ?? 0);
  }

  /** Hands `excess` accounts (at most releasePerCycle) over: close, write their events, then free the lease. */
  private async release(excess: number): Promise<void> {
    const { db, workerId, log, leaseTtlMs } = this.options;
    const held = [...this.monitors.entries()].map(([id, m]) => ({ id, live: m.state === 'LIVE' }));
    const ids = pickReleases(held, Math.min(excess, this.options.releasePerCycle ?? 10));
    const monitors = ids.flatMap((id) => {
      const monitor = this.monitors.get(id);
      this.monitors.delete(id);
      return monitor ? [monitor] : [];
    });
    // Closing a room queues its last events (streaks still open) and stores its state (room id included,
    // which the next holder reconnects to).
    await Promise.all(monitors.map((m) => m.stop()));
    if (!(await this.settled(leaseTtlMs / 2))) {
      // Not renewed from now on, the leases expire; what is written late is skipped as already stored.
      log.warn('handover: the queued events are not written yet; the leases will expire instead', { accounts: ids.length });
      return;
    }
    await db.lease.deleteMany({ where: { workerId, accountId: { in: ids } } });
    log.info('handed accounts over (over the fair share)', { handles: monitors.map((m) => m.account.handle) });
  }

  private async settled(timeoutMs: number): Promise<boolean> {
    return this.options.settle ? this.options.settle(timeoutMs) : true;
  }

  /** Stops every room, writes their queued events, and gives the leases back so another worker can take them at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.cycling;
    await Promise.all([...this.monitors.values()].map((m) => m.stop()));
    this.monitors.clear();
    if (!(await this.settled(this.options.leaseTtlMs / 2))) this.options.log.warn('stopping with events not yet written; the leases will expire instead of being given back');
    else await this.options.db.lease.deleteMany({ where: { workerId: this.options.workerId } }).catch((error: unknown) => this.options.log.warn('could not release leases', { error }));
  }
}
