// Applies the committed migrations with the Prisma CLI (`prisma migrate deploy`, WASM schema engine).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type PrismaRun = { code: number; output: string; stdout: string };

/** Runs the Prisma CLI with DATABASE_URL set to `databaseUrl`; never throws, returns code and output. */
export function runPrisma(args: string[], databaseUrl: string, { inherit = false }: { inherit?: boolean } = {}): Promise<PrismaRun> {
  const cli = require.resolve('prisma/build/index.js');
  return new Promise((resolve) => {
    const preload = require.resolve('../prisma/cli-preload.cjs');
    const child = spawn(process.execPath, ['-r', preload, cli, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
      stdio: ['ignore', inherit ? 'inherit' : 'pipe', inherit ? 'inherit' : 'pipe'],
    });
    let output = '';
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      stdout += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolve({ code: 1, output: `${output}\n${error.message}`, stdout }));
    child.on('exit', (code) => resolve({ code: code ?? 1, output, stdout }));
  });
}

/** `prisma migrate deploy`; throws with the CLI's own output when it fails. Returns applied names. */
export async function migrateDeploy(databaseUrl: string): Promise<string[]> {
  const result = await runPrisma(['migrate', 'deploy'], databaseUrl);
  if (result.code !== 0) {
    const relevant = result.output.split('\n').filter((line) => line.trim() && !line.includes('nodedir')).slice(-25).join('\n');
    throw new Error(`Database migrations failed:\n${relevant}`);
  }
  return [...result.output.matchAll(/└─\s*(\d{14}_[^/\s]+)\//g)].map((m) => m[1] ?? '');
}
