import { expect, test, type Page } from '@playwright/test';
import { findOvertake } from '@/lib/games/overtake';
import { displayText } from '@/lib/overlays/filter';
import { addAccount, freshHandle, replay, signIn } from './support/live';
import { recordGiftFrames } from './support/realtime';

// The OBS overlays as OBS opens them (the token URL, no sign-in), fed by a recorded LIVE replayed
// through the real pipeline: decoder → Postgres → worker-side scoring → soketi → the overlay page.

type CreatedOverlay = { id: string; token: string };
type OverlayLog = { alerts: string[]; texts: Record<string, string>; maxAlerts: number; boards: string[]; overtakeSeen: boolean };
type ArrivedGift = { id: string; name: string; nickname: string; handle: string; diamonds: number };

declare global {
  interface Window {
    __overlayLog?: OverlayLog;
  }
}

async function createOverlay(page: Page, accountId: string, kind: string, settings?: Record<string, unknown>): Promise<CreatedOverlay> {
  const created = await page.request.post('/api/overlays', { data: { accountId, kind } });
  expect(created.status()).toBe(201);
  const { overlay } = (await created.json()) as { overlay: CreatedOverlay };
  if (settings) expect((await page.request.patch(`/api/overlays/${overlay.id}`, { data: { settings } })).ok()).toBe(true);
  return overlay;
}

/** Records, in the page, every change of what the overlay shows (alerts in order, board orders, overtakes). */
function recordOverlay(): void {
  const log: OverlayLog = { alerts: [], texts: {}, maxAlerts: 0, boards: [], overtakeSeen: false };
  window.__overlayLog = log;
  const observe = () => {
    const alerts = document.querySelectorAll('[data-testid="gift-alert"]');
    log.maxAlerts = Math.max(log.maxAlerts, alerts.length);
    for (const alert of alerts) {
      const id = alert.getAttribute('data-alert-id') ?? '';
      if (log.alerts[log.alerts.length - 1] !== id) log.alerts.push(id);
      log.texts[id] = (alert.textContent ?? '').replace(/\s+/g, ' ');
    }
    const board = [...document.querySelectorAll('[data-testid="board-row"]')].map((row) => row.getAttribute('data-user-id') ?? '').join(',');
    if (board && log.boards[log.boards.length - 1] !== board) log.boards.push(board);
    if (document.querySelector('[data-testid="overtake"]')) log.overtakeSeen = true;
  };
  new MutationObserver(observe).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

const overlayLog = async (page: Page): Promise<OverlayLog> => {
  const log = await page.evaluate(() => window.__overlayLog);
  if (!log) throw new Error('the overlay recorder did not run');
  return log;
};


const MIN_DIAMONDS = 10;

const visibleText = (page: Page) => page.evaluate(() => document.body.innerText.trim());

test('gift alerts play one at a time in arrival order, the leaderboard fills and reorders, revoked and unknown tokens are 404', async ({ page, browser }) => {
  test.setTimeout(300_000);
  await signIn(page);
  const handle = freshHandle('overlays');
  const accountId = await addAccount(page, handle);
  // Short alerts and a 10-diamond minimum keep the run short: 10 of the fixture's 29 gifts reach it, so
  // the smaller ones also show that the minimum holds.
  const alerts = await createOverlay(page, accountId, 'GIFT_ALERTS', { durationSeconds: 1, minDiamonds: MIN_DIAMONDS });
  // Created before the replay: the worker opens the board's session when the LIVE's first event arrives.
  const board = await createOverlay(page, accountId, 'LEADERBOARD');

  const obs = await browser.newContext();
  await obs.addInitScript(recordOverlay);
  const alertPage = await obs.newPage();
  const arrived = recordGiftFrames(alertPage, (gift): ArrivedGift => ({ id: gift.id, name: gift.name, nickname: gift.user.nickname, handle: gift.user.handle, diamonds: gift.diamonds }));
  const boardPage = await obs.newPage();
  await alertPage.goto(`/overlay/${alerts.token}`);
  await boardPage.goto(`/overlay/${board.token}`);
  await expect(alertPage.locator('[data-overlay-kind="GIFT_ALERTS"]')).toHaveAttribute('data-overlay-state', 'live', { timeout: 20_000 });
  await expect(boardPage.locator('[data-overlay-kind="LEADERBOARD"]')).toHaveAttribute('data-overlay-state', 'live', { timeout: 20_000 });
  await expect(boardPage.getByTestId('board-row')).toHaveCount(0);

  const run = replay('small-evening.jsonl', handle, 20);
  try {
    await expect(alertPage.getByTestId('gift-alert')).toBeVisible({ timeout: 60_000 });
    await expect(boardPage.getByTestId('board-row').first()).toBeVisible({ timeout: 60_000 });
    const totals = await run.done;
    expect(totals).toMatchObject({ diamonds: 601, gifts: 29 });
  } finally {
    run.stop();
  }

  // Every gift of at least the minimum is shown once, in the order the page received them, never two at
  // a time; the smaller ones are not shown.
  const firstArrivals = arrived.filter((gift, i) => arrived.findIndex((g) => g.id === gift.id) === i);
  expect(firstArrivals).toHaveLength(29);
  const shown = firstArrivals.filter((g) => g.diamonds >= MIN_DIAMONDS);
  expect(shown.length).toBeGreaterThan(1);
  expect(shown.length).toBeLessThan(firstArrivals.length);
  await expect.poll(async () => (await overlayLog(alertPage)).alerts.length, { timeout: 60_000, intervals: [500] }).toBe(shown.length);
  await expect(alertPage.getByTestId('gift-alert')).toHaveCount(0, { timeout: 10_000 });
  const alertLog = await overlayLog(alertPage);
  expect(alertLog.alerts).toEqual(shown.map((g) => g.id));
  expect(alertLog.maxAlerts).toBe(1);
  for (const gift of shown) {
    const text = alertLog.texts[gift.id] ?? '';
    expect(text).toContain(displayText(gift.name, 40));
    expect(text).toContain(displayText(gift.nickname, 40) || displayText(gift.handle, 40));
  }

  // The board filled up to its size (5) and its order changed along the way, with the overtake banner.
  await expect(boardPage.getByTestId('board-row')).toHaveCount(5);
  const ranks = await boardPage.getByTestId('board-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-rank')));
  expect(ranks).toEqual(['1', '2', '3', '4', '5']);
  const boardLog = await overlayLog(boardPage);
  const orders = boardLog.boards.map((b) => b.split(','));
  const reordered = orders.some((order, i) => i > 0 && findOvertake(orders[i - 1] ?? [], order) !== null);
  expect(reordered, `board orders seen: ${boardLog.boards.join(' | ')}`).toBe(true);
  expect(boardLog.overtakeSeen).toBe(true);

  // Revoked: the open overlay goes blank at once, and its URL is a 404 with nothing on screen.
  expect((await page.request.post(`/api/overlays/${alerts.id}/revoke`)).ok()).toBe(true);
  await expect(alertPage.locator('[data-overlay-kind]')).toHaveAttribute('data-overlay-state', 'denied', { timeout: 15_000 });
  await expect(alertPage.locator('[data-overlay-kind] *')).toHaveCount(0);
  const reloaded = await alertPage.reload();
  expect(reloaded?.status()).toBe(404);
  expect(await visibleText(alertPage)).toBe('');

  // A new token: the old URL stops working the same way, the new one shows the board.
  const regenerated = await page.request.post(`/api/overlays/${board.id}/token`);
  expect(regenerated.ok()).toBe(true);
  const { overlay: renewed } = (await regenerated.json()) as { overlay: CreatedOverlay };
  await expect(boardPage.locator('[data-overlay-kind]')).toHaveAttribute('data-overlay-state', 'denied', { timeout: 15_000 });
  await expect(boardPage.getByTestId('board')).toHaveCount(0);
  expect((await boardPage.reload())?.status()).toBe(404);
  const renewedPage = await obs.newPage();
  expect((await renewedPage.goto(`/overlay/${renewed.token}`))?.status()).toBe(200);
  await expect(renewedPage.getByTestId('board-row')).toHaveCount(5);

  // Unknown tokens (well-formed or not): 404, nothing visible.
  for (const token of ['NoSuchOverlayTokenAtAll_0123456789', 'x', '%3Cscript%3E']) {
    const missing = await renewedPage.goto(`/overlay/${token}`);
    expect(missing?.status(), token).toBe(404);
    expect(await visibleText(renewedPage), token).toBe('');
  }
  await obs.close();
});

