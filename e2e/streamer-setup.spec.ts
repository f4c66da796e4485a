import { expect, test, type Page } from '@playwright/test';
import { addAccount, freshHandle, replay, signUpAndIn } from './support/live';
import { pngSquare, RUN, wavTone } from './support/media';
import { recordGiftFrames, type GiftFrame } from './support/realtime';
import type { RealtimeGift } from '@/lib/realtime/payloads';

// Issue 16's "done when", as a streamer does it: a typical TikFinity alert setup rebuilt from the editor
// alone — a sound and a GIF for small gifts, another picture and text-to-speech for big ones, a follow
// alert, a "Roses" gift goal and a subathon timer — then a recorded LIVE replayed through the real
// pipeline and each overlay opened as OBS opens it (its token URL, no session).
//
// short-evening.jsonl (read for the thresholds; 72 s of LIVE, so 15 alerts play, not small-evening's 38):
// finished streaks of TikToks, Finger Hearts and Roses (1–5 💎) fall in the small tier (1–29 💎); a
// Doughnut streak (30 💎) and Hand Hearts (100 💎) in the big tier (30 💎 or more); 5 follows; its Rose
// streaks add up to 24 Roses. The timer gains 407 s for diamonds, 240 s for likes and 150 s for follows.

type AlertLog = { alerts: string[]; variations: Record<string, string>; texts: Record<string, string>; visuals: Record<string, { src: string; loaded: boolean }>; sounds: Record<string, string>; playing: string[]; spoken: string[] };
type ArrivedGift = { id: string; giftId: string; diamonds: number; repeatCount: number };

declare global {
  interface Window {
    __setupLog?: AlertLog;
  }
}

const ROSE = '5655';
const BIG_FROM = 30;
const START_MINUTES = 10;
const EDITOR_WAIT = { timeout: 30_000 };

/** A 1×1 GIF of two frames that loops (an animated GIF as TikFinity users upload), its colours from RUN. */
function animatedGif(): Buffer {
  const header = Buffer.from('GIF89a', 'ascii');
  const screen = Buffer.from([1, 0, 1, 0, 0x80, 0, 0]); // 1×1, a global table of 2 colours
  const palette = Buffer.from([255, RUN, 0, 0, RUN, 255]);
  const loop = Buffer.from([0x21, 0xff, 0x0b, ...Buffer.from('NETSCAPE2.0', 'ascii'), 0x03, 0x01, 0x00, 0x00, 0x00]);
  const frame = (pixel: 0 | 1) =>
    Buffer.from([
      0x21, 0xf9, 0x04, 0x00, 0x0a, 0x00, 0x00, 0x00, // 0.1 s a frame
      0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0x00, // the image: 1×1 at 0,0
      0x02, 0x02, pixel === 0 ? 0x44 : 0x4c, 0x01, 0x00, // LZW: clear, the pixel, end
    ]);
  return Buffer.concat([header, screen, palette, loop, frame(0), frame(1), Buffer.from([0x3b])]);
}

