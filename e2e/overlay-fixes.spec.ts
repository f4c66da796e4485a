import { expect, test, type Page } from '@playwright/test';
import { OBS_SIZES } from '@/lib/overlays/editor';
import { addAccount, freshHandle, signIn } from './support/live';

// Overlay defects a streamer hit (issue 16), checked where only a browser can show them: layout at the
// browser-source size the editor suggests, which editor fields a kind offers, and the unsaved-changes
// warning on leaving the editor (by a link, closing the tab, or the browser's Back button).

type CreatedOverlay = { id: string; token: string };

async function createOverlay(page: Page, accountId: string, kind: string, settings?: Record<string, unknown>): Promise<CreatedOverlay> {
  const created = await page.request.post('/api/overlays', { data: { accountId, kind } });
  expect(created.status()).toBe(201);
  const { overlay } = (await created.json()) as { overlay: CreatedOverlay };
  if (settings) expect((await page.request.patch(`/api/overlays/${overlay.id}`, { data: { settings } })).ok()).toBe(true);
  return overlay;
}

test('the Q&A countdown sits below a full board at the suggested source size', async ({ page, browser }) => {
  await signIn(page);
  const accountId = await addAccount(page, freshHandle('layout'));
  // Long enough that the countdown is still on screen while it is measured on a loaded machine.
  const qa = await createOverlay(page, accountId, 'QA_GAME', { countdownSeconds: 60 });

  const source = await browser.newContext({ viewport: OBS_SIZES.QA_GAME });
  const obs = await source.newPage();
  await obs.goto(`/overlay/${qa.token}?preview=1`);
  // The sample board fills the default five rows.
  await expect(obs.getByTestId('board-row')).toHaveCount(5, { timeout: 15_000 });
  await obs.evaluate(() => window.postMessage({ source: 'livelens-editor', type: 'test' }, window.location.origin));
  await expect(obs.getByTestId('board')).toBeVisible();
  await expect(obs.getByText('Board freezes in')).toBeVisible();
  await expect(obs.getByTestId('qa-countdown')).toBeVisible();

  // All three boxes are read in one frame, so a re-render between reads cannot leave one missing.
  const { board, label, number } = await obs.evaluate(() => {
    const box = (el: Element | null | undefined) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { y: r.y, height: r.height };
    };
    const labelEl = [...document.querySelectorAll('body *')].find(
      (el) => el.children.length === 0 && /board freezes in/i.test(el.textContent ?? ''),
    );
    return {
      board: box(document.querySelector('[data-testid="board"]')),
      label: box(labelEl),
      number: box(document.querySelector('[data-testid="qa-countdown"]')),
    };
  });
  if (!board || !label || !number) throw new Error('board or countdown not laid out');
  // "BOARD FREEZES IN" was drawn over the 5th row; now the countdown starts below the board's last row
  // and still fits in the source.
  expect(label.y).toBeGreaterThanOrEqual(board.y + board.height);
  expect(number.y + number.height).toBeLessThanOrEqual(OBS_SIZES.QA_GAME.height);
  await source.close();
});

