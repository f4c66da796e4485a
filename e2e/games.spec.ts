import { expect, test, type Locator } from '@playwright/test';
import { startObsStandIn } from '@/tools/testing/obs-stand-in';
import { addAccount, freshHandle, replay, signIn } from './support/live';

// The Q&A game end to end: a recorded LIVE replayed as a fresh account goes through the real decoder,
// the worker-side scoring and soketi, to the host panel and to the overlay (opened the way OBS opens
// it: its token URL, no sign-in). The overlay page is a second page whose checks are soft, so a broken
// overlay and a broken host panel are both reported from one run. The host uses a tablet.

test.use({ viewport: { width: 1180, height: 820 }, hasTouch: true });

/** Controls in `scope` smaller than a finger (44 × 44 CSS px), as "text width×height". */
async function smallTargets(scope: Locator, selector: string): Promise<string[]> {
  return scope.locator(selector).evaluateAll((elements) =>
    elements
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.width < 44 || box.height < 44))
      .map(({ el, box }) => `${(el.textContent ?? '').trim().slice(0, 30)} ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
}

test('host a Q&A session: board fills, freeze counts down, the winner’s question goes on the overlay and the winner leaves the board', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await signIn(page);
  const handle = freshHandle('qa');
  const accountId = await addAccount(page, handle);
  const created = await page.request.post('/api/overlays', { data: { accountId, kind: 'QA_GAME' } });
  expect(created.status()).toBe(201);
  const { overlay } = (await created.json()) as { overlay: { id: string; token: string } };
  // The optional scene switch, against a local stand-in for OBS's websocket server (obs-websocket 5).
  const obsServer = startObsStandIn('obs-password', ['Q&A winner']);
  await obsServer.ready;
  const patched = await page.request.patch(`/api/overlays/${overlay.id}`, { data: { settings: { obsScene: 'Q&A winner', obsUrl: obsServer.url(), obsPassword: 'obs-password' } } });
  expect(patched.ok()).toBe(true);

  const obsContext = await browser.newContext();
  const obs = await obsContext.newPage();
  await obs.goto(`/overlay/${overlay.token}`);

  // New session from the game page, preselected by ?overlay=.
  await page.goto(`/dashboard/games?overlay=${overlay.id}`);
  await expect(page.locator('[aria-current="true"]')).toContainText(`@${handle}`);
  await expect(page.getByTestId('overlay-url')).toHaveValue(new RegExp(`/overlay/${overlay.token}$`));
  const sessionName = `E2E round ${Date.now().toString(36)}`;
  await page.getByLabel('Session name (optional)').fill(sessionName);
  await page.getByRole('button', { name: 'New session' }).click();
  await expect(page).toHaveURL(/\/dashboard\/games\/[^/?#]+$/, { timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(sessionName);
  const banner = page.getByTestId('phase-banner');
  await expect(banner).toContainText('Accepting points');
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
  await expect(page.getByTestId('board-empty')).toBeVisible();

  // The LIVE: likes and gifts score as they arrive.
  const run = replay('short-evening.jsonl', handle, 20);
  const hostBoard = page.getByTestId('board');
  await expect(hostBoard.getByTestId('board-row').first()).toBeVisible({ timeout: 60_000 });
  await expect.soft(obs.getByTestId('board').getByTestId('board-row').first()).toBeVisible({ timeout: 20_000 });
  const totals = await run.done;
  expect(totals.likes).toBeGreaterThan(0);
  await expect(hostBoard.getByTestId('board-row').nth(4)).toBeVisible();

  // Freeze: a countdown on the overlay and in the panel, then frozen.
  await page.getByRole('button', { name: 'Freeze (5 s countdown)' }).click();
  await expect(banner).toContainText(/Countdown [1-5] s/);
  await expect.soft(obs.getByTestId('qa-countdown')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Resume/ })).toBeVisible();
  await expect(banner).toHaveAttribute('data-phase', 'frozen', { timeout: 15_000 });
  await expect(banner).toContainText('Frozen');
  await expect.soft(obs.getByTestId('qa-frozen')).toBeVisible({ timeout: 10_000 });
  // When the countdown ended, the overlay (in OBS, a browser source) switched the program scene once.
  await expect.poll(() => obsServer.switched, { timeout: 10_000 }).toEqual(['Q&A winner']);
  expect(await smallTargets(page.getByTestId('host-panel'), 'button, a, select, textarea, input:not([type=radio])')).toEqual([]);
  // Turned to portrait, the controls come first, above the board.
  await page.setViewportSize({ width: 820, height: 1180 });
  await expect(page.getByRole('button', { name: 'Select winner' })).toBeInViewport();
  await page.setViewportSize({ width: 1180, height: 820 });

  // Select winner: the top viewer with their comments of the session (the fixture's top scorer may
  // not have chatted: then the host writes the question).
  const topRow = hostBoard.getByTestId('board-row').first();
  const topUserId = await topRow.getAttribute('data-user-id');
  await page.getByRole('button', { name: 'Select winner' }).click();
  const dialog = page.getByRole('dialog', { name: 'Select winner' });
  await expect(dialog.getByTestId('candidate')).toHaveAttribute('data-user-id', topUserId ?? 'missing', { timeout: 15_000 });
  const winnerId = topUserId ?? '';
  await expect(dialog.getByRole('button', { name: 'Show winner on overlay' })).toBeDisabled();
  expect(await smallTargets(dialog, 'button, label:has(input[type=radio])')).toEqual([]);
  const comments = dialog.getByTestId('candidate-comment');
  let question: string;
  if ((await comments.count()) > 0) {
    await comments.first().check();
    question = await dialog.getByLabel('Question on the overlay').inputValue();
    expect(question.length).toBeGreaterThan(0);
  } else {
    await expect(dialog).toContainText('They sent no comments this session');
    await dialog.getByRole('radio', { name: 'Write the question' }).check();
    question = 'What was the first cake you ever baked?';
    await dialog.getByLabel('Question on the overlay').fill(question);
  }
  await expect.soft(obs.locator(`[data-testid="board-row"][data-user-id="${winnerId}"]`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Show winner on overlay' }).click();
  await expect(dialog).toBeHidden();

  // Shown on the overlay and in the panel; the winner has left both boards.
  await expect(page.getByTestId('shown-question')).toContainText(question);
  await expect(page.locator(`[data-testid="board-row"][data-user-id="${winnerId}"]`)).toHaveCount(0);
  await expect(page.getByTestId('winner').filter({ hasText: question })).toHaveAttribute('data-user-id', winnerId);
  await expect.soft(obs.getByTestId('qa-winner')).toBeVisible();
  await expect.soft(obs.getByTestId('qa-question')).toContainText(question);
  await expect.soft(obs.locator(`[data-testid="board-row"][data-user-id="${winnerId}"]`)).toHaveCount(0);
  await expect.soft(obs.getByTestId('board').getByTestId('board-row').first()).toBeVisible();

  // The winner stays off after a reload (stored, not just hidden in the page).
  await page.reload();
  await expect(hostBoard.getByTestId('board-row').first()).toBeVisible();
  await expect(page.locator(`[data-testid="board-row"][data-user-id="${winnerId}"]`)).toHaveCount(0);

  // Clear the question, then the history lists the session with its winner and question.
  await page.getByRole('button', { name: 'Clear question from overlay' }).click();
  await expect(page.getByTestId('shown-on-overlay')).toContainText('Nothing.');
  await expect.soft(obs.getByTestId('qa-question')).toHaveCount(0);
  await page.getByRole('link', { name: '← All sessions' }).click();
  const entry = page.getByTestId('history-session').filter({ hasText: sessionName });
  await expect(entry).toContainText('Frozen');
  await expect(entry).toContainText('1 winner');
  await expect(entry.getByTestId('history-winner')).toHaveAttribute('data-user-id', winnerId);
  await expect(entry.getByTestId('history-winner')).toContainText(question);
  await obsContext.close();
  // Winner selection, clearing the question and the rest did not switch scenes again.
  expect(obsServer.switched).toEqual(['Q&A winner']);
  await obsServer.close();
});

test('the game page explains what to do when there is no Q&A overlay, and creates one', async ({ page }) => {
  await signIn(page);
  const handle = freshHandle('qae');
  const accountId = await addAccount(page, handle);
  await page.goto('/dashboard/games');
  // The demo user may already have Q&A overlays from other runs: the creation form is always there.
  const form = page.getByRole('heading', { name: 'Start with a Q&A overlay' });
  if (!(await form.isVisible())) await page.getByText('Create another Q&A overlay').click();
  await page.getByLabel('Account').selectOption(accountId);
  await page.getByRole('button', { name: 'Create Q&A overlay' }).click();
  await expect(page).toHaveURL(/\/dashboard\/games\?overlay=/);
  await expect(page.locator('[aria-current="true"]')).toContainText(`@${handle}`);
  await expect(page.getByText('No sessions yet')).toBeVisible();
  await expect(page.getByRole('button', { name: 'New session' })).toBeEnabled();
});
