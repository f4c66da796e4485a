// Postgres goes away in the middle of a replay: flushes fail and are retried, events wait in the write
// queue (the replay waits for room), and once the database is back every event is stored — the totals are
// exact. Driven by the pipeline's own counters, not by the clock.
// Uses a Postgres of its own, so the shared test database is not disturbed.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '@/lib/db';
import { migrateDeploy } from '@/tools/infra/migrate';
import { getFreePort } from '@/tools/infra/ports';
import { EmbeddedPostgres } from '@/tools/infra/postgres';
import { createLogger } from '@/lib/logger';
import type { ExpectedTotals } from '@/lib/live/synth';
import type { WritePipeline } from '@/worker/pipeline';
import { runReplay } from '@/worker/replay-run';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'small-evening.jsonl');
const expected = JSON.parse(fs.readFileSync(FIXTURE.replace(/\.jsonl$/, '.expected.json'), 'utf8')) as ExpectedTotals;
const dataDir = path.join(process.env.LIVELENS_TEST_DATA_DIR ?? path.join(import.meta.dirname, '..', '.data', 'test'), `outage-${process.pid}`);

let postgres: EmbeddedPostgres;
let db: Db;
let url: string;

beforeAll(async () => {
  postgres = new EmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port: await getFreePort(), user: 'livelens', password: 'outage', logFile: path.join(dataDir, 'postgres.log'), fast: true });
  await postgres.start();
  url = await postgres.ensureDatabase('outage');
  await migrateDeploy(url);
  db = createDb(url, { max: 2 });
});

afterAll(async () => {
  await db?.$disconnect();
  await postgres?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a database outage during a live', () => {
  it('loses nothing when Postgres stops mid-replay: writes fail and are retried, the replay waits, then all is stored', async () => {
    const log = createLogger('outage-test');
    let pipeline: WritePipeline | undefined;
    const stats = () => pipeline?.snapshot();
    // A small queue, so the replay (as fast as it can go) waits on the writes, and has to wait for the
    // database to come back.
    const capacity = 50;
    const run = runReplay({ file: FIXTURE, handle: 'outage.test', speed: 'max', db, databaseUrl: url, log, pipeline: { capacity }, onIngest: (ingest) => (pipeline = ingest.pipeline) });
    const ended = run.then(
      () => true,
      () => true,
    );

    // Some of the live is stored, then the database goes away.
    await until(() => (stats()?.committed ?? 0) > 0, 'the first events to be written', ended);
    await postgres.stop();
    const committedBefore = stats()?.committed ?? 0;
    // Flushes fail and are retried with backoff; events pile up to the queue's limit and the replay waits.
    await until(() => (stats()?.failures ?? 0) >= 3 && (stats()?.depth ?? 0) >= capacity, 'three failed flushes and a full queue', ended);
    const during = stats();
    expect(during?.committed).toBe(committedBefore);
    expect(during?.dropped).toBe(0);
    await postgres.start();

    const result = await run;
    const { liveId, ...totals } = result.totals;
    expect(totals).toEqual(expected);
    expect(await db.gift.count({ where: { liveId: BigInt(liveId) } })).toBe(expected.gifts);
    expect(await db.chat.count({ where: { liveId: BigInt(liveId) } })).toBe(expected.comments);
    expect(stats()).toMatchObject({ dropped: 0, badEvents: 0 });
  }, 120_000);
});

/** Waits for a condition of the running replay (and fails at once if the replay ends first). */
async function until(check: () => boolean, what: string, ended: Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  let over = false;
  void ended.then(() => (over = true));
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (over) throw new Error(`the replay ended before ${what}`);
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
