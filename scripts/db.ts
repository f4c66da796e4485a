// `npm run db:migrate | db:deploy | db:seed | db:backup | db:restore` — database chores against
// DATABASE_URL, or against the embedded Postgres in LIVELENS_DATA_DIR (started for the duration of the
// command when `npm start` is not already running it).
//
//   db:migrate [-- --name <change>]   create a migration from schema.prisma changes and apply it
//   db:deploy                         apply committed migrations (and nothing else)
//   db:seed                           load the demo data into an empty database
//   db:backup [-- <file>]             back up the database (default: <data folder>/backups/livelens-<UTC time>.jsonl.gz)
//   db:restore -- <file> [--replace]  replace the database's contents with a backup's (tools/infra/backup.ts)
import fs from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createDb } from '@/lib/db';
import { EnvError, parseEnv } from '@/lib/env';
import { BackupError, backupDatabase, defaultBackupPath, otherConnections, restoreDatabase, tablesWithRows } from '@/tools/infra/backup';
import { migrateDeploy, runPrisma } from '@/tools/infra/migrate';
import { ensureServices } from '@/tools/infra/services';
import { DEMO_USER, isDatabaseEmpty, seedDemoData } from '@/lib/seed/demo';
import { sealLegacyObsPasswords } from '@/lib/overlays/obs-secret';

const command = process.argv[2];
const extra = process.argv.slice(3);

async function withDatabase(run: (url: string) => Promise<void>, { migrate = true }: { migrate?: boolean } = {}): Promise<void> {
  const services = await ensureServices(parseEnv(), { realtime: false, migrate, say: (message) => console.log(message) });
  try {
    await run(services.databaseUrl);
  } finally {
    await services.stop();
  }
}

function migrationName(args: string[]): string {
  const index = args.indexOf('--name');
  const raw = index >= 0 ? (args[index + 1] ?? '') : 'change';
  const name = raw.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
  if (!name) throw new Error('Give the migration a name: npm run db:migrate -- --name <what_changed>');
  return name;
}

/**
 * Writes the SQL that takes the committed migrations to schema.prisma as a new migration folder.
 * (`prisma migrate dev` needs an interactive terminal for some changes and cannot --create-only
 * through the driver adapter, so the diff is taken directly.) Returns the folder name, or null.
 */
async function createMigration(url: string, name: string): Promise<string | null> {
  const diff = await runPrisma(['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema-datamodel', 'prisma/schema.prisma', '--script'], url);
  if (diff.code !== 0) throw new Error(`prisma migrate diff failed:\n${diff.output}`);
  const sql = diff.stdout.trim();
  const statements = sql.split('\n').filter((line) => line.trim() && !line.trim().startsWith('--'));
  if (statements.length === 0) return null;
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const folder = `${stamp}_${name}`;
  await mkdir(path.join('prisma', 'migrations', folder), { recursive: true });
  await writeFile(path.join('prisma', 'migrations', folder, 'migration.sql'), `${sql}\n`);
  return folder;
}

/** A path as the user would type it: relative to here when inside this folder, absolute otherwise. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/** The first argument that is not a flag. */
function positional(args: string[]): string | undefined {
  return args.find((arg) => !arg.startsWith('--'));
}

