// LiveLens through a connection pooler: Debian's PgBouncer (the real one, not a stand-in) in transaction
// mode in front of a database of this file's own, with fewer server connections than the app opens.
// Checked: the write pipeline (pg, multi-row inserts in transactions) and Prisma through the driver
// adapter store a replay's exact totals; interactive transactions with transaction-level advisory
// locks hold; a real worker process leases an account, heartbeats and replays it through the pooler.
// Migrations are not run through it (Prisma's migrate takes a session-level lock): docs/deploy.md.
// Skips where no pgbouncer binary is installed (.ci/run installs Debian's package).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '@/lib/db';
import type { ExpectedTotals } from '@/lib/live/synth';
import { createLogger } from '@/lib/logger';
import { ensurePersonalWorkspace } from '@/lib/workspaces/context';
import { createTestAccount, uniqueSuffix } from '@/tools/testing/factories';
import { createOwnDatabase, type OwnDatabase } from '@/tools/testing/own-database';
import { findPgBouncer, startPgBouncer, type PgBouncer } from '@/tools/testing/pgbouncer';
import { TestWorkers } from '@/tools/testing/worker-process';
import { readLiveTotals, runReplay } from '@/worker/replay-run';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'small-evening.jsonl');
const EXPECTED = JSON.parse(fs.readFileSync(FIXTURE.replace(/\.jsonl$/, '.expected.json'), 'utf8')) as ExpectedTotals;
const binary = findPgBouncer();
if (!binary) console.warn('SKIP worker/pgbouncer.test.ts: no pgbouncer binary (apt-get install pgbouncer, or set PGBOUNCER_PATH)');

describe.skipIf(!binary)('through PgBouncer in transaction mode', () => {
  let own: OwnDatabase | undefined;
  let bouncer: PgBouncer | undefined;
  let pooled: Db | undefined;
  const workers = new TestWorkers();
  const through = (): { db: Db; url: string } => {
    if (!pooled || !bouncer) throw new Error('PgBouncer did not start');
    return { db: pooled, url: bouncer.url };
  };

  beforeAll(async () => {
    own = await createOwnDatabase('pgbouncer');
    bouncer = await startPgBouncer(binary ?? '', own.url, 'transaction');
    pooled = createDb(bouncer.url, { max: 8, applicationName: 'livelens-pgbouncer-test' });
  }, 180_000);

  afterAll(async () => {
    await workers.killAll();
    await pooled?.$disconnect();
    await bouncer?.stop();
    await own?.drop();
  });

  it('stores a replay’s exact totals', async () => {
    const { db, url } = through();
    const result = await runReplay({ file: FIXTURE, handle: `bouncer.${uniqueSuffix()}`, speed: 'max', db, databaseUrl: url, log: createLogger('test') });
    const { liveId, ...totals } = result.totals;
    expect(liveId).toMatch(/^\d+$/);
    expect(totals).toEqual(EXPECTED);
    // It went through the pooler: PgBouncer logged the logins to this database.
    expect(bouncer?.log()).toMatch(new RegExp(`login attempt: db=${own?.name ?? '-'}`));
  }, 120_000);

  it('keeps interactive transactions and their advisory locks together', async () => {
    const { db } = through();
    const user = await db.user.create({ data: { email: `bouncer-${uniqueSuffix()}@example.test`, passwordHash: 'not-a-real-hash' } });
    // Ten concurrent first visits over four server connections: the transaction-level lock must make
    // them agree on one personal workspace.
    const ids = await Promise.all(Array.from({ length: 10 }, () => ensurePersonalWorkspace(db, user.id)));
    expect(new Set(ids).size).toBe(1);
    expect(await db.workspaceMember.count({ where: { userId: user.id } })).toBe(1);
  });

  it('runs a worker process: lease, heartbeat and an exact replay', async () => {
    const { db, url } = through();
    const account = await createTestAccount(db, `bouncer.${uniqueSuffix()}`);
    await db.trackedAccount.create({ data: { accountId: account.id, source: 'replay', replayFile: FIXTURE } });
    workers.start('bouncer-1', url, { WORKER_CYCLE_MS: '500', WORKER_HEARTBEAT_MS: '500', DEMO_REPLAY_PAUSE_SECONDS: '3600', DEMO_REPLAY_SPEED: '30' });
    const deadline = Date.now() + 90_000;
    let live: { roomId: string } | null = null;
    while (Date.now() < deadline) {
      live = await db.live.findFirst({ where: { accountId: account.id, endReason: 'stream_end' }, select: { roomId: true } });
      if (live) {
        const { liveId: _liveId, ...totals } = await readLiveTotals(db, live.roomId);
        if (JSON.stringify(totals) === JSON.stringify(EXPECTED)) break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(live, `no ended live within 90 s; worker output:\n${workers.tail()}`).not.toBeNull();
    const { liveId: _liveId, ...totals } = await readLiveTotals(db, live?.roomId ?? '');
    expect(totals).toEqual(EXPECTED);
    expect(await db.lease.count({ where: { accountId: account.id, workerId: 'bouncer-1' } })).toBe(1);
    expect(await db.workerHeartbeat.count({ where: { workerId: 'bouncer-1' } })).toBe(1);
  }, 120_000);
});