test('the editor preview shows samples, applies posted settings and tests from its own origin only', async ({ page, browser }) => {
  await signIn(page);
  const accountId = await addAccount(page, freshHandle('preview'));
  const alerts = await createOverlay(page, accountId, 'GIFT_ALERTS');
  const qa = await createOverlay(page, accountId, 'QA_GAME', { countdownSeconds: 3 });

  const editor = await browser.newContext();
  await editor.addInitScript(recordOverlay);
  const preview = await editor.newPage();
  await preview.goto(`/overlay/${alerts.token}?preview=1`);
  // Not live: a sample alert plays by itself, over the checkerboard that shows the transparent area.
  await expect(preview.getByTestId('gift-alert')).toHaveAttribute('data-alert-id', /^preview-/, { timeout: 15_000 });
  await expect(preview.locator('.ov-checker')).toBeVisible();

  const post = (message: unknown) => preview.evaluate((data) => window.postMessage(data, window.location.origin), message);
  await post({ source: 'livelens-editor', type: 'settings', settings: { template: 'Thanks {name} for the {gift}!', durationSeconds: 1 } });
  await post({ source: 'livelens-editor', type: 'test' });
  await expect(preview.getByTestId('gift-alert').filter({ hasText: /Thanks .+ for the .+!/ })).toBeVisible({ timeout: 15_000 });

  // The same messages from another origin change nothing.
  const before = (await overlayLog(preview)).alerts.length;
  await preview.evaluate(() => {
    for (const data of [
      { source: 'livelens-editor', type: 'settings', settings: { template: 'EVIL {name}' } },
      { source: 'livelens-editor', type: 'test' },
    ]) {
      window.dispatchEvent(new MessageEvent('message', { data, origin: 'https://evil.example' }));
    }
  });
  await post({ source: 'livelens-editor', type: 'test' });
  await expect.poll(async () => (await overlayLog(preview)).alerts.length, { timeout: 15_000 }).toBeGreaterThan(before);
  const log = await overlayLog(preview);
  expect(Object.values(log.texts).some((text) => text.includes('EVIL'))).toBe(false);
  expect(log.maxAlerts).toBe(1);

  // A Q&A overlay's test: sample board, countdown, frozen board, then the winner and their question.
  await preview.goto(`/overlay/${qa.token}?preview=1`);
  await expect(preview.getByTestId('board-row').first()).toBeVisible({ timeout: 15_000 });
  await post({ source: 'livelens-editor', type: 'test' });
  await expect(preview.getByTestId('qa-countdown')).toHaveText(/^[1-3]$/);
  await expect(preview.getByTestId('qa-frozen')).toBeVisible({ timeout: 10_000 });
  await expect(preview.getByTestId('qa-countdown')).toHaveCount(0);
  await expect(preview.getByTestId('qa-winner')).toBeVisible({ timeout: 10_000 });
  await expect(preview.getByTestId('qa-question')).not.toBeEmpty();
  await editor.close();
});
