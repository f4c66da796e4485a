// postinstall: `prisma generate` without network. Prisma 6.19's CLI cannot read a schema whose
// env("DATABASE_URL") is unset and then tries to download a native engine; generating needs no real
// database, so a placeholder URL is enough.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cli = require.resolve('prisma/build/index.js');
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
env.DATABASE_URL ||= 'postgresql://placeholder@127.0.0.1:5432/placeholder';
const result = spawnSync(process.execPath, [cli, 'generate', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