/** Records, in the OBS page, each alert (in order), its variation, text and picture, what played and what was read aloud. */
function recordAlerts(): void {
  const log: AlertLog = { alerts: [], variations: {}, texts: {}, visuals: {}, sounds: {}, playing: [], spoken: [] };
  window.__setupLog = log;
  document.addEventListener('playing', (event) => {
    if (event.target instanceof HTMLMediaElement) log.playing.push(event.target.currentSrc);
  }, true);
  // Text-to-speech as OBS's browser would do it; recorded here, since a test machine may have no voice.
  const speak = window.speechSynthesis.speak.bind(window.speechSynthesis);
  window.speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
    log.spoken.push(utterance.text);
    speak(utterance);
  };
  new MutationObserver(() => {
    for (const alert of document.querySelectorAll('[data-testid="gift-alert"]')) {
      const id = alert.getAttribute('data-alert-id') ?? '';
      if (log.alerts[log.alerts.length - 1] !== id) log.alerts.push(id);
      log.variations[id] = alert.getAttribute('data-variation-id') ?? '';
      log.texts[id] = (alert.textContent ?? '').replace(/\s+/g, ' ');
      const sound = alert.querySelector('audio[data-testid="alert-sound"]');
      if (sound) log.sounds[id] = sound.getAttribute('src') ?? '';
      const img = alert.querySelector<HTMLImageElement>('img[data-testid="alert-visual"]');
      if (img) {
        const note = () => (log.visuals[id] = { src: img.getAttribute('src') ?? '', loaded: img.complete && img.naturalWidth > 0 });
        note();
        img.addEventListener('load', note, { once: true });
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

async function uploadThroughLibrary(page: Page, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  await page.getByLabel('Choose files').setInputFiles({ name, mimeType, buffer });
  await expect(page.getByTestId('media-note').filter({ hasText: `Uploaded ${name}.` })).toBeVisible(EDITOR_WAIT);
}

/** Creates an overlay from the list page's form and answers its id (from the editor's address). */
async function createOverlay(page: Page, accountId: string, kind: string): Promise<string> {
  await page.goto('/dashboard/overlays');
  await page.getByRole('region', { name: 'New overlay' }).getByLabel('Account').selectOption(accountId);
  await page.locator('label').filter({ hasText: kind }).click();
  await page.getByRole('button', { name: 'Create overlay' }).click();
  await expect(page).toHaveURL(/\/dashboard\/overlays\/[^/?#]+/, EDITOR_WAIT);
  await expect(page.getByText('Overlay created.')).toBeVisible(EDITOR_WAIT);
  return /\/dashboard\/overlays\/([^/?#]+)/.exec(page.url())?.[1] ?? '';
}

async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved\. Open copies in OBS update by themselves\.$/ })).toBeVisible(EDITOR_WAIT);
}

test('a TikFinity-style setup built in the editor alone: tiered gift alerts with sound, GIF and speech, a follow alert, a Roses goal and a subathon timer', async ({ page, browser }) => {
  test.setTimeout(420_000);
  await signUpAndIn(page, 'streamer');
  const handle = freshHandle('setup');
  const accountId = await addAccount(page, handle);

  // The media library: a sound and an animated GIF for small gifts, a picture for big ones.
  await page.goto('/dashboard/media');
  await uploadThroughLibrary(page, 'ding.wav', 'audio/wav', wavTone());
  await uploadThroughLibrary(page, 'sparkle.gif', 'image/gif', animatedGif());
  await uploadThroughLibrary(page, 'crown.png', 'image/png', pngSquare(64));
  await expect(page.getByTestId('media-list').getByRole('listitem')).toHaveCount(3);

  // Gift alerts: three variations made in the editor.
  const alertsId = await createOverlay(page, accountId, 'Gift alerts');
  const addVariation = page.getByRole('button', { name: '+ Add a variation' });
  const cards = page.getByTestId('alert-variation');
  for (let i = 1; i <= 3; i++) {
    await addVariation.click();
    await expect(cards).toHaveCount(i);
  }
  const small = cards.nth(0);
  await small.getByLabel('Name (only you see it)').fill('Small gifts');
  await small.getByLabel('From (diamonds)').fill('1');
  await small.getByLabel('Up to (diamonds)').fill(String(BIG_FROM - 1));
  await small.getByLabel('Alert text').fill('{name} sent {count}× {gift}');
  await small.getByLabel('Sound', { exact: true }).selectOption({ label: 'ding.wav' });
  await small.getByLabel('Picture, GIF or video').selectOption({ label: 'sparkle.gif' });
  // Long enough for the sound to start on a loaded machine before the alert leaves.
  await small.getByLabel('Alert duration').fill('2');

  const big = cards.nth(1);
  await big.getByLabel('Name (only you see it)').fill('Big gifts');
  await big.getByLabel('From (diamonds)').fill(String(BIG_FROM));
  await big.getByLabel('Alert text').fill('Thank you {name} for the {gift}!');
  await big.getByLabel('Sound', { exact: true }).selectOption({ label: 'Built-in chime' });
  await big.getByLabel('Picture, GIF or video').selectOption({ label: 'crown.png' });
  await big.getByRole('switch', { name: 'Read alerts aloud' }).check();
  await expect(big.getByLabel('Voice', { exact: true })).toBeVisible();
  await big.getByLabel('Alert duration').fill('1');

  const follow = cards.nth(2);
  await follow.getByLabel('When').selectOption({ label: 'Follow' });
  await follow.getByLabel('Name (only you see it)').fill('Follows');
  await follow.getByLabel('Alert text').fill('{name} followed!');
  await follow.getByLabel('Alert duration').fill('1');
  await expect(follow.getByRole('heading')).toHaveText('3. Follows');
  await save(page);

  // What was saved (read back to know the variations' ids and the files' ids for the checks below).
  const alerts = (await (await page.request.get(`/api/overlays/${alertsId}`)).json()) as { overlay: { token: string; settings: { variations: { id: string; label: string; event: string; minDiamonds: number; maxDiamonds: number; sound: string; soundId: string; visualId: string; speech: boolean }[] } } };
  const media = (await (await page.request.get('/api/media')).json()) as { files: { id: string; name: string }[] };
  const fileId = (name: string) => media.files.find((f) => f.name === name)?.id ?? `missing ${name}`;
  const byLabel = (label: string) => alerts.overlay.settings.variations.find((v) => v.label === label);
  expect(alerts.overlay.settings.variations.map((v) => v.label)).toEqual(['Small gifts', 'Big gifts', 'Follows']);
  expect(byLabel('Small gifts')).toMatchObject({ event: 'gift', minDiamonds: 1, maxDiamonds: BIG_FROM - 1, sound: 'media', soundId: fileId('ding.wav'), visualId: fileId('sparkle.gif'), speech: false });
  expect(byLabel('Big gifts')).toMatchObject({ event: 'gift', minDiamonds: BIG_FROM, maxDiamonds: 0, sound: 'chime', visualId: fileId('crown.png'), speech: true });
  expect(byLabel('Follows')).toMatchObject({ event: 'follow' });
  const variationId = (label: string) => byLabel(label)?.id ?? '';

  // A gift goal: "50 Roses".
  const goalId = await createOverlay(page, accountId, 'Goal bar');
  await page.getByLabel('Title', { exact: true }).fill('50 Roses');
  await page.getByRole('radio', { name: 'One gift' }).check({ force: true });
  await page.getByLabel('Find a gift').fill('Rose');
  await page.getByLabel('Gift', { exact: true }).selectOption(ROSE);
  await page.getByLabel('Target').fill('50');
  await save(page);
  const goal = (await (await page.request.get(`/api/overlays/${goalId}`)).json()) as { overlay: { token: string; settings: Record<string, unknown> } };
  expect(goal.overlay.settings).toMatchObject({ metric: 'gift', giftId: ROSE, target: 50 });

  // A subathon timer: 10 minutes to start, a second per diamond; started from the editor.
  const timerId = await createOverlay(page, accountId, 'Subathon timer');
  await page.getByLabel('Starting time').fill(String(START_MINUTES));
  await page.getByLabel('Time per diamond').fill('1');
  await save(page);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible(EDITOR_WAIT);
  const timer = (await (await page.request.get(`/api/overlays/${timerId}`)).json()) as { overlay: { token: string; settings: Record<string, unknown> } };
  expect(timer.overlay.settings).toMatchObject({ startMinutes: START_MINUTES, secondsPerDiamond: 1 });

  // OBS: the three browser sources, without a session.
  const obs = await browser.newContext();
  await obs.addInitScript(recordAlerts);
  const alertsPage = await obs.newPage();
  const arrived = recordGiftFrames(alertsPage, (gift): ArrivedGift => ({ id: gift.id, giftId: gift.giftId, diamonds: gift.diamonds, repeatCount: (gift as GiftFrame & Pick<RealtimeGift, 'repeatCount'>).repeatCount }));
  await alertsPage.goto(`/overlay/${alerts.overlay.token}`);
  await expect(alertsPage.locator('[data-overlay-kind="GIFT_ALERTS"]')).toHaveAttribute('data-overlay-state', 'live', EDITOR_WAIT);
  const goalPage = await obs.newPage();
  await goalPage.goto(`/overlay/${goal.overlay.token}`);
  await expect(goalPage.locator('[data-overlay-kind="GOAL"]')).toHaveAttribute('data-overlay-state', 'live', EDITOR_WAIT);
  await expect(goalPage.getByRole('progressbar', { name: '50 Roses' })).toHaveAttribute('aria-valuenow', '0');
  const timerPage = await obs.newPage();
  await timerPage.goto(`/overlay/${timer.overlay.token}`);
  await expect(timerPage.locator('[data-overlay-kind="TIMER"]')).toHaveAttribute('data-overlay-state', 'live', EDITOR_WAIT);
  await expect(timerPage.getByRole('timer')).toHaveAttribute('data-status', 'running');
  const remaining = async () => Number(await timerPage.getByRole('timer').getAttribute('data-remaining-ms'));
  expect(await remaining()).toBeLessThanOrEqual(START_MINUTES * 60_000);

  const run = replay('short-evening.jsonl', handle, 20);
  let totals: Record<string, unknown>;
  try {
    totals = await run.done;
  } finally {
    run.stop();
  }

  // The goal counts every Rose of the LIVE (a streak by its final count), however fast they come; the
  // timer gained a second per diamond (and time for likes and follows).
  const roseStreaks = new Map<string, number>();
  for (const gift of arrived) if (gift.giftId === ROSE) roseStreaks.set(gift.id, Math.max(roseStreaks.get(gift.id) ?? 0, gift.repeatCount));
  const roses = [...roseStreaks.values()].reduce((a, b) => a + b, 0);
  expect(roses).toBeGreaterThan(0);
  const goalBar = goalPage.getByRole('progressbar', { name: '50 Roses' });
  await expect(goalBar).toHaveAttribute('aria-valuenow', String(roses), { timeout: 30_000 });
  await expect.poll(remaining, { timeout: 30_000 }).toBeGreaterThan((START_MINUTES + 10) * 60_000);

  // Every gift and follow alerted once, in turn: each gift through its tier's variation with that tier's
  // picture, the small tier's sound playing, the big tier read aloud; follows through the follow variation.
  const gifts = arrived.filter((gift, i) => arrived.findIndex((g) => g.id === gift.id) === i);
  const smallGifts = gifts.filter((g) => g.diamonds < BIG_FROM);
  const bigGifts = gifts.filter((g) => g.diamonds >= BIG_FROM);
  expect(smallGifts.length).toBeGreaterThan(0);
  expect(bigGifts.length).toBeGreaterThan(0);
  const log = async () => {
    const value = await alertsPage.evaluate(() => window.__setupLog);
    if (!value) throw new Error('the recorder did not run');
    return value;
  };
  const followCount = Number(totals.follows);
  expect(followCount).toBeGreaterThan(0);
  await expect.poll(async () => (await log()).alerts.length, { timeout: 150_000, intervals: [1000] }).toBe(gifts.length + followCount);
  await expect(alertsPage.getByTestId('gift-alert')).toHaveCount(0, { timeout: 30_000 });
  const final = await log();
  const mediaPath = (name: string) => `/api/overlay/${alerts.overlay.token}/media/${fileId(name)}`;
  for (const gift of smallGifts) {
    expect(final.variations[gift.id], `gift ${gift.giftId} (${gift.diamonds} 💎)`).toBe(variationId('Small gifts'));
    expect(final.visuals[gift.id]).toEqual({ src: mediaPath('sparkle.gif'), loaded: true });
    expect(final.texts[gift.id]).toContain(' sent ');
    expect(final.sounds[gift.id]).toBe(mediaPath('ding.wav'));
  }
  for (const gift of bigGifts) {
    expect(final.variations[gift.id], `gift ${gift.giftId} (${gift.diamonds} 💎)`).toBe(variationId('Big gifts'));
    expect(final.visuals[gift.id]).toEqual({ src: mediaPath('crown.png'), loaded: true });
    expect(final.texts[gift.id]).toContain('Thank you ');
    expect(final.sounds[gift.id]).toBeUndefined();
  }
  // The sound really played (OBS autoplays). Not one 'playing' per alert: on the loaded 2-core machine some
  // runs saw 23 of 25 two-second alerts report it (others all 25), so: it plays, and nothing else does.
  expect(final.playing.length).toBeGreaterThan(smallGifts.length / 2);
  for (const src of final.playing) expect(src.endsWith(mediaPath('ding.wav'))).toBe(true);
  expect(final.spoken).toHaveLength(bigGifts.length);
  for (const text of final.spoken) expect(text).toMatch(/^Thank you .+ for the .+!$/);
  const follows = final.alerts.filter((id) => !gifts.some((g) => g.id === id));
  expect(follows).toHaveLength(followCount);
  for (const id of follows) {
    expect(final.variations[id]).toBe(variationId('Follows'));
    expect(final.texts[id]).toContain('followed!');
  }
  await obs.close();
});
