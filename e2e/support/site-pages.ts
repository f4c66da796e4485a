// One address for every page of the site (e2e/support/page-access.ts lists the page files), for the
// accessibility and phone-width check (e2e/a11y.spec.ts). Pages that show a
// signed-in user's things get real ids: the demo user's accounts, lives, gifters and cluster (the demo
// seed), plus an overlay and a game round made here.
import { expect, type Page } from '@playwright/test';

export type SitePage = { path: string; /** false for the OBS overlay, a transparent layer without page chrome */ chrome: boolean };

/** Pages a visitor can open. Token pages get a token that matches nothing: they show their "unusable" state. */
export const PUBLIC_PAGES: SitePage[] = [
  '/',
  '/top',
  '/about',
  '/@luna.streams',
  // The demo's Bilibili channel (lib/seed/demo.ts DEMO_BILIBILI), and a uid with nothing stored (not found).
  '/bilibili/3546001200340056',
  '/bilibili/1',
  '/compare?h=luna.streams,djmax.live',
  '/signin',
  '/signup',
  '/forgot-password',
  '/reset-password/not-a-real-token',
  '/verify-email/not-a-real-token',
  '/unsubscribe/not-a-real-token',
  '/invite/not-a-real-token',
  '/checkout?handle=luna.streams',
  '/reports/no-such-report',
  '/no-such-page',
].map((path) => ({ path, chrome: true }));

/** The first link on the current page whose address matches `pattern`. */
async function firstHref(page: Page, pattern: RegExp): Promise<string> {
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const found = hrefs.find((href) => pattern.test(href));
  if (!found) throw new Error(`no link matching ${String(pattern)} on ${page.url()}`);
  return found;
}

/**
 * Pages of a signed-in user (the demo user must be signed in on `page`). Finds ids by following the
 * dashboard's own links, so the addresses are ones a user reaches.
 */
export async function signedInPages(page: Page): Promise<SitePage[]> {
  await page.goto('/dashboard');
  const account = await firstHref(page, /^\/dashboard\/accounts\/[^/?#]+$/);
  const accountId = account.split('/')[3] ?? '';
  await page.goto(`${account}/lives`);
  const live = await firstHref(page, /^\/dashboard\/lives\/[^/?#]+$/);
  await page.goto(`${account}/gifters`);
  const gifter = await firstHref(page, /^\/dashboard\/accounts\/[^/]+\/gifters\/[^/?#]+$/);
  await page.goto('/dashboard/clusters');
  const cluster = await firstHref(page, /^\/dashboard\/clusters\/[^/?#]+$/);
  // The demo's Bilibili channel: its name badge, gold values and Super Chat columns (the card with the badge).
  await page.goto('/dashboard');
  const bilibili = await page.locator('a[href^="/dashboard/accounts/"]:has([data-platform="bilibili"])').first().getAttribute('href');
  if (!bilibili) throw new Error('no Bilibili channel on the demo dashboard');
  // Its demo live starts with the worker: a run that signs in first may wait a few seconds for it.
  await expect(async () => {
    await page.goto(`${bilibili}/lives`);
    await expect(page.locator('tbody a[href^="/dashboard/lives/"]').first()).toBeAttached({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const bilibiliLive = await firstHref(page, /^\/dashboard\/lives\/[^/?#]+$/);

  const created = await page.request.post('/api/overlays', { data: { accountId, kind: 'QA_GAME' } });
  expect(created.status()).toBe(201);
  const { overlay } = (await created.json()) as { overlay: { id: string; token: string } };
  const started = await page.request.post('/api/games/sessions', { data: { overlayId: overlay.id, name: 'Accessibility round' } });
  expect(started.ok()).toBe(true);
  const { session } = (await started.json()) as { session: { id: string } };

  const chrome = [
    '/dashboard',
    account,
    `${account}/lives`,
    `${account}/gifters`,
    gifter,
    `${account}/status`,
    live,
    bilibili,
    `${bilibili}/lives`,
    bilibiliLive,
    '/dashboard/clusters',
    cluster,
    '/dashboard/overlays',
    `/dashboard/overlays/${overlay.id}`,
    '/dashboard/media',
    '/dashboard/games',
    `/dashboard/games/${session.id}`,
    '/dashboard/notifications',
    '/dashboard/workspace',
    '/account/orders',
    '/account/settings',
    '/checkout?handle=luna.streams',
    '/checkout/success?order=x',
    '/checkout/cancel?order=x',
    '/checkout/test/x',
  ].map((path) => ({ path, chrome: true }));
  return [...chrome, { path: `/overlay/${overlay.token}`, chrome: false }];
}
