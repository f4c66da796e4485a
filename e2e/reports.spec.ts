import { expect, test } from '@playwright/test';
import { signUpAndIn } from './support/live';

// Without Stripe keys (as here) checkout runs in the marked test mode, through the same fulfilment code.

test('sign up during checkout, buy a report in test mode, open it, share it and revoke the link', async ({ page, browser }) => {
  const email = `buyer-${Date.now()}@example.test`;
  await page.goto('/@luna.bakes');
  await page.getByRole('link', { name: 'Buy growth report' }).click();
  await expect(page).toHaveURL(/\/checkout\?handle=luna\.bakes/);
  await expect(page.getByText('Test mode: Stripe is not configured')).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/Password/).fill('correct horse battery staple');
  await page.getByRole('button', { name: /Continue to test checkout/ }).click();

  await expect(page.getByText('TEST MODE — no money moves')).toBeVisible();
  await page.getByRole('button', { name: 'Complete test payment' }).click();
  await expect(page).toHaveURL(/\/checkout\/success\?order=/);
  // The headline follows the order: once the report exists it says so, not "being prepared".
  await expect(page.getByText('Your growth report for @luna.bakes is ready.')).toBeVisible();
  await expect(page.getByText('is being prepared')).toHaveCount(0);
  await page.getByRole('link', { name: 'Open your report' }).click();

  await expect(page.getByText('LiveLens growth report')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Luna Bakes');
  await expect(page.getByRole('heading', { name: 'Your growth guide' })).toBeVisible();
  const reportUrl = page.url();

  // Printed: the report's title and headings stay, the site's header, footer and buttons go, and every
  // box is white with dark text (also with "background graphics" on, which print emulation applies).
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your growth guide' })).toBeVisible();
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('contentinfo')).toBeHidden();
  const dark = await page.locator('.report').evaluate((report) =>
    [report, ...report.querySelectorAll('*')].flatMap((node) => {
      const style = getComputedStyle(node);
      const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
      const [r = 0, g = 0, b = 0, a = 1] = rgb(style.backgroundColor);
      const [cr = 0, cg = 0, cb = 0] = rgb(style.color);
      const darkBackground = a > 0.1 && r + g + b < 600;
      const paleText = node.textContent?.trim() && cr + cg + cb > 450;
      return darkBackground || paleText ? [`${node.tagName}.${String(node.className).slice(0, 60)} bg=${style.backgroundColor} color=${style.color}`] : [];
    }),
  );
  expect(dark).toEqual([]);
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('button', { name: 'Create share link' }).click();
  const linkField = page.getByRole('textbox', { name: 'Share link' });
  await expect(linkField).toHaveValue(/\?share=/);
  const shareUrl = new URL(await linkField.inputValue());

  // Someone without an account opens the link…
  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(shareUrl.pathname + shareUrl.search);
  await expect(visitorPage.getByRole('heading', { name: 'Your growth guide' })).toBeVisible();
  await expect(visitorPage.getByRole('button', { name: 'Create share link' })).toHaveCount(0);
  // …but not the report without it.
  const withoutLink = await visitorPage.goto(new URL(reportUrl).pathname);
  expect(withoutLink?.status()).toBe(404);

  await page.getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByText('No active links.')).toBeVisible();
  const revoked = await visitorPage.goto(shareUrl.pathname + shareUrl.search);
  expect(revoked?.status()).toBe(404);
  await visitor.close();

  await page.goto('/account/orders');
  await expect(page.getByText('Growth report for @luna.bakes').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open report' }).first()).toBeVisible();
});

// A Bilibili streamer's report (issue 20), against the browser tests' stand-in for Bilibili's room API
// (tools/testing/bilibili-room-api.ts, not Bilibili: uid 35460012 + room 3002xxxx has 128,400 followers).
test('a signed-in user buys a report on a Bilibili streamer from its public page, in gold and without videos', async ({ page }) => {
  await signUpAndIn(page, 'bili-report');
  const room = `3002${String(Date.now()).slice(-4)}`;
  const uid = `35460012${room}`;
  const nickname = `星河 Stella ${room.slice(-4)}`;
  await page.goto(`/bilibili/${uid}`);
  await expect(page.getByRole('heading', { level: 1, name: nickname })).toBeVisible();
  await page.getByRole('link', { name: 'Buy growth report' }).click();
  await expect(page).toHaveURL(new RegExp(`/checkout\\?platform=bilibili&uid=${uid}$`));
  await expect(page.getByText(`Bilibili Live · UID ${uid} · 128.4K followers`)).toBeVisible();
  await expect(page.getByText('How the channel compares with the Bilibili channels LiveLens stores in its follower band')).toBeVisible();
  await page.getByRole('button', { name: /Continue to test checkout/ }).click();
  await expect(page.getByText(`Growth report for ${nickname}`)).toBeVisible();
  await page.getByRole('button', { name: 'Complete test payment' }).click();
  await expect(page.getByText(`Your growth report for ${nickname} is ready.`)).toBeVisible();
  await page.getByRole('link', { name: 'Open your report' }).click();

  await expect(page.getByRole('heading', { level: 1, name: nickname })).toBeVisible();
  const report = page.locator('.report');
  await expect(report).toContainText(`UID ${uid}`);
  await expect(report).toContainText('LIVE gold coins, 30 d');
  await expect(report).toContainText('Super Chats, 30 d');
  // No LIVE recorded: the guide starts one, in the room's words, and says nothing of videos or TikTok.
  await expect(report).toContainText("announced in your room's notice");
  await expect(report).not.toContainText(/diamond|TikTok|Videos \/ week|likes \/ video|Creator Rewards/i);
  const pdf = await page.request.get(`${new URL(page.url()).pathname}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');

  await page.goto('/account/orders');
  await expect(page.getByText(`Growth report for ${nickname}`).first()).toBeVisible();
});

test('protected pages send visitors to sign in and back', async ({ page }) => {
  await page.goto('/account/orders');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount%2Forders/);
  await page.getByLabel('Email').fill('demo@livelens.local');
  await page.getByLabel('Password').fill('wrong password here');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Email or password is incorrect.' })).toBeVisible();
  await page.getByLabel('Password').fill('livelens-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/account\/orders$/);
  await expect(page.getByRole('heading', { name: 'Your orders' })).toBeVisible();
});
