// `npm run test:quick`: the unit tests that need no services (no Postgres, soketi, mail catcher or child
// processes), so no global setup. A file counts as needing services when it imports the database, the
// embedded services, the app's route handlers, the realtime server, the test stand-ins or child_process;
// one that needs them and slips through fails here loudly (no DATABASE_URL), it is never skipped quietly.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { defineConfig } from 'vitest/config';
import base, { projects } from './vitest.config.mts';

const root = import.meta.dirname;
const NEEDS_SERVICES = /from '(@\/lib\/db|@\/tools\/testing\/(?!match')[\w-]+|@\/tools\/infra\/[\w-]+|pg|node:child_process|@\/app\/[^']+|@\/lib\/realtime\/server)'/;

const quick = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.test.ts'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((file) => file && fs.existsSync(path.join(root, file)) && !NEEDS_SERVICES.test(fs.readFileSync(path.join(root, file), 'utf8')));

export default defineConfig({ ...base, test: { ...base.test, projects: projects(quick, []) } });
