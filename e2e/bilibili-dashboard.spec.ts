import { expect, test, type Page } from '@playwright/test';
import { DEMO, signIn, signUpAndIn } from './support/live';

// The demo workspace's Bilibili channel (lib/seed/demo.ts DEMO_BILIBILI), live from the start with
// synthetic Bilibili packets (worker/demo.ts). Its handle is the uid: the dashboard must name it by its
// nickname with a "Bilibili" badge, count its value in gold with the yuan paid, and never write "@<uid>".
const CHANNEL = { uid: '3546001200340056', nickname: 'Luna 露娜' };
// "@" followed by digits only: a Bilibili uid (of the channel or a viewer) written as a TikTok handle.
const AT_UID = /@\d{4,}/;

async function expectNoAtUid(page: Page) {
  expect(await page.locator('main').innerText()).not.toMatch(AT_UID);
}

test('a Bilibili channel reads by name, in gold, with no "@<uid>" anywhere on its pages', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO);
  await page.goto('/dashboard');
  const card = page.getByRole('link', { name: new RegExp(CHANNEL.nickname) });
  await expect(card).toBeVisible();
  await expect(card.locator('[data-platform="bilibili"]')).toHaveText('Bilibili');
  await expectNoAtUid(page);

  await card.click();
  await expect(page).toHaveURL(/\/dashboard\/accounts\/[^/]+$/);
  const accountPath = new URL(page.url()).pathname;
  const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(breadcrumb).toContainText(CHANNEL.nickname);
  await expect(breadcrumb.locator('[data-platform="bilibili"]')).toHaveText('Bilibili');
  await expect(page.getByRole('link', { name: 'Public page' })).toHaveAttribute('href', `/bilibili/${CHANNEL.uid}`);
  await expect(page.getByTestId('counter-diamonds')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Gold', { exact: true })).toBeVisible();
  await expectNoAtUid(page);

  // The lives table: gold with the yuan paid under it, Super Chats and guards beside the gifts.
  await page.goto(`${accountPath}/lives`);
  await expect(page.getByRole('heading', { level: 1, name: `Lives of ${CHANNEL.nickname}` })).toBeVisible();
  const table = page.locator('table');
  for (const column of ['Gold', 'Super Chats', 'Guards']) await expect(table.getByRole('columnheader', { name: column })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Diamonds' })).toHaveCount(0);
  await expect(table.locator('tbody tr').first()).toContainText(/CN¥\d/);

  // One live: its heading, value tile and gift tables speak gold; its viewers are named, not "@<uid>".
  await table.locator('tbody a[href^="/dashboard/lives/"]').first().click();
  await expect(page).toHaveURL(/\/dashboard\/lives\/\d+/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Live of ${CHANNEL.nickname}`);
  await expect(page.getByRole('heading', { level: 1 }).locator('[data-platform="bilibili"]')).toHaveText('Bilibili');
  await expect(page.getByText(/CN¥[\d.,]+ paid by viewers/)).toBeVisible();
  for (const tile of ['Gold', 'Super Chats', 'Guards']) await expect(page.locator('dt', { hasText: new RegExp(`^${tile}$`) })).toBeVisible();
  await expect(page.locator('dt', { hasText: /^Diamonds$/ })).toHaveCount(0);
  await expectNoAtUid(page);

  // The gifters of all time: ranked by gold, named by their Bilibili nickname.
  await page.goto(`${accountPath}/gifters?period=all`);
  await expect(page.getByText(`Who sent ${CHANNEL.nickname} the most gold`)).toBeVisible();
  await expectNoAtUid(page);

  // Its public page: the rating on followers and gold, its places among Bilibili channels linking to their
  // ranking on /top, which lists it by name.
  await page.goto(`/bilibili/${CHANNEL.uid}`);
  await expect(page.getByRole('img', { name: /LiveLens rating \d+ out of 100/ })).toBeVisible();
  const followersPlace = page.getByRole('row', { name: /^Followers / }).getByRole('link', { name: /^#\d+ of \d+$/ });
  await expect(followersPlace).toHaveAttribute('href', '/top?platform=bilibili&rank=followers#ranks');
  await followersPlace.click();
  await expect(page).toHaveURL(/\/top\?platform=bilibili&rank=followers#ranks$/);
  await expect(page.locator('#ranks').getByRole('link', { name: CHANNEL.nickname })).toHaveAttribute('href', `/bilibili/${CHANNEL.uid}`);
  await expectNoAtUid(page);
});

// Adding a Bilibili room from the dashboard, against the browser tests' stand-in for Bilibili's room API
// (tools/testing/bilibili-room-api.ts, not Bilibili: rooms 3002xxxx exist there, named "星河 Stella <last 4>").
test('a streamer adds a Bilibili room by its link and opens its public page', async ({ page }) => {
  await signUpAndIn(page, 'bili-add');
  await page.goto('/dashboard');
  // The platform choice: radios drawn as pills (the label is what a pointer hits), usable by keyboard too.
  const tiktok = page.getByRole('radio', { name: 'TikTok' });
  await expect(tiktok).toBeChecked();
  await tiktok.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Bilibili' })).toBeChecked();
  const input = page.getByRole('textbox', { name: 'Bilibili live room number or link to add' });
  await expect(input).toHaveAttribute('placeholder', /live\.bilibili\.com/);
  // A link that is not a room: said in words, nothing added.
  await input.fill('https://www.bilibili.com/video/BV1xx411c7mD');
  await page.getByRole('button', { name: 'Add and track' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'not a live room or space link' })).toBeVisible();
  await expect(page).toHaveURL(/\/dashboard$/);

  const room = `3002${String(Date.now()).slice(-4)}`;
  const uid = `35460012${room}`;
  const nickname = `星河 Stella ${room.slice(-4)}`;
  await input.fill(`https://live.bilibili.com/${room}?from=search`);
  await page.getByRole('button', { name: 'Add and track' }).click();
  await expect(page).toHaveURL(/\/dashboard\/accounts\/[^/]+$/);
  const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(breadcrumb).toContainText(nickname);
  await expect(breadcrumb.locator('[data-platform="bilibili"]')).toHaveText('Bilibili');
  await expectNoAtUid(page);

  await page.getByRole('link', { name: 'Public page' }).click();
  await expect(page).toHaveURL(new RegExp(`/bilibili/${uid}$`));
  await expect(page.getByRole('heading', { level: 1, name: nickname })).toBeVisible();
  await expect(page.locator('dt', { hasText: /^Followers$/ }).locator('xpath=following-sibling::dd[1]')).toHaveText('128.4K');
  await expect(page.locator('main')).toContainText('Offline');
  await expect(page.locator('main')).toContainText('深夜唱歌 · 点歌');
  await expect(page.locator('main')).toContainText('娱乐 · 唱见');
  // Its rating (followers and gold only). Its ranks come from a ranking computed at most every 10 minutes,
  // so a channel added a moment ago may not be in it yet: the demo channel's are checked above.
  await expect(page.getByRole('img', { name: /LiveLens rating \d+ out of 100/ })).toBeVisible();
  await expect(page.locator('main')).toContainText('Bilibili’s live-room figures include no total of likes');
  // Its share card, drawn from what is stored.
  const shared = /<meta property="og:image" content="([^"]+)"/.exec(await (await page.request.get(`/bilibili/${uid}`)).text())?.[1];
  expect(shared).toContain(`/bilibili/${uid}/opengraph-image`);
  const card = await page.request.get(new URL(shared!).pathname + new URL(shared!).search);
  expect(card.status()).toBe(200);
  expect(card.headers()['content-type']).toBe('image/png');
  expect((await card.body()).length).toBeGreaterThan(10_000);
});
