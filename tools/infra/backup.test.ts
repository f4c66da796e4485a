// `npm run db:backup` / `db:restore` for real: the demo data (plus rows with awkward values) in a database of
// this file's own, backed up through the CLI, the schema wiped, restored through the CLI, and every table
// compared row for row (an md5 over each table's rows in a fixed order) with the sequences.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '@/lib/seed/demo';
import { createOwnDatabase, type OwnDatabase } from '@/tools/testing/own-database';
import { createTestUser } from '@/tools/testing/factories';
import { BackupError, restoreDatabase, verifyBackup } from '@/tools/infra/backup';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
let own: OwnDatabase;
let dataDir: string;

type Fingerprint = Record<string, string>;

async function withClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: own.url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Per table: its row count and an md5 of its rows' text in sorted order; per sequence: its state. */
function fingerprint(): Promise<Fingerprint> {
  return withClient(async (client) => {
    const result: Fingerprint = {};
    const { rows: tables } = await client.query<{ name: string }>(`SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND NOT relispartition ORDER BY relname`);
    for (const { name } of tables) {
      const ident = client.escapeIdentifier(name);
      const { rows } = await client.query<{ n: string; digest: string | null }>(`SELECT count(*)::text AS n, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS digest FROM ${ident} t`);
      result[name] = `${rows[0]?.n}:${rows[0]?.digest}`;
    }
    const { rows: sequences } = await client.query<{ name: string }>(`SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'S' ORDER BY relname`);
    for (const { name } of sequences) {
      const { rows } = await client.query<{ v: string; c: boolean }>(`SELECT last_value::text AS v, is_called AS c FROM ${client.escapeIdentifier(name)}`);
      result[`seq:${name}`] = `${rows[0]?.v}:${rows[0]?.c}`;
    }
    return result;
  });
}

type CliResult = { code: number; output: string };

/** The package.json script's command line, against this file's database and a temporary data folder. */
function runDbCli(args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['tools/node/run.mjs', 'app', 'scripts/db.ts', ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: own.url, LIVELENS_DATA_DIR: dataDir }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

async function wipeSchema(): Promise<void> {
  await withClient((client) => client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public'));
}

beforeAll(async () => {
  own = await createOwnDatabase('backup');
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'livelens-backup-'));
  await seedDemoData(own.db, { now: new Date('2026-11-20T12:00:00Z'), seed: 7 });
  // Values that a careless dump would bend: quotes, backslashes, newlines, emoji, a NUL-free control byte.
  await createTestUser(own.db, 'o\'brien+"quotes"\\back@example.test');
  await own.db.user.updateMany({ where: { email: { contains: 'brien' } }, data: { name: 'Line one\nline two\t🎁 ÄÖ 中文 \u0001' } });
  // The test's own client would count as another connection and make the restore refuse.
  await own.db.$disconnect();
}, 180_000);

afterAll(async () => {
  await own?.drop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('db:backup and db:restore', () => {
  let backupFile = '';
  let before: Fingerprint;

  it('backs up into the data folder with a timestamp, restores into a wiped schema, rows identical', async () => {
    before = await fingerprint();
    expect(Number(before.gifts?.split(':')[0])).toBeGreaterThan(100);
    expect(Number(before.users?.split(':')[0])).toBeGreaterThan(1);

    const backup = await runDbCli(['backup']);
    expect(backup.output).toMatch(/Backed up \d+ rows of \d+ tables/);
    expect(backup.code).toBe(0);
    const made = fs.readdirSync(path.join(dataDir, 'backups'));
    expect(made).toHaveLength(1);
    expect(made[0]).toMatch(/^livelens-\d{8}-\d{6}\.jsonl\.gz$/);
    backupFile = path.join(dataDir, 'backups', made[0] ?? '');

    await wipeSchema();
    const wiped = await fingerprint();
    expect(Object.keys(wiped)).toEqual([]);

    const restore = await runDbCli(['restore', backupFile]);
    expect(restore.output).toMatch(/Restored \d+ rows of \d+ tables/);
    expect(restore.code).toBe(0);
    expect(await fingerprint()).toEqual(before);

    // Sequences carry on past the restored ids instead of colliding with them.
    const next = await withClient(async (client) => (await client.query<{ ok: boolean }>(`SELECT nextval(pg_get_serial_sequence('lives', 'id')) > (SELECT max(id) FROM lives) AS ok`)).rows[0]?.ok);
    expect(next).toBe(true);
    await withClient((client) => client.query(`SELECT setval(pg_get_serial_sequence('lives', 'id'), (SELECT max(id) FROM lives))`));
  });

  it('refuses a restore without a file and says what to do', async () => {
    const result = await runDbCli(['restore']);
    expect(result.code).toBe(1);
    expect(result.output).toContain('Name the backup to restore: npm run db:restore -- <file>');
    expect(result.output).toContain(path.basename(backupFile));
  });

  it('refuses to overwrite a database that holds data unless told to, then replaces it', async () => {
    const refused = await runDbCli(['restore', backupFile]);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/The database holds data .* --replace/);

    await withClient((client) => client.query(`UPDATE users SET name = 'changed after the backup'`));
    expect(await fingerprint()).not.toEqual(before);
    const replaced = await runDbCli(['restore', backupFile, '--replace']);
    expect(replaced.code).toBe(0);
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses a cut-short backup before changing anything', async () => {
    const whole = fs.readFileSync(backupFile);
    const cut = path.join(dataDir, 'cut.jsonl.gz');
    fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(verifyBackup(cut)).rejects.toThrow(BackupError);
    await expect(restoreDatabase(own.url, cut)).rejects.toThrow(/damaged or cut short/);

    // A complete gzip stream missing its last line is refused too.
    const lines = zlib.gunzipSync(whole).toString('utf8').trimEnd().split('\n');
    const noEnd = path.join(dataDir, 'no-end.jsonl.gz');
    fs.writeFileSync(noEnd, zlib.gzipSync(`${lines.slice(0, -1).join('\n')}\n`));
    await expect(restoreDatabase(own.url, noEnd)).rejects.toThrow(/cut short/);
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses while the app or a worker is connected', async () => {
    const app = new pg.Client({ connectionString: own.url });
    await app.connect();
    try {
      const result = await runDbCli(['restore', backupFile, '--replace']);
      expect(result.code).toBe(1);
      expect(result.output).toMatch(/other connection\(s\) to the database are open/);
    } finally {
      await app.end();
    }
  });
});
