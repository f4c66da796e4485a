import { expect, test } from '@playwright/test';
import { PAGE_ACCESS, type PageIds } from './support/page-access';
import { addAccount, freshHandle, signIn, signUpAndIn } from './support/live';

// Two users, one TikTok handle: each workspace watches it, neither sees or changes what the other made.
// Then every page of e2e/support/page-access.ts is opened as a visitor and as the other user.

type Overlay = { id: string; token: string };

test('two users who add the same handle see none of each other’s overlays, games or clusters, and can change none', async ({ page, browser }) => {
  // Many requests (every page of the table, twice) after two sign-ups: more than a minute on a busy machine.
  test.setTimeout(150_000);
  await signUpAndIn(page, 'iso-a');
  const handle = freshHandle('iso');
  const accountId = await addAccount(page, handle);
  const created = await page.request.post('/api/overlays', { data: { accountId, kind: 'QA_GAME' } });
  expect(created.status()).toBe(201);
  const { overlay } = (await created.json()) as { overlay: Overlay };
  expect((await page.request.patch(`/api/overlays/${overlay.id}`, { data: { settings: { obsPassword: 'a-secret-obs-password', obsScene: 'Winner' } } })).ok()).toBe(true);
  const started = await page.request.post('/api/games/sessions', { data: { overlayId: overlay.id, name: 'A’s round' } });
  const { session } = (await started.json()) as { session: { id: string } };
  const cluster = (await (await page.request.post('/api/clusters', { data: { name: 'A’s agency', accountIds: [accountId] } })).json()) as { cluster: { id: string } };

  const other = await browser.newContext();
  const b = await other.newPage();
  await signUpAndIn(b, 'iso-b');
  // The case: B adds the same handle (201), so B's workspace watches the same account.
  expect(await addAccount(b, handle)).toBe(accountId);

  // Nothing of A's in B's lists or pages…
  const listed = JSON.stringify([await (await b.request.get('/api/overlays')).json(), await (await b.request.get('/api/games/sessions')).json()]);
  for (const secret of [overlay.id, overlay.token, session.id, cluster.cluster.id, 'a-secret-obs-password']) expect(listed).not.toContain(secret);
  await b.goto('/dashboard/overlays');
  await expect(b.getByRole('heading', { name: 'No overlays yet' })).toBeVisible();
  await b.goto('/dashboard/games');
  await expect(b.getByText('A’s round')).toHaveCount(0);
  await b.goto('/dashboard/clusters');
  await expect(b.getByText('A’s agency')).toHaveCount(0);
  // …and every attempt to change A's things is "not found".
  expect((await b.request.patch(`/api/overlays/${overlay.id}`, { data: { name: 'Mine now' } })).status()).toBe(404);
  expect((await b.request.post(`/api/overlays/${overlay.id}/token`)).status()).toBe(404);
  expect((await b.request.post(`/api/overlays/${overlay.id}/revoke`)).status()).toBe(404);
  expect((await b.request.delete(`/api/overlays/${overlay.id}`)).status()).toBe(404);
  expect((await b.request.post(`/api/games/sessions/${session.id}/actions`, { data: { action: 'freeze' } })).status()).toBe(404);
  expect((await b.request.post(`/api/games/sessions/${session.id}/winner`, { data: { userId: '1', question: 'Question injected by user B' } })).status()).toBe(404);
  expect((await b.request.delete(`/api/clusters/${cluster.cluster.id}`)).status()).toBe(404);

  // A's things are as A left them: the overlay still loads with its token, the session still runs.
  expect((await page.request.get(`/overlay/${overlay.token}`)).status()).toBe(200);
  const view = (await (await page.request.get(`/api/games/sessions/${session.id}`)).json()) as { session: { phase: string; shown: unknown } };
  expect(view.session).toMatchObject({ phase: 'active', shown: null });
  // The dashboard never sees the OBS password, only that one is set.
  expect(JSON.stringify(await (await page.request.get(`/api/overlays/${overlay.id}`)).json())).not.toContain('a-secret-obs-password');

  // Pages with A's ids: 404 for B (an account only A watches: the shared one's public pages are B's too);
  // pages that need an account send a visitor to sign in and back.
  const privateAccountId = await addAccount(page, freshHandle('isopriv'));
  const ids: PageIds = { accountId: privateAccountId, liveId: '1', overlayId: overlay.id, sessionId: session.id, clusterId: cluster.cluster.id, viewerId: '1', reportId: 'no-such-report', orderId: 'x' };
  // Asked over HTTP (B's cookies, then none) rather than rendered: the status and the redirect are the
  // server's answer, and a page load per row made this the slowest browser test.
  const visitor = await browser.newContext();
  for (const [file, rule] of Object.entries(PAGE_ACCESS)) {
    if (rule.foreign && rule.access === 'member') {
      const path = rule.foreign(ids);
      expect((await b.request.get(path)).status(), `${file} as B`).toBe(404);
    }
    if ((rule.access === 'user' || rule.access === 'member') && rule.path) {
      const response = await visitor.request.get(rule.path);
      expect(response.url(), `${file} as a visitor`).toMatch(/\/signin\?callbackUrl=/);
      // …and back to the page asked for, not to the dashboard's front page.
      expect(new URL(response.url()).searchParams.get('callbackUrl'), `${file} as a visitor`).toBe(rule.path);
      expect(response.status(), `${file} as a visitor`).toBe(200);
    }
  }
  await visitor.close();
  await other.close();
});