test('the goal bar spans its browser source, and its editor offers no word filter', async ({ page, browser }) => {
  await signIn(page);
  const accountId = await addAccount(page, freshHandle('goal'));
  const goal = await createOverlay(page, accountId, 'GOAL');
  const chat = await createOverlay(page, accountId, 'CHAT');

  const source = await browser.newContext({ viewport: OBS_SIZES.GOAL });
  const obs = await source.newPage();
  await obs.goto(`/overlay/${goal.token}`);
  const bar = await obs.getByTestId('goal').boundingBox();
  if (!bar) throw new Error('no goal bar');
  // It filled about 70% of an 800 px source.
  expect(bar.width / OBS_SIZES.GOAL.width).toBeGreaterThan(0.9);
  await source.close();

  // A goal bar shows no viewer's name or message; a chat box does, and keeps its word filter.
  await page.goto(`/dashboard/overlays/${goal.id}`);
  await expect(page.getByLabel('Target')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Word filter' })).toHaveCount(0);
  await expect(page.getByText('Blocked words')).toHaveCount(0);
  await page.goto(`/dashboard/overlays/${chat.id}`);
  await expect(page.getByText('Blocked words').first()).toBeVisible();
});

test('leaving the overlay editor with unsaved changes asks first', async ({ page }) => {
  await signIn(page);
  const accountId = await addAccount(page, freshHandle('leave'));
  const goal = await createOverlay(page, accountId, 'GOAL');
  const editor = `/dashboard/overlays/${goal.id}`;
  await page.goto(editor);
  await page.getByLabel('Target').fill('777');
  await expect(page.getByRole('status').filter({ hasText: 'Unsaved changes' })).toBeVisible();

  // An in-app link (the breadcrumb): "stay" keeps the page and the edit.
  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.getByRole('link', { name: 'Overlays', exact: true }).first().click();
  await expect.poll(() => asked).toEqual(['confirm: You have unsaved changes to this overlay. Leave without saving them?']);
  await expect(page).toHaveURL(new RegExp(`${editor}$`));
  await expect(page.getByLabel('Target')).toHaveValue('777');

  // Closing the tab gets the browser's own prompt.
  const unload = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await unload;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.accept();
});

test('Back from the overlay editor with unsaved changes asks first: stay keeps the edit, leave goes back', async ({ page }) => {
  await signIn(page);
  const accountId = await addAccount(page, freshHandle('back'));
  const goal = await createOverlay(page, accountId, 'GOAL');
  const editor = `/dashboard/overlays/${goal.id}`;
  // Into the editor by the list's link, so Back stays inside the app (no unload, only the router's popstate).
  await page.goto('/dashboard/overlays');
  await page.locator(`a[href="${editor}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`${editor}$`));
  await page.getByLabel('Target').fill('555');
  await expect(page.getByRole('status').filter({ hasText: 'Unsaved changes' })).toBeVisible();

  const asked: string[] = [];
  const answer = (accept: boolean) =>
    page.once('dialog', (dialog) => {
      asked.push(`${dialog.type()}: ${dialog.message()}`);
      void (accept ? dialog.accept() : dialog.dismiss());
    });
  const question = 'confirm: You have unsaved changes to this overlay. Leave without saving them?';

  // Back, then "stay": the editor, its address and the edit remain.
  answer(false);
  await page.goBack();
  await expect.poll(() => asked).toEqual([question]);
  await expect(page).toHaveURL(new RegExp(`${editor}$`));
  await expect(page.getByLabel('Target')).toHaveValue('555');
  await expect(page.getByRole('status').filter({ hasText: 'Unsaved changes' })).toBeVisible();

  // Back again, asked again, and "leave": the list it came from, after one press.
  answer(true);
  await page.goBack();
  await expect.poll(() => asked).toEqual([question, question]);
  await expect(page).toHaveURL(/\/dashboard\/overlays$/);
  // Exact: the list's "Goal bar" choice describes "one gift’s target", which a substring match would find.
  await expect(page.getByLabel('Target', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Overlays' })).toBeVisible();
});

test('a saved editor leaves without asking', async ({ page }) => {
  await signIn(page);
  const accountId = await addAccount(page, freshHandle('leave'));
  const goal = await createOverlay(page, accountId, 'GOAL');
  await page.goto(`/dashboard/overlays/${goal.id}`);
  await page.getByLabel('Target').fill('888');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved\./ })).toBeVisible();
  let asked = false;
  page.on('dialog', (dialog) => {
    asked = true;
    void dialog.dismiss();
  });
  await page.getByRole('link', { name: 'Overlays', exact: true }).first().click();
  await expect(page).toHaveURL(/\/dashboard\/overlays$/);
  expect(asked).toBe(false);
});
