// Health of the parts LiveLens needs: the database, the realtime server and at least one live worker.
import 'server-only';
import { db } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { checkRealtime } from '@/lib/realtime/server';

export type CheckResult = { ok: boolean; latencyMs?: number; error?: string };
export type WorkerCheck = CheckResult & { workers: number; lastSeenAt?: string; ageSeconds?: number };
export type HealthReport = {
  status: 'ok' | 'degraded';
  time: string;
  checks: { database: CheckResult; realtime: CheckResult; worker: WorkerCheck };
};

async function timed<T>(run: () => Promise<T>, timeoutMs: number): Promise<{ value?: T; latencyMs: number; error?: string }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    const value = await Promise.race([run(), timeout]);
    return { value, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { latencyMs: Math.round(performance.now() - started), error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

async function checkDatabase(): Promise<CheckResult> {
  const result = await timed(() => db.$queryRaw`SELECT 1`, 3000);
  return { ok: result.error === undefined, latencyMs: result.latencyMs, error: result.error };
}

/** A worker counts as alive when its heartbeat is younger than three beats (at least 30 s). */
export function workerStaleAfterMs(heartbeatMs = getEnv().WORKER_HEARTBEAT_MS): number {
  return Math.max(30000, heartbeatMs * 3);
}

async function checkWorker(): Promise<WorkerCheck> {
  const cutoff = new Date(Date.now() - workerStaleAfterMs());
  const result = await timed(
    async () => {
      const [alive, latest] = await Promise.all([
        db.workerHeartbeat.count({ where: { lastSeenAt: { gte: cutoff }, stoppedAt: null } }),
        db.workerHeartbeat.findFirst({ where: { stoppedAt: null }, orderBy: { lastSeenAt: 'desc' } }),
      ]);
      return { alive, latest };
    },
    3000,
  );
  if (!result.value) return { ok: false, workers: 0, error: result.error };
  const { alive, latest } = result.value;
  const ageSeconds = latest ? Math.round((Date.now() - latest.lastSeenAt.getTime()) / 1000) : undefined;
  return {
    ok: alive > 0,
    workers: alive,
    lastSeenAt: latest?.lastSeenAt.toISOString(),
    ageSeconds,
    error: alive > 0 ? undefined : latest ? `last worker heartbeat ${ageSeconds} s ago` : 'no worker has reported yet',
  };
}

export async function getHealth(): Promise<HealthReport> {
  const [database, realtime, worker] = await Promise.all([
    checkDatabase(),
    checkRealtime().catch((error: unknown) => ({ ok: false, latencyMs: 0, error: error instanceof Error ? error.message : String(error) })),
    checkWorker(),
  ]);
  return {
    status: database.ok && realtime.ok && worker.ok ? 'ok' : 'degraded',
    time: new Date().toISOString(),
    checks: { database, realtime, worker },
  };
}