test('an OBS overlay made by a member goes blank when an admin removes the member, and its old address stops working', async ({ page, browser }) => {
  await signUpAndIn(page, 'team-owner');
  await page.goto('/dashboard');
  await page.getByRole('button', { name: 'New workspace' }).click();
  await page.getByLabel('Name of the new workspace').fill('Night Shift');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByTestId('workspace-switcher')).toHaveValue(/.+/);
  await expect(page.getByTestId('workspace-switcher').locator('option:checked')).toHaveText('Night Shift');
  await page.goto('/dashboard/workspace');
  await page.getByRole('button', { name: 'Create invite link' }).click();
  const link = await page.getByTestId('invite-link').inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{30,}$/);

  // The member joins through the link, adds the team's account and makes an overlay.
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  const { email } = await signUpAndIn(member, 'team-member');
  await member.goto(new URL(link).pathname);
  await expect(member.getByRole('heading', { name: 'Join Night Shift' })).toBeVisible();
  await member.getByRole('button', { name: 'Join workspace' }).click();
  await expect(member).toHaveURL(/\/dashboard$/);
  await expect(member.getByTestId('workspace-switcher').locator('option:checked')).toHaveText('Night Shift');
  const accountId = await addAccount(member, freshHandle('team'));
  const { overlay } = (await (await member.request.post('/api/overlays', { data: { accountId, kind: 'VIEWER_COUNT' } })).json()) as { overlay: Overlay };

  // OBS (no session, just the URL) shows the overlay, connected.
  const obsContext = await browser.newContext();
  const obs = await obsContext.newPage();
  await obs.goto(`/overlay/${overlay.token}`);
  await expect(obs.locator('[data-overlay-state]')).toHaveAttribute('data-overlay-state', 'live');

  // The owner removes the member.
  await page.goto('/dashboard/workspace');
  const row = page.getByTestId('members').locator('li').filter({ hasText: email });
  await row.getByRole('button', { name: 'Remove' }).click();
  await row.getByRole('button', { name: /^Remove / }).click();
  await expect(page.getByTestId('members').locator('li').filter({ hasText: email })).toHaveCount(0);

  // The overlay in OBS goes blank, and its address answers 404; the workspace keeps the overlay under a new URL.
  await expect(obs.locator('[data-overlay-state]')).toHaveAttribute('data-overlay-state', 'denied', { timeout: 5_000 });
  expect((await obs.request.get(`/overlay/${overlay.token}`)).status()).toBe(404);
  const kept = (await (await page.request.get(`/api/overlays/${overlay.id}`)).json()) as { overlay: Overlay };
  expect(kept.overlay.token).not.toBe(overlay.token);
  // The removed member is back in their own workspace and cannot open the team's.
  expect((await member.request.get(`/api/overlays/${overlay.id}`)).status()).toBe(404);
  expect((await member.request.post('/api/workspaces/current', { data: { workspaceId: 'x' } })).status()).toBe(404);
  await obsContext.close();
  await memberContext.close();
});

test('security review findings on the running app: redirects, sign-out, bad addresses, headers', async ({ page, browser, baseURL }) => {
  // Only same-origin paths are followed after signing in.
  await page.goto('/signin?callbackUrl=/%5Clocalhost:9999/pwned');
  await page.getByLabel('Email').fill('demo@livelens.local');
  await page.getByLabel('Password').fill('livelens-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${baseURL}/dashboard`);

  // Signing out ends the session on the server: the old cookie no longer works.
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith('next-auth.session-token'));
  expect(session).toBeDefined();
  expect((await page.request.get('/api/dashboard/accounts')).status()).toBe(200);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  const replay = await browser.newContext();
  await replay.addCookies([{ ...(session ?? { name: '', value: '', domain: '', path: '/' }) }]);
  expect((await replay.request.get(`${baseURL}/api/dashboard/accounts`)).status()).toBe(401);
  await replay.close();

  // A malformed % or a NUL in an address is a 400, never a 500.
  for (const bad of ['/@%E0%A4%A', '/dashboard/lives/%ZZ', '/api/accounts/%E0%A4%A', '/top%00']) expect((await page.request.get(bad)).status(), bad).toBe(400);
  // A person gets a page in the address's language, not JSON.
  const refused = await page.request.get('/ru/top%00');
  expect(refused.headers()['content-type']).toMatch(/^text\/html/);
  expect(await refused.text()).toMatch(/<html lang="ru"[\s\S]*Этот адрес недействителен/);

  // Security headers: a nonce-based policy on pages rendered per request, not framable; overlays stay embeddable.
  const home = await page.request.get('/');
  expect(home.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(home.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(home.headers()).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin', 'x-frame-options': 'DENY' });
  expect(home.headers()['permissions-policy']).toContain('camera=()');
  const api = await page.request.get('/api/health');
  expect(api.headers()['x-content-type-options']).toBe('nosniff');
  const overlay = await page.request.get('/overlay/not-a-real-token-but-long-enough-1234');
  expect(overlay.headers()['content-security-policy']).not.toContain('frame-ancestors');
  expect(overlay.headers()['x-frame-options']).toBeUndefined();
});

test('a page of the site renders under its content security policy without violations', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
  });
  await signIn(page);
  for (const path of ['/', '/top', '/@luna.streams', '/dashboard', '/dashboard/workspace', '/account/settings']) {
    await page.goto(path);
    await expect(page.locator('main')).toBeVisible();
  }
  expect(violations).toEqual([]);
});
