// Postgres goes away for 60 seconds in the middle of a replay: events wait in the write queue, the
// batch is retried, and once the database is back every event is stored — the totals are exact.
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
  it('loses nothing when Postgres is stopped for 60 s mid-replay', async () => {
    const log = createLogger('outage-test');
    const outage = (async () => {
      await new Promise((r) => setTimeout(r, 10_000));
      await postgres.stop();
      const stoppedAt = Date.now();
      await new Promise((r) => setTimeout(r, 60_000));
      await postgres.start();
      return Date.now() - stoppedAt;
    })();
    // The fixture is 3 minutes long; at 2× it runs for 90 s, across the whole outage.
    const result = await runReplay({ file: FIXTURE, handle: 'outage.test', speed: 2, db, databaseUrl: url, log });
    expect(await outage).toBeGreaterThanOrEqual(60_000);
    const { liveId, ...totals } = result.totals;
    expect(totals).toEqual(expected);
    expect(await db.gift.count({ where: { liveId: BigInt(liveId) } })).toBe(expected.gifts);
    expect(await db.chat.count({ where: { liveId: BigInt(liveId) } })).toBe(expected.comments);
  }, 240_000);
});
