// Browser-test helpers: sign in, add a fresh TikTok account (the profile stand-in serves any e2e.*
// handle), and replay a recorded fixture as that account through the real pipeline (`npm run replay`,
// against the e2e instance's own Postgres and soketi), so pages receive real realtime updates.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { nodeCommand } from '@/tools/node/run.mjs';

export const DEMO = { email: 'demo@livelens.local', password: 'livelens-demo' };

export function freshHandle(label: string): string {
  return `e2e.${label}.${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

/**
 * Signs in through next-auth's credentials endpoint, the request the sign-in form makes, without drawing
 * the form and the dashboard it lands on (two page renders per test). The form itself is driven by
 * e2e/isolation.spec.ts and e2e/reports.spec.ts (`signInThroughForm`).
 */
export async function signIn(page: Page, account = DEMO): Promise<void> {
  const csrf = await page.request.get('/api/auth/csrf');
  expect(csrf.ok()).toBe(true);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await page.request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: account.email, password: account.password, callbackUrl: '/dashboard', json: 'true' },
  });
  expect(response.ok(), `sign-in as ${account.email} answered ${response.status()}`).toBe(true);
  const session = (await (await page.request.get('/api/auth/session')).json()) as { user?: { email?: string } };
  expect(session.user?.email, `no session after signing in as ${account.email}`).toBe(account.email);
}

/** Signs in the way a person does: the form at /signin, then the dashboard. */
export async function signInThroughForm(page: Page, account = DEMO): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/signin/);
}

/**
 * Adds the handle to the signed-in user's workspace through the API the dashboard's form posts to, and
 * returns the account's id. `addAccountThroughForm` drives the form (e2e/dashboard.spec.ts).
 */
export async function addAccount(page: Page, handle: string): Promise<string> {
  const response = await page.request.post('/api/dashboard/accounts', { data: { handle } });
  expect(response.status(), `adding @${handle} answered ${response.status()}: ${await response.text()}`).toBe(201);
  const { accountId } = (await response.json()) as { accountId: string };
  return accountId;
}

/** Adds the handle in the dashboard's form and returns the account's id (from its page address). */
export async function addAccountThroughForm(page: Page, handle: string): Promise<string> {
  await page.goto('/dashboard');
  await page.getByLabel('TikTok username to add').fill(handle);
  await page.getByRole('button', { name: 'Add and track' }).click();
  await expect(page).toHaveURL(/\/dashboard\/accounts\/[^/]+/, { timeout: 20_000 });
  const id = /\/dashboard\/accounts\/([^/?#]+)/.exec(page.url())?.[1];
  if (!id) throw new Error(`no account id in ${page.url()}`);
  return id;
}

export type ReplayRun = { done: Promise<Record<string, unknown>>; stop(): void };

/**
 * Replays `fixture` (a file in worker/fixtures) as `handle` at `speed` (× real time, or 'max').
 * Resolves with the totals the replay CLI prints as its last line.
 */
export function replay(fixture: string, handle: string, speed: number | 'max' = 20): ReplayRun {
  const e2eEnv = {
    LIVELENS_DATA_DIR: '.data/e2e',
    EMBEDDED_PG_PORT: String(Number(process.env.E2E_PG_PORT ?? 54339)),
    SOKETI_PORT: String(Number(process.env.E2E_SOKETI_PORT ?? 6111)),
  };
  const child = spawn(process.execPath, nodeCommand('ingest', 'worker/cli/replay.ts', [path.join('worker', 'fixtures', fixture), '--as', handle, '--speed', String(speed)]), {
    env: { ...process.env, ...e2eEnv, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Record<string, unknown>>((resolve, reject) => {
    child.on('exit', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as Record<string, unknown>);
      else reject(new Error(`replay exited with ${code}:\n${stderr.slice(-2000)}`));
    });
  });
  return { done, stop: () => child.kill('SIGTERM') };
}

/** A new user (signed up through the API) signed in on `page`; returns their email and password. */
export async function signUpAndIn(page: Page, label: string): Promise<{ email: string; password: string }> {
  const account = { email: `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`, password: 'correct horse battery staple' };
  const response = await page.request.post('/api/auth/signup', { data: account });
  expect(response.status()).toBe(201);
  await signIn(page, account);
  return account;
}
