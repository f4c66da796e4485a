// `npm run db:migrate | db:deploy | db:seed` — database chores against DATABASE_URL, or against the
// embedded Postgres in LIVELENS_DATA_DIR (started for the duration of the command when `npm start` is
// not already running it).
//
//   db:migrate [-- --name <change>]   create a migration from schema.prisma changes and apply it
//   db:deploy                         apply committed migrations
//   db:seed                           load the demo data into an empty database
import { createDb } from '@/lib/db';
import { EnvError, parseEnv } from '@/lib/env';
import { migrateDeploy, runPrisma } from '@/lib/infra/migrate';
import { ensureServices } from '@/lib/infra/services';
import { DEMO_USER, isDatabaseEmpty, seedDemoData } from '@/lib/seed/demo';

const command = process.argv[2];
const extra = process.argv.slice(3);

async function withDatabase(run: (url: string) => Promise<void>): Promise<void> {
  const services = await ensureServices(parseEnv(), { realtime: false, say: (message) => console.log(message) });
  try {
    await run(services.databaseUrl);
  } finally {
    await services.stop();
  }
}

async function main(): Promise<void> {
  switch (command) {
    case 'deploy':
      return withDatabase(async (url) => {
        const applied = await migrateDeploy(url);
        console.log(applied.length ? `Applied ${applied.join(', ')}.` : 'The database is up to date.');
      });
    case 'migrate':
      return withDatabase(async (url) => {
        const result = await runPrisma(['migrate', 'dev', ...extra], url, { inherit: true });
        if (result.code !== 0) process.exitCode = result.code;
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
      console.error('Usage: npm run db:migrate [-- --name <change>] | npm run db:deploy | npm run db:seed');
      process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
