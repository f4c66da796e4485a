// Prisma CLI configuration: Migrate runs on the WASM schema engine through the pg driver adapter,
// so no native engine is downloaded (see docs/architecture.md, "Prisma without engine downloads").
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { createMigrateAdapter } from './tools/prisma/migrate-adapter';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) {
      throw new Error('DATABASE_URL is not set. `npm start` sets it for the embedded Postgres; to run Prisma ' +
        'commands by hand against it, use `npm run db:deploy` / `npm run db:migrate`, which start it first.');
    }
    return Promise.resolve(createMigrateAdapter(url));
  },
});
