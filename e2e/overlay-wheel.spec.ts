import { expect, test } from '@playwright/test';
import { addAccount, freshHandle, replay, signIn, signUpAndIn } from './support/live';
import { pngSquare, RUN, upload } from './support/media';
import { recordGiftFrames } from './support/realtime';

// The studio's newer parts as a streamer uses them: a wheel of fortune spun by gifts of a recorded LIVE
// (replayed through the real pipeline) and by the host's "Spin now", seen on the OBS page; and an
// overlay's settings file taken from one workspace into another, whose missing picture is then uploaded.

type WheelLog = { results: string[]; maxShown: number };
declare global {
  interface Window {
    __wheelLog?: WheelLog;
  }
}

/** The fixture's Doughnut (30 diamonds a piece), a streak in short-evening.jsonl. */
const SPIN_GIFT = '5879';
const SEGMENTS = ['Shout-out', 'Song request', 'Dance'];

/** Records, in the OBS page, each result the wheel shows (in order) and how many were ever shown at once. */
function recordWheel(): void {
  const log: WheelLog = { results: [], maxShown: 0 };
  window.__wheelLog = log;
  const seen = new WeakSet<Element>();
  new MutationObserver(() => {
    const shown = document.querySelectorAll('[data-testid="wheel-result"]');
    log.maxShown = Math.max(log.maxShown, shown.length);
    for (const result of shown) {
      if (seen.has(result)) continue;
      seen.add(result);
      log.results.push(result.getAttribute('data-segment') ?? '');
    }
  }).observe(document, { subtree: true, childList: true });
}

test('a wheel of fortune spins for each chosen gift and for the host, one spin at a time, and keeps its results', async ({ page, browser }) => {
  test.setTimeout(300_000);
  await signIn(page);
  const handle = freshHandle('wheel');
  const accountId = await addAccount(page, handle);
  const created = await page.request.post('/api/overlays', { data: { accountId, kind: 'WHEEL' } });
  expect(created.status()).toBe(201);
  const { overlay } = (await created.json()) as { overlay: { id: string; token: string } };
  const settings = {
    segments: SEGMENTS.map((label, i) => ({ id: `s${i}`, label, colour: ['#f97316', '#22c55e', '#3b82f6'][i], weight: 1 })),
    rules: [{ id: 'doughnuts', enabled: true, trigger: 'gifts', giftIds: [SPIN_GIFT], minDiamonds: 100 }],
    maxSpinsPerGift: 1,
    spinSeconds: 2,
    resultSeconds: 1,
  };
  const saved = await page.request.patch(`/api/overlays/${overlay.id}`, { data: { settings } });
  expect(saved.ok(), await saved.text()).toBe(true);

  const obs = await browser.newContext();
  await obs.addInitScript(recordWheel);
  const obsPage = await obs.newPage();
  const arrived = recordGiftFrames(obsPage, (gift) => ({ id: gift.id, giftId: gift.giftId }));
  await obsPage.goto(`/overlay/${overlay.token}`);
  await expect(obsPage.locator('[data-overlay-kind="WHEEL"]')).toHaveAttribute('data-overlay-state', 'live', { timeout: 20_000 });
  await expect(obsPage.getByTestId('wheel')).toBeVisible();

  // The host's test spin, from the editor: drawn on the server, played on the OBS page, listed as a test.
  await page.goto(`/dashboard/overlays/${overlay.id}`);
  await page.getByTestId('wheel-spin-now').click();
  await expect(obsPage.getByTestId('wheel-result')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('wheel-results')).toContainText('Test spin', { timeout: 20_000 });

  const run = replay('short-evening.jsonl', handle, 20);
  try {
    await run.done;
  } finally {
    run.stop();
  }
  const doughnuts = arrived.filter((gift, i) => gift.giftId === SPIN_GIFT && arrived.findIndex((g) => g.id === gift.id) === i).length;
  expect(doughnuts).toBeGreaterThan(0);
  const spins = 1 + doughnuts;

  // Stored: the test spin and one per Doughnut (the list shows the latest 20).
  await expect
    .poll(async () => ((await (await page.request.get(`/api/overlays/${overlay.id}/wheel`)).json()) as { spins: unknown[] }).spins.length, { timeout: 30_000 })
    .toBe(Math.min(spins, 20));
  // The open editor lists them as they come, over its realtime connection (it no longer polls while connected).
  await expect(page.getByTestId('wheel-results').locator('li')).toHaveCount(Math.min(spins, 20), { timeout: 30_000 });
  // Shown: every spin, in turn, never two results at once, each on one of the segments.
  await expect.poll(async () => (await obsPage.evaluate(() => window.__wheelLog?.results.length)) ?? 0, { timeout: spins * 5000 + 30_000, intervals: [500] }).toBe(spins);
  const log = await obsPage.evaluate(() => window.__wheelLog);
  expect(log?.maxShown).toBe(1);
  for (const label of log?.results ?? []) expect(SEGMENTS).toContain(label);
  await obs.close();
});

test('an overlay’s settings file carries it to another workspace, which is asked for the missing picture', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page);
  const accountId = await addAccount(page, freshHandle('export'));
  const picture = pngSquare(40, (RUN + 101) % 256);
  const image = await upload(page, 'confetti.png', picture);
  const created = await page.request.post('/api/overlays', { data: { accountId, kind: 'GIFT_ALERTS', themeId: 'neon', name: 'Neon alerts' } });
  expect(created.status(), await created.text()).toBe(201);
  const { overlay } = (await created.json()) as { overlay: { id: string } };
  const variation = { id: 'big', label: 'Big gifts', event: 'gift', minDiamonds: 100, sound: 'none', visualId: image.id, visualKind: 'IMAGE', template: '{name} sent {gift}!', durationSeconds: 3, volume: 1 };
  const saved = await page.request.patch(`/api/overlays/${overlay.id}`, { data: { settings: { variations: [variation] } } });
  expect(saved.ok(), await saved.text()).toBe(true);

  const exported = await page.request.get(`/api/overlays/${overlay.id}/export`);
  expect(exported.status()).toBe(200);
  const file = await exported.text();
  expect(JSON.parse(file)).toMatchObject({ format: 'livelens-overlay/1', kind: 'GIFT_ALERTS' });
  // Media by checksum, never by id or address; no token.
  expect(file).not.toContain(image.id);
  expect(file).not.toContain('/api/overlay/');

  // Another user, another workspace: the import creates the overlay and lists the picture it lacks.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signUpAndIn(otherPage, 'importer');
  await addAccount(otherPage, freshHandle('import'));
  await otherPage.goto('/dashboard/overlays');
  await otherPage.getByLabel('Settings file').setInputFiles({ name: 'neon-alerts.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(otherPage.getByText('“Neon alerts” was created.')).toBeVisible({ timeout: 20_000 });
  await expect(otherPage.getByText('1 media file is missing')).toBeVisible();
  await otherPage.getByText('Upload “confetti.png”').locator('input[type=file]').setInputFiles({ name: 'confetti.png', mimeType: 'image/png', buffer: picture });
  await expect(otherPage.getByText('Uploaded and linked.')).toBeVisible({ timeout: 20_000 });
  await other.close();
});