async function restore(): Promise<void> {
  const given = positional(extra);
  if (!given) {
    const folder = path.join(path.resolve(parseEnv().LIVELENS_DATA_DIR), 'backups');
    const found = fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => name.endsWith('.jsonl.gz')).sort() : [];
    const latest = found.at(-1);
    throw new BackupError(
      'Name the backup to restore: npm run db:restore -- <file>\n' +
        (latest ? `The newest in ${folder} is ${latest}: npm run db:restore -- ${shown(path.join(folder, latest))}` : `There are no backups in ${folder}; make one with npm run db:backup.`),
    );
  }
  const file = path.resolve(given);
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist.`);
  await withDatabase(async (url) => {
    const others = await otherConnections(url);
    if (others > 0) {
      throw new BackupError(`${others} other connection(s) to the database are open: stop the app and the workers first (Ctrl-C \`npm start\`, or systemctl stop 'livelens-web@*' 'livelens-worker@*'), then restore.`);
    }
    const filled = await tablesWithRows(url);
    if (filled.length > 0 && !extra.includes('--replace')) {
      throw new BackupError(`The database holds data (${filled.slice(0, 5).join(', ')}${filled.length > 5 ? ', …' : ''}). A restore replaces all of it: back it up first (npm run db:backup), then run npm run db:restore -- ${given} --replace`);
    }
    const started = Date.now();
    const summary = await restoreDatabase(url, file, (message) => console.log(message));
    console.log(`Restored ${summary.rows} rows of ${summary.tables} tables from ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    if (summary.appliedAfter.length > 0) console.log(`Then applied the newer migrations ${summary.appliedAfter.join(', ')}.`);
  }, { migrate: false });
}

async function main(): Promise<void> {
  switch (command) {
    case 'deploy':
      // ensureServices must not apply them first, or this would always report an up-to-date database.
      return withDatabase(async (url) => {
        const applied = await migrateDeploy(url);
        console.log(applied.length ? `Applied ${applied.join(', ')}.` : 'The database is up to date.');
        const secret = parseEnv().AUTH_SECRET;
        if (!secret) {
          console.log('AUTH_SECRET is not set: OBS passwords stored before encryption at rest are sealed by the next `npm start`, or by db:deploy with AUTH_SECRET set.');
          return;
        }
        const db = createDb(url, { max: 2 });
        try {
          const sealed = await sealLegacyObsPasswords(db, secret);
          if (sealed > 0) console.log(`Encrypted ${sealed} OBS password(s) stored before encryption at rest.`);
        } finally {
          await db.$disconnect();
        }
      }, { migrate: false });
    case 'backup':
      return withDatabase(async (url) => {
        const file = path.resolve(positional(extra) ?? defaultBackupPath(parseEnv().LIVELENS_DATA_DIR));
        if (fs.existsSync(file)) throw new BackupError(`${file} already exists; name another file, or move it away first.`);
        const started = Date.now();
        const summary = await backupDatabase(url, file);
        const size = (fs.statSync(file).size / 1024 / 1024).toFixed(1);
        console.log(`Backed up ${summary.rows} rows of ${summary.tables} tables (schema: ${summary.migrations} migrations) to ${file} (${size} MB, ${((Date.now() - started) / 1000).toFixed(1)} s).`);
        console.log(`Restore it with: npm run db:restore -- ${shown(file)}`);
      }, { migrate: false });
    case 'restore':
      return restore();
    case 'migrate':
      return withDatabase(async (url) => {
        const created = await createMigration(url, migrationName(extra));
        if (created) console.log(`Created prisma/migrations/${created}/migration.sql; review it and commit it.`);
        else console.log('schema.prisma matches the migrations: nothing to create.');
        const applied = await migrateDeploy(url);
        console.log(applied.length ? `Applied ${applied.join(', ')}.` : 'The database is up to date.');
        const secret = parseEnv().AUTH_SECRET;
        if (!secret) {
          console.log('AUTH_SECRET is not set: OBS passwords stored before encryption at rest are sealed by the next `npm start`, or by db:deploy with AUTH_SECRET set.');
          return;
        }
        const db = createDb(url, { max: 2 });
        try {
          const sealed = await sealLegacyObsPasswords(db, secret);
          if (sealed > 0) console.log(`Encrypted ${sealed} OBS password(s) stored before encryption at rest.`);
        } finally {
          await db.$disconnect();
        }
      });
    case 'seed':
      return withDatabase(async (url) => {
        const db = createDb(url, { max: 4 });
        try {
          if (!(await isDatabaseEmpty(db))) {
            console.log('The database already has users or accounts; the demo seed only runs on an empty database.');
            return;
          }
          const summary = await seedDemoData(db);
          console.log(`Seeded ${summary.accounts} accounts, ${summary.lives} lives, ${summary.gifts} gifts and ${summary.chats} chats.`);
          console.log(`Demo sign-in: ${DEMO_USER.email} / ${DEMO_USER.password}`);
        } finally {
          await db.$disconnect();
        }
      });
    default:
      console.error('Usage: npm run db:migrate [-- --name <change>] | db:deploy | db:seed | db:backup [-- <file>] | db:restore -- <file> [--replace]');
      process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError || error instanceof BackupError ? error.message : error);
  process.exit(1);
});
