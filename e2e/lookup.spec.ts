import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './support/live';

// Profiles come from a local stand-in for tiktok.com that serves saved pages (see playwright.config.ts).

test('searching a handle from the home page opens its statistics', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('textbox', { name: 'TikTok username or profile link' }).fill('  https://www.tiktok.com/@Luna.Bakes?lang=en ');
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(page).toHaveURL(/\/@luna\.bakes$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Luna Bakes');
  await expect(page.getByText('184.2K', { exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: /LiveLens rating \d+ out of 100/ })).toBeVisible();
  await expect(page.getByText('How these numbers are estimated')).toBeVisible();
  // The account now shows up among the recent lookups (views are counted every few seconds).
  await expect
    .poll(async () => {
      await page.goto('/');
      return page.getByRole('link', { name: /Luna Bakes/ }).count();
    }, { timeout: 15_000 })
    .toBeGreaterThan(0);
  // Looked up once, the page now comes from the route cache with the stored numbers.
  const again = await page.goto('/@luna.bakes');
  expect(again?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Luna Bakes');
  await expect(page.getByText('184.2K', { exact: true })).toBeVisible();
});

test('a bad handle is explained inline and nothing is requested', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('textbox', { name: 'TikTok username or profile link' }).fill('not a handle!');
  await page.getByRole('button', { name: 'Look up' }).click();
  const search = page.getByRole('search');
  await expect(search.getByRole('alert')).toContainText('A TikTok username can only contain letters, numbers, underscores and dots');
  await expect(page).toHaveURL(/\/$/);
  await page.getByRole('textbox', { name: 'TikTok username or profile link' }).fill('https://example.com/@someone');
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(search.getByRole('alert')).toContainText('not a TikTok link');
});

test('a missing user shows the not-found page', async ({ page }) => {
  const response = await page.goto('/@nobody.at.all.123');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'No such TikTok account' })).toBeVisible();
});

test('a malformed handle in the address gets a clear message', async ({ page }) => {
  await page.goto('/@bad!!handle');
  await expect(page.getByRole('heading', { name: 'That is not a TikTok username' })).toBeVisible();
});

test('/top lists creators by LIVE earnings and top gifters, for 7 and 30 days', async ({ page }) => {
  await page.goto('/top');
  await expect(page.getByRole('heading', { name: 'Top of TikTok LIVE' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '7 days' })).toHaveAttribute('aria-selected', 'true');
  const creators = page.getByRole('table');
  await expect(creators.getByRole('row')).not.toHaveCount(1);
  await page.getByRole('tab', { name: '30 days' }).click();
  await expect(page).toHaveURL(/period=30/);
  await expect(page.getByText('Creators by LIVE earnings, last 30 days')).toBeVisible();
  await expect(page.getByText('Top gifters, last 30 days')).toBeVisible();
});

test('the JSON API gives the same data, with clear errors', async ({ request }) => {
  const ok = await request.get('/api/accounts/@Nova.Quinn');
  expect(ok.status()).toBe(200);
  const body = (await ok.json()) as { account: { handle: string; verified: boolean; stats: { hearts: number } } };
  expect(body.account).toMatchObject({ handle: 'nova.quinn', verified: true });
  expect(body.account.stats.hearts).toBe(13_405_000_000);
  expect((await request.get('/api/accounts/x')).status()).toBe(400);
  expect((await request.get('/api/accounts/no.such.user.42')).status()).toBe(404);
});

test('a profile fits a phone screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/@retro.reels');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Retro Reels');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('npm start answers shareable pages from its shared cache, and never a signed-in page', async ({ page, request }) => {
  // A profile page (Next marks it s-maxage) is sent again from memory within the cache's second.
  let fromNext = '';
  await expect
    .poll(async () => {
      const response = await request.get('/@luna.streams');
      expect(response.status()).toBe(200);
      const body = await response.text();
      if (response.headers()['x-livelens-cache'] === 'MISS') fromNext = body;
      return response.headers()['x-livelens-cache'] === 'HIT' && body === fromNext;
    }, { timeout: 15_000 })
    .toBe(true);
  // Asking for a fresh copy goes to Next.
  const fresh = await request.get('/@luna.streams', { headers: { 'cache-control': 'no-cache' } });
  expect(fresh.headers()['x-livelens-cache']).toBe('BYPASS');

  // Signed-in pages and the session are dynamic in Next (private, no-store): never stored, never shared.
  await signIn(page);
  for (const path of ['/dashboard', '/api/auth/session', '/dashboard']) {
    const response = await page.request.get(path);
    expect(response.headers()['x-livelens-cache'], path).toBe('BYPASS');
    expect(response.headers()['cache-control'], path).toMatch(/private|no-store/);
  }
  const session = (await (await page.request.get('/api/auth/session')).json()) as { user: { email: string } };
  expect(session.user.email).toBe(DEMO.email);
  // Someone without the cookie gets the sign-in redirect, not the demo user's dashboard.
  const anonymous = await request.get('/dashboard', { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers()['x-livelens-cache']).toBe('BYPASS');
});
