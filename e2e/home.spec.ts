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
