import { expect, test } from '@playwright/test';

// 404s come from the server as readable pages: the HTML itself carries the message (a visitor or crawler
// without JavaScript reads it), and the page has one main landmark. Next 16 draws notFound() pages only in
// the browser (vercel/next.js#98954), which is why the profile page marks its 404 differently
// (app/[locale]/(site)/profile/[username]/_components/not-found-status.tsx).

function mainCount(html: string): number {
  return html.match(/<main\b/g)?.length ?? 0;
}

test('an invalid handle answers 404 with the explanation in the HTML', async ({ request }) => {
  const response = await request.get('/@..bad..handle..');
  expect(response.status()).toBe(404);
  const html = await response.text();
  expect(html).toContain('That is not a TikTok username');
  expect(mainCount(html)).toBe(1);
  expect(html).toContain('noindex');
});

test('a handle LiveLens has not stored answers 404 with a message that needs no JavaScript', async ({ request }) => {
  const response = await request.get('/@nobody.stored.404');
  expect(response.status()).toBe(404);
  const html = await response.text();
  expect(html).toContain('Looking up @nobody.stored.404');
  expect(html).toContain('LiveLens has no statistics for this account yet');
  expect(mainCount(html)).toBe(1);
  // In Russian too: the cached page is rendered per language.
  const ru = await request.get('/ru/@nobody.stored.404');
  expect(ru.status()).toBe(404);
  expect(await ru.text()).toContain('У LiveLens пока нет статистики этого аккаунта');
});

test('without JavaScript the missing profile still reads; with it, the lookup takes over', async ({ browser, page }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const bare = await context.newPage();
  const response = await bare.goto('/@nobody.stored.405');
  expect(response?.status()).toBe(404);
  await expect(bare.getByRole('heading', { level: 1 })).toContainText('@nobody.stored.405');
  await expect(bare.locator('main')).toHaveCount(1);
  await context.close();

  await page.goto('/@nobody.stored.405');
  await expect(page.getByRole('heading', { name: 'No such TikTok account' })).toBeVisible();
  await expect(page.locator('main')).toHaveCount(1);
});

test('an unknown address and a missing report keep one main landmark and offer a way back', async ({ page }) => {
  const unknown = await page.goto('/no/such/page');
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.locator('main')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Back to the home page' })).toBeVisible();

  const report = await page.goto('/reports/no-such-report');
  expect(report?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Report not found' })).toBeVisible();
  await expect(page.locator('main')).toHaveCount(1);
});

test('a handle in capitals still redirects to its canonical address (the page now has a loading boundary)', async ({ request }) => {
  const response = await request.get('/@Nobody.Stored.406', { maxRedirects: 0 });
  expect([307, 308]).toContain(response.status());
  expect(response.headers()['location']).toMatch(/\/@nobody\.stored\.406$/);
});
