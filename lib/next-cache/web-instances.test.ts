// Two production web instances (`npm run start:web`'s server, scripts/web-server.ts) on one build and one
// database, as behind a proxy: a /@handle page rendered by A is served by B from the shared cache, and
// after a lookup through B stores new data (revalidatePath on B only), A, which rendered and holds the
// old page, serves the new one well before the page's own revalidate period (60 s) would have refreshed it.
//
// Opt-in (LIVELENS_WEB_INSTANCES=1): it needs a production build in .next (`npm run build`, built with
// DATABASE_URL set so the handler is in the build's config) and two Next servers, too heavy for `npm test`
// on two shared cores. TikTok is the local profile stand-in (tools/testing/profile-server.ts).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tiktokHandle } from '@/lib/platforms/channel';
import { ManagedChild } from '@/tools/infra/child';
import { getFreePort } from '@/tools/infra/ports';
import { nodeCommand } from '@/tools/node/run.mjs';
import { ProfileServer } from '@/tools/testing/profile-server';
import { createOwnDatabase, type OwnDatabase } from '@/tools/testing/own-database';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const ENABLED = process.env.LIVELENS_WEB_INSTANCES === '1';
const BUILT = fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'));
/** Well under the profile page's `revalidate = 60`: without a shared cache the second instance keeps its copy that long. */
const FRESH_WITHIN_MS = 20_000;

if (!ENABLED) console.info('SKIP web-instances: set LIVELENS_WEB_INSTANCES=1 (needs a production build in .next).');
else if (!BUILT) console.info('SKIP web-instances: no production build in .next (run `npm run build` with DATABASE_URL set).');

type Instance = { url: string; child: ManagedChild };

async function startInstance(databaseUrl: string, tiktokUrl: string): Promise<Instance> {
  const port = await getFreePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: databaseUrl,
    TIKTOK_PROFILE_BASE_URL: tiktokUrl,
    APP_URL: url,
    NEXTAUTH_URL: url,
    LOG_LEVEL: 'warn',
  };
  delete env.WEB_METRICS_PORT;
  const child = new ManagedChild({
    name: `web ${port}`,
    command: process.execPath,
    args: nodeCommand('web', path.join(ROOT, 'scripts', 'web-server.ts'), ['--port', String(port)]),
    cwd: ROOT,
    env,
    onOutput: (text) => {
      output += text;
      if (output.includes('✓ Ready')) onReady();
    },
  });
  const outcome = await Promise.race([ready.then(() => 'ready' as const), child.exited.then(() => 'exited' as const)]);
  if (outcome !== 'ready') throw new Error(`web instance on ${port} exited before it was ready:\n${child.tail()}`);
  return { url, child };
}

async function get(url: string): Promise<{ status: number; body: string; nextCache: string | null }> {
  const response = await fetch(url, { headers: { 'accept-language': 'en' } });
  return { status: response.status, body: await response.text(), nextCache: response.headers.get('x-nextjs-cache') };
}

describe.skipIf(!ENABLED || !BUILT)('two web instances over one database', () => {
  let own: OwnDatabase | undefined;
  const profiles = new ProfileServer();
  const instances: Instance[] = [];

  beforeAll(async () => {
    own = await createOwnDatabase('webinstances');
    await profiles.start();
    instances.push(...(await Promise.all([startInstance(own.url, profiles.url), startInstance(own.url, profiles.url)])));
  }, 240_000);

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.child.stop('SIGTERM', 8000)));
    await profiles.stop();
    await own?.drop();
  });

  it('serves a page revalidated through one instance fresh through the other', async () => {
    const [a, b] = instances;
    if (!a || !b || !own) throw new Error('the instances did not start');
    const handle = profiles.fresh('luna.bakes');
    const pagePath = `/en/@${handle}`;

    // A stores the profile (a lookup) and renders the page: Luna's nickname.
    expect((await get(`${a.url}/api/accounts/${handle}`)).status).toBe(200);
    const first = await get(`${a.url}${pagePath}`);
    expect(first.status).toBe(200);
    expect(first.body).toContain('Luna Bakes');

    // B has never rendered it: its first answer is A's render from the shared cache.
    const shared = await get(`${b.url}${pagePath}`);
    expect(shared.status).toBe(200);
    expect(shared.body).toContain('Luna Bakes');
    expect(shared.nextCache).toBe('HIT');

    // TikTok now shows another profile under this handle; the stored one is made a day old, so a lookup
    // through B (which, unlike A, has no recent view of it in memory) fetches it, stores it and
    // revalidates the page: revalidatePath on B only.
    profiles.alias(handle, 'nova.quinn');
    await own.db.channel.update({ where: tiktokHandle(handle), data: { lastFetchedAt: new Date(Date.now() - 2 * 86_400_000) } });
    const started = Date.now();
    const lookup = await get(`${b.url}/api/accounts/${handle}`);
    expect(lookup.status).toBe(200);
    expect(lookup.body).toContain('Nova Quinn');

    // A serves the new page (its per-instance HTTP micro-cache may hold the old one for up to a second).
    let seen = '';
    while (Date.now() - started < FRESH_WITHIN_MS) {
      const page = await get(`${a.url}${pagePath}`);
      seen = page.body;
      if (page.status === 200 && page.body.includes('Nova Quinn')) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Booleans, so that a failure names the problem rather than printing the whole page.
    expect(seen.includes('Nova Quinn'), `A still served the old page ${FRESH_WITHIN_MS} ms after B revalidated it`).toBe(true);
    expect(seen.includes('Luna Bakes'), 'the new page still shows the old nickname').toBe(false);
    console.info(`web-instances: A served the page revalidated on B ${Date.now() - started} ms after B's lookup`);
  }, 120_000);
  it('shares a page prerendered by the build, rendered once at run time', async () => {
    const [a, b] = instances;
    if (!a || !b) throw new Error('the instances did not start');
    // Next does not hand a custom handler the build's own renders: the first request renders the page
    // and stores it, and the other instance is served that render.
    const first = await get(`${a.url}/en/about`);
    expect(first.status).toBe(200);
    const second = await get(`${b.url}/en/about`);
    expect(second.status).toBe(200);
    expect(second.nextCache).toBe('HIT');
    expect(second.body).toBe(first.body);
  }, 60_000);
});
