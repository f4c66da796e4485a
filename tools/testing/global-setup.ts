// Vitest global setup: a real Postgres (TEST_DATABASE_URL, or the embedded one started the same way as
// `npm start` starts it, in .data/test) with a fresh `livelens_test` database migrated by
// `prisma migrate deploy`, and a real soketi on a free port. Both are handed to the test files through
// the environment.
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { isProcessAlive } from '../infra/child';
import { migrateDeploy } from '../infra/migrate';
import { getFreePort } from '../infra/ports';
import { EmbeddedPostgres, onMaintenanceDb } from '../infra/postgres';
import { EmbeddedSoketi } from '../infra/soketi';
import { MailCatcher } from '../infra/mail-catcher';

const root = path.resolve(import.meta.dirname, '..', '..');
const testDir = path.join(root, '.data', 'test');
// Each run gets its own folder, so two test runs (or a run beside `npm start`) never share a server.
const dataDir = path.join(testDir, `run-${process.pid}`);

/** Removes the folders of earlier runs that are no longer running, stopping their servers if needed. */
async function cleanStaleRuns(): Promise<void> {
  for (const entry of fs.existsSync(testDir) ? fs.readdirSync(testDir) : []) {
    const pid = Number(/^run-(\d+)$/.exec(entry)?.[1]);
    if (!pid || pid === process.pid || isProcessAlive(pid)) continue;
    const stale = new EmbeddedPostgres({ dataDir: path.join(testDir, entry, 'postgres'), port: 0, user: 'livelens', password: '', logFile: '/dev/null' });
    await stale.stopOrphan();
    fs.rmSync(path.join(testDir, entry), { recursive: true, force: true });
  }
}

// Databases of a test file's own (tools/testing/own-database.ts) are copies of this one, migrated like
// livelens_test: a copy takes a fraction of a second, `prisma migrate deploy` about 4 s.
const TEMPLATE = `livelens_template_${process.pid}`;

async function createTemplate(databaseUrl: string): Promise<void> {
  const source = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  try {
    await onMaintenanceDb(databaseUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(TEMPLATE)} TEMPLATE ${client.escapeIdentifier(source)}`));
    process.env.LIVELENS_TEST_TEMPLATE_DB = TEMPLATE;
  } catch (error) {
    // A TEST_DATABASE_URL someone else is connected to cannot be copied: each own database is migrated instead.
    console.warn(`Could not copy ${source} as a template (${error instanceof Error ? error.message : String(error)}); own databases will be migrated one by one.`);
  }
}

let postgres: EmbeddedPostgres | undefined;
let soketi: EmbeddedSoketi | undefined;
let mail: MailCatcher | undefined;

export async function setup(_project: TestProject): Promise<void> {
  let databaseUrl = process.env.TEST_DATABASE_URL;
  if (!databaseUrl) {
    postgres = new EmbeddedPostgres({
      dataDir: path.join(dataDir, 'postgres'),
      port: await getFreePort(),
      user: 'livelens',
      password: 'livelens-test',
      logFile: path.join(dataDir, 'postgres.log'),
      fast: true,
    });
    await cleanStaleRuns();
    await postgres.start();
    databaseUrl = await postgres.ensureDatabase('livelens_test', { fresh: true });
  }
  await migrateDeploy(databaseUrl);
  await createTemplate(databaseUrl);

  const soketiPort = await getFreePort(2);
  soketi = new EmbeddedSoketi({ port: soketiPort, appId: 'test-app', key: 'test-key', secret: 'test-secret', logFile: path.join(dataDir, 'soketi.log') });
  await soketi.start();

  // A real SMTP server with an inbox the tests read over HTTP (tools/testing/mail.ts).
  mail = new MailCatcher({ smtpPort: 0, webPort: 0 });
  await mail.start();

  Object.assign(process.env, {
    MAIL_CATCHER_SMTP_PORT: String(mail.smtpPort),
    LIVELENS_TEST_MAIL_INBOX: mail.inboxUrl,
    DATABASE_URL: databaseUrl,
    PUSHER_APP_ID: 'test-app',
    PUSHER_KEY: 'test-key',
    PUSHER_SECRET: 'test-secret',
    PUSHER_HOST: '127.0.0.1',
    PUSHER_PORT: String(soketiPort),
    PUSHER_USE_TLS: 'false',
    AUTH_SECRET: 'test-secret-test-secret-test-secret-0123',
    LIVELENS_TEST_DATA_DIR: dataDir,
  });
}

export async function teardown(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!postgres && databaseUrl && process.env.LIVELENS_TEST_TEMPLATE_DB) {
    await onMaintenanceDb(databaseUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(TEMPLATE)} WITH (FORCE)`));
  }
  await mail?.stop();
  await soketi?.stop();
  await postgres?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
