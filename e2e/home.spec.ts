import { expect, test } from '@playwright/test';

test('the home page renders with the header, the pitch and the footer, without console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    // Profile pictures come from TikTok's CDN, which this test network cannot reach.
    if (message.type() === 'error' && !/Failed to load resource: net::ERR_(NAME_NOT_RESOLVED|CONNECTION_REFUSED|INTERNET_DISCONNECTED)/.test(message.text())) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await expect(page).toHaveTitle(/LiveLens/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('TikTok LIVE');
  await expect(page.getByRole('link', { name: 'LiveLens' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('AGPL');
  expect(errors).toEqual([]);
});

test('/api/health reports the database, realtime server and worker healthy', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { status: string; checks: Record<string, { ok: boolean }> };
  expect(body.status).toBe('ok');
  expect(body.checks.database?.ok).toBe(true);
  expect(body.checks.realtime?.ok).toBe(true);
  expect(body.checks.worker?.ok).toBe(true);
});

test('the icons, the web manifest and the share picture in public/ are linked from every page and served', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const attr = (pattern: RegExp) => pattern.exec(html)?.[1];
  expect(attr(/<link rel="manifest" href="([^"]+)"/)).toBe('/site.webmanifest');
  expect(attr(/<link rel="apple-touch-icon" href="([^"]+)"/)).toBe('/icons/apple-touch-icon.png');
  expect(attr(/<meta property="og:image" content="([^"]+)"/)).toMatch(/\/images\/share\.png$/);
  const manifest = await request.get('/site.webmanifest');
  expect(manifest.status()).toBe(200);
  expect(manifest.headers()['x-content-type-options']).toBe('nosniff');
  const { icons } = (await manifest.json()) as { icons: { src: string; sizes: string }[] };
  for (const file of ['/favicon.ico', '/images/share.png', '/icons/apple-touch-icon.png', ...icons.map((icon) => icon.src)]) {
    const response = await request.get(file);
    expect(response.status(), file).toBe(200);
    expect(response.headers()['content-type'], file).toMatch(/^image\//);
  }
});

test('the home page fits a phone screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('an unknown page shows the not-found page with a way back', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the home page' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('the skip link moves keyboard users to the content', async ({ page }) => {
  // The home page puts the cursor in the search box; elsewhere the first Tab reaches the skip link.
  await page.goto('/top');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/top#main$/);
});
