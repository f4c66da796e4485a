import { expect, test } from '@playwright/test';
import { addAccount, freshHandle, replay, signIn } from './support/live';

// Issue 19: Live now threw React's hydration error #418 (the running time was drawn from the server's
// clock and again from the browser's), its chat had no times, and streaks stayed "in progress" beside
// their finished gift and after the live had ended.
test('live now hydrates cleanly mid-live, times its chat, and leaves no streak running after the end', async ({ page }) => {
  test.setTimeout(150_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await signIn(page);
  const handle = freshHandle('now');
  const accountId = await addAccount(page, handle);

  // 180 s of live at 6×: about 30 s in which the page is drawn by the server while the live runs.
  const run = replay('small-evening.jsonl', handle, 6);
  await expect(page.getByTestId('counter-diamonds')).toBeVisible({ timeout: 45_000 });
  await page.goto(`/dashboard/accounts/${accountId}`);
  await expect(page.getByText('● LIVE')).toBeVisible();
  // Hydration has finished once the running time moves in the browser.
  const duration = page.getByText(/^\d+:\d\d$/).first();
  const first = await duration.textContent();
  await expect(duration).not.toHaveText(first ?? '', { timeout: 5_000 });
  expect(errors.filter((e) => /#418|#425|hydrat/i.test(e))).toEqual([]);

  // Every chat line starts with its time of day (seconds included).
  const chat = page.getByTestId('chat-feed').locator('li');
  await expect(chat.first()).toBeVisible({ timeout: 20_000 });
  await expect(chat.first().locator('time')).toHaveText(/\d{1,2}:\d{2}:\d{2}/);

  await run.done;
  await expect(page.getByText(/Not live right now/)).toBeVisible({ timeout: 15_000 });
  // No row is left "in progress" ("Name · Gift ×n…") once the live is over.
  await expect(page.getByTestId('gift-feed').locator('li', { hasText: /×\d+…$/ })).toHaveCount(0);
  expect(errors.filter((e) => /#418|#425|hydrat/i.test(e))).toEqual([]);
});
