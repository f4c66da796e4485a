// Waiting for a Postgres backend to be blocked on a lock, instead of sleeping and hoping it is.
import type pg from 'pg';

/** Runs a query outside any open transaction (pg_stat_activity is frozen for a transaction's length). */
export type Observe = (sql: string, params: unknown[]) => Promise<unknown[]>;

/** The backend process id of a connection (ask before the statement that will block). */
export async function backendPid(connection: Pick<pg.ClientBase, 'query'>): Promise<number> {
  const { rows } = await connection.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const pid = rows[0]?.pid;
  if (pid === undefined) throw new Error('no backend pid');
  return pid;
}

/**
 * Resolves once backend `pid` waits on a lock, or once `settled` resolves (the statement finished without
 * waiting). Rejects after `timeoutMs`.
 */
export async function waitUntilBlocked(observe: Observe, pid: number, settled: Promise<unknown>, timeoutMs = 10_000): Promise<void> {
  let done = false;
  void settled.then(
    () => (done = true),
    () => (done = true),
  );
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = (await observe("SELECT wait_event_type = 'Lock' AS waiting FROM pg_stat_activity WHERE pid = $1", [pid])) as { waiting: boolean | null }[];
    if (rows[0]?.waiting || done) return;
    if (Date.now() > deadline) throw new Error(`backend ${pid} was not blocked on a lock within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
