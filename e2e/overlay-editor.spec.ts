import { expect, test, type Page } from '@playwright/test';
import { addAccount, freshHandle, signIn } from './support/live';

// The overlay editor end to end: create a Goal overlay from the dashboard, see unsaved changes in the
// preview iframe (the real overlay page in preview mode), save them (an open OBS copy, a second browser
// without a session, follows over realtime), copy the URL, then regenerate and revoke it and check that
// each old URL answers 404 at once.

type ApiOverlay = { overlay: { id: string; token: string | null; revoked: boolean; settings: { target: number; title: string } } };

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test('create a Goal overlay, preview and save changes, copy the URL, regenerate and revoke it', async ({ page, browser, context, baseURL }) => {
  test.setTimeout(180_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await signIn(page);
  const handle = freshHandle('ov');
  const accountId = await addAccount(page, handle);

  // Create from the list page: account, kind card, default name.
  await page.goto('/dashboard/overlays');
  await page.getByRole('region', { name: 'New overlay' }).getByLabel('Account').selectOption(accountId);
  await page.locator('label').filter({ hasText: 'Goal bar' }).click();
  await expect(page.getByRole('radio', { name: /Goal bar/ })).toBeChecked();
  await expect(page.getByLabel(/^Name/)).toHaveAttribute('placeholder', `Goal bar · @${handle}`);
  await page.getByRole('button', { name: 'Create overlay' }).click();
  await expect(page).toHaveURL(/\/dashboard\/overlays\/[^/?#]+/, { timeout: 20_000 });
  const overlayId = /\/dashboard\/overlays\/([^/?#]+)/.exec(page.url())?.[1] ?? '';
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Goal bar · @${handle}`);
  await expect(page.getByText('Overlay created.')).toBeVisible();
  await expect(page.getByTestId('obs-size')).toHaveText('800 × 140');

  const urlField = page.getByTestId('overlay-url');
  await expect(urlField).toHaveValue(new RegExp(`^${baseURL}/overlay/[A-Za-z0-9_-]{20,64}$`));
  const firstUrl = await urlField.inputValue();

  // An OBS browser source: the overlay URL in a browser with no session.
  const obsContext = await browser.newContext();
  const obs = await obsContext.newPage();
  const opened = await obs.goto(firstUrl);
  expect(opened?.status()).toBe(200);
  await expect.soft(obs.getByTestId('goal')).toHaveAttribute('aria-valuemax', '10000');

  // The preview follows the form before anything is saved.
  const preview = page.frameLocator('[data-testid="overlay-preview"]');
  const previewGoal = preview.getByTestId('goal');
  await expect(previewGoal).toHaveAttribute('aria-valuemax', '10000', { timeout: 20_000 });
  await page.getByLabel('Target').fill('12345');
  await page.getByLabel('Title', { exact: true }).fill('Road to 12k');
  await expect(previewGoal).toHaveAttribute('aria-valuemax', '12345');
  await expect(previewGoal).toHaveAttribute('aria-label', 'Road to 12k');
  await expect(preview.getByText('Road to 12k')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Unsaved changes' })).toBeVisible();
  const beforeSave = (await (await page.request.get(`/api/overlays/${overlayId}`)).json()) as ApiOverlay;
  expect(beforeSave.overlay.settings).toMatchObject({ target: 10_000, title: 'Like goal' });

  // A bad value is named next to its field and blocks the save with a summary.
  await page.getByLabel('Target').fill('0');
  await expect(page.getByText('Use 1 or more.')).toBeVisible();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'One thing to fix before saving' })).toContainText('Target: Use 1 or more.');
  await expect(page.getByLabel('Target')).toBeFocused();
  await page.getByLabel('Target').fill('12345');

  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved\. Open copies in OBS update by themselves\.$/ })).toBeVisible();
  const afterSave = (await (await page.request.get(`/api/overlays/${overlayId}`)).json()) as ApiOverlay;
  expect(afterSave.overlay.settings).toMatchObject({ target: 12_345, title: 'Road to 12k' });
  // The open OBS copy picks the saved settings up by itself.
  await expect.soft(obs.getByTestId('goal')).toHaveAttribute('aria-valuemax', '12345');

  // Copy the URL (Clipboard API).
  await page.getByRole('button', { name: 'Copy URL' }).click();
  await expect(page.getByRole('button', { name: 'Copied ✓' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(firstUrl);

  // Regenerate: a confirm step explains it, then the old URL is 404 at once.
  await page.getByRole('button', { name: 'Regenerate URL' }).click();
  await expect(page.getByRole('group', { name: 'Regenerate the URL?' })).toContainText('the current one stops working at once');
  await page.getByRole('group', { name: 'Regenerate the URL?' }).getByRole('button', { name: 'Regenerate URL' }).click();
  await expect(urlField).not.toHaveValue(firstUrl);
  const secondUrl = await urlField.inputValue();
  expect(secondUrl).toMatch(new RegExp(`^${baseURL}/overlay/[A-Za-z0-9_-]{20,64}$`));
  expect((await page.request.get(firstUrl)).status()).toBe(404);
  expect((await page.request.get(secondUrl)).status()).toBe(200);
  await expect.soft(obs.locator('[data-overlay-state]')).toHaveAttribute('data-overlay-state', 'denied');
  // The preview moved to the new URL with it.
  await expect(previewGoal).toHaveAttribute('aria-valuemax', '12345', { timeout: 20_000 });

  // Revoke: the new URL is 404 too; the overlay shows as revoked, with no URL to copy.
  await page.getByRole('button', { name: 'Revoke', exact: true }).click();
  await expect(page.getByRole('group', { name: 'Revoke this overlay’s URL?' })).toContainText('The URL stops working at once');
  await page.getByRole('button', { name: 'Revoke URL' }).click();
  await expect(page.getByText('Revoked', { exact: true })).toBeVisible();
  await expect(urlField).toHaveCount(0);
  expect((await page.request.get(secondUrl)).status()).toBe(404);
  await expect(page.getByText('No preview while the overlay is revoked.')).toBeVisible();

  // The list groups it under its account, revoked.
  await page.goto('/dashboard/overlays');
  const row = page.getByTestId('overlay-row').filter({ hasText: `Goal bar · @${handle}` });
  await expect(row).toContainText('Revoked');
  await expect(page.getByRole('list', { name: `Overlays of @${handle}` })).toContainText('Goal bar');

  // Another user's (or no) overlay id is a 404 page.
  expect((await page.goto('/dashboard/overlays/no-such-overlay'))?.status()).toBe(404);
  await obsContext.close();
});

test('the overlay pages fit a phone screen', async ({ page }) => {
  await signIn(page);
  const accountId = await addAccount(page, freshHandle('ovm'));
  const created = await page.request.post('/api/overlays', { data: { accountId, kind: 'LEADERBOARD' } });
  expect(created.status()).toBe(201);
  const { overlay } = (await created.json()) as ApiOverlay;

  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(`/dashboard/overlays/${overlay.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('rules-explained')).toContainText('Followers: 1 point per 10 likes');
  // The tier table: add a row, explained at once; remove it again.
  await page.getByRole('button', { name: 'Add tier' }).click();
  await expect(page.getByTestId('rules-explained')).toContainText('×1.5 for 100–999 and ×1.5 for 1,000 or more');
  await page.getByRole('button', { name: 'Remove tier 4' }).click();
  await expect(page.getByTestId('rules-explained')).toContainText('×1.5 for 100 or more');
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  await page.goto('/dashboard/overlays');
  await expect(page.getByRole('heading', { level: 1, name: 'Overlays' })).toBeVisible();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
});

test('a new user is guided by the empty states, and another user’s overlay is not found', async ({ page, browser }) => {
  await signIn(page);
  const created = await page.request.post('/api/overlays', { data: { accountId: await addAccount(page, freshHandle('ovo')), kind: 'CHAT' } });
  const { overlay } = (await created.json()) as ApiOverlay;

  const strangerContext = await browser.newContext();
  const stranger = await strangerContext.newPage();
  const email = `overlays-${Date.now()}@example.test`;
  expect((await stranger.request.post('/api/auth/signup', { data: { email, password: 'correct horse battery staple' } })).ok()).toBe(true);
  await signIn(stranger, { email, password: 'correct horse battery staple' });

  expect((await stranger.goto(`/dashboard/overlays/${overlay.id}`))?.status()).toBe(404);
  expect((await stranger.request.get(`/api/overlays/${overlay.id}`)).status()).toBe(404);
  expect((await stranger.request.post(`/api/overlays/${overlay.id}/revoke`)).status()).toBe(404);

  // No account yet: a pointer to the dashboard, no create form.
  await stranger.goto('/dashboard/overlays');
  await expect(stranger.getByText('Add an account first')).toBeVisible();
  await expect(stranger.getByRole('link', { name: 'Add your TikTok account on the dashboard' })).toHaveAttribute('href', '/dashboard');
  await expect(stranger.getByRole('button', { name: 'Create overlay' })).toHaveCount(0);

  // An account but no overlays: what overlays are, how OBS takes them, the sizes, and the form.
  const handle = freshHandle('ovs');
  await addAccount(stranger, handle);
  await stranger.goto('/dashboard/overlays');
  await expect(stranger.getByRole('heading', { name: 'No overlays yet' })).toBeVisible();
  await expect(stranger.getByText('choose Browser')).toBeVisible();
  await expect(stranger.getByRole('row', { name: /Goal bar/ })).toContainText('800 × 140');
  await stranger.getByRole('button', { name: 'Create overlay' }).click();
  await expect(stranger.getByRole('alert').filter({ hasText: 'Choose what the overlay shows.' })).toBeVisible();
  await stranger.locator('label').filter({ hasText: 'Chat box' }).click();
  await stranger.getByLabel(/^Name/).fill('My chat');
  await stranger.getByRole('button', { name: 'Create overlay' }).click();
  await expect(stranger.getByRole('heading', { level: 1 })).toHaveText('My chat');
  await expect(stranger.getByText(`Chat box for @${handle}`)).toBeVisible();
  await strangerContext.close();
});
