import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { OVERLAY_DEFAULT_TEXTS, withLanguage } from '@/lib/overlays/default-texts';
import { addAccount, addAccountThroughForm, freshHandle, signUpAndIn } from './support/live';

// Languages: the browser's Accept-Language picks the language of pages without one in their address,
// the switcher saves a choice that wins over it, and public pages carry theirs in the address
// (/ru/@handle) with hreflang alternates. Thai and Chinese render with real glyphs (the fonts .ci/run
// installs), not empty boxes.

type Catalogue = { [key: string]: string | Catalogue };
/** A message of a catalogue (lib/i18n/messages), e.g. text('th', 'auth.wrongCredentials'). */
function text(locale: string, key: string): string {
  const [namespace = '', ...rest] = key.split('.');
  const catalogue = JSON.parse(fs.readFileSync(path.resolve('lib', 'i18n', 'messages', locale, `${namespace}.json`), 'utf8')) as Catalogue;
  const value = rest.reduce<string | Catalogue | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), catalogue);
  if (typeof value !== 'string') throw new Error(`no message ${key} in ${locale}`);
  return value;
}
/** The headline's text before its <accent> part. */
const headline = (locale: string) => text(locale, 'home.headline').split('<accent>')[0]?.trim() ?? '';
const HEADLINES = { en: headline('en'), ru: headline('ru'), th: headline('th'), 'zh-CN': headline('zh-CN') } as const;

test('the home page answers in the browser’s language, with <html lang>', async ({ request }) => {
  for (const [header, lang] of [['ru-RU,ru;q=0.9,en;q=0.5', 'ru'], ['th-TH', 'th'], ['zh-CN,zh;q=0.9', 'zh-CN'], ['de-DE,en;q=0.3', 'en'], ['zh-TW', 'en']] as const) {
    const html = await (await request.get('/', { headers: { 'Accept-Language': header } })).text();
    expect(html, header).toContain(`<html lang="${lang}"`);
    expect(html, header).toContain(HEADLINES[lang]);
  }
});

/** True when `text` draws differently from the same number of unassigned characters (no font: empty boxes). */
async function drawsGlyphs(page: Page, text: string): Promise<boolean> {
  return page.evaluate((sample) => {
    const font = getComputedStyle(document.body).fontFamily;
    const draw = (value: string) => {
      const canvas = document.createElement('canvas');
      canvas.width = 400;
      canvas.height = 60;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d canvas');
      context.font = `32px ${font}`;
      context.fillText(value, 4, 44);
      return canvas.toDataURL();
    };
    return draw(sample) !== draw('\u{E000}'.repeat([...sample].length));
  }, text);
}

test('the switcher saves a language that wins over the browser’s, and Thai and Chinese draw real glyphs', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Language').selectOption('th');
  await expect(page.locator('html')).toHaveAttribute('lang', 'th');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(HEADLINES.th);
  expect((await context.cookies()).find((c) => c.name === 'livelens-locale')?.value).toBe('th');
  expect(await drawsGlyphs(page, 'ดูทุกความเคลื่อนไหว')).toBe(true);

  // The choice holds on other pages, and for forms and their messages.
  await page.goto('/signin');
  const signIn = page.locator('form').getByRole('button', { name: text('th', 'auth.submitSignIn') });
  await expect(signIn).toBeVisible();
  await page.getByLabel(text('th', 'auth.email')).fill('nobody@example.test');
  await page.getByLabel(text('th', 'auth.password')).fill('not the password');
  await signIn.click();
  await expect(page.locator('form').getByRole('alert')).toHaveText(text('th', 'auth.wrongCredentials'));

  await page.getByLabel(text('th', 'language.label')).selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.goto('/');
  await page.getByLabel(text('zh-CN', 'search.label')).fill('bad handle');
  await page.getByRole('button', { name: text('zh-CN', 'search.submit') }).click();
  await expect(page.getByRole('search').getByRole('alert')).toHaveText(text('zh-CN', 'handle.invalidSpace'));
  expect(await drawsGlyphs(page, '看清一切')).toBe(true);

  await page.getByLabel(text('zh-CN', 'language.label')).selectOption('en');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(HEADLINES.en);
});

test('a public profile carries its language in the address, with alternates for the others', async ({ page, request }) => {
  const english = await (await request.get('/@luna.streams', { headers: { 'Accept-Language': 'ru' } })).text();
  expect(english).toContain('<html lang="en"'); // the address decides on pages everyone shares
  const russian = await (await request.get('/ru/@luna.streams')).text();
  expect(russian).toContain('<html lang="ru"');
  expect(russian).toMatch(/<link rel="canonical" href="[^"]+\/ru\/@luna\.streams"/);
  for (const [lang, path] of [['en', '/@luna.streams'], ['th', '/th/@luna.streams'], ['zh-CN', '/zh-CN/@luna.streams'], ['x-default', '/@luna.streams']] as const) {
    expect(russian).toMatch(new RegExp(`<link rel="alternate" hrefLang="${lang}" href="[^"]+${path.replace(/[.]/g, '\\.')}"`));
  }
  // Links to profiles and to About keep the reader's language (those pages take it from the address only).
  for (const path of ['/ru', '/ru/top', '/ru/@luna.streams']) {
    const html = await (await request.get(path)).text();
    expect(html, path).toMatch(/href="\/ru\/about"/);
    expect(html, path).not.toMatch(/href="\/about"/);
    if (path !== '/ru/@luna.streams') {
      expect(html, path).toMatch(/href="\/ru\/@[^"]+"/);
      expect(html, path).not.toMatch(/href="\/@[^"]+"/);
    }
  }
  // The switcher moves to the same profile in the other language.
  await page.goto('/@luna.streams');
  await page.getByLabel('Language').selectOption('ru');
  await expect(page).toHaveURL(/\/ru\/@luna\.streams$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('navigation').getByRole('link', { name: text('ru', 'header.lookup') })).toBeVisible();
});

test('an overlay writes in its own language, and switches live when the editor changes it', async ({ page, browser }) => {
  await signUpAndIn(page, 'i18n-overlay');
  const accountId = await addAccount(page, freshHandle('i18n'));
  const created = await page.request.post('/api/overlays', { data: { accountId, kind: 'LEADERBOARD', language: 'th' } });
  expect(created.status()).toBe(201);
  const { overlay } = (await created.json()) as { overlay: { id: string; token: string; settings: { title: string; language: string } } };
  expect(overlay.settings).toMatchObject({ language: 'th', title: OVERLAY_DEFAULT_TEXTS.th.leaderboardTitle });

  // OBS opens it with an English browser: the overlay is still Thai.
  const obs = await browser.newContext({ locale: 'en-US' });
  const source = await obs.newPage();
  await source.goto(`/overlay/${overlay.token}`);
  const root = source.locator('[data-overlay-kind="LEADERBOARD"] [lang]');
  await expect(root).toHaveAttribute('lang', 'th');
  await expect(source.getByText(text('th', 'overlay.boardEmpty'))).toBeVisible();
  await expect(source.getByText(OVERLAY_DEFAULT_TEXTS.th.leaderboardTitle)).toBeVisible();

  // Saved in Russian from the editor: the open overlay follows without a reload; the title the streamer
  // never changed follows too. (Settings reach an overlay over its realtime subscription: wait for it.)
  await expect(source.locator('[data-overlay-kind="LEADERBOARD"]')).toHaveAttribute('data-overlay-state', 'live', { timeout: 20_000 });
  const settings = withLanguage('LEADERBOARD', overlay.settings as never, 'ru') as { title: string };
  expect((await page.request.patch(`/api/overlays/${overlay.id}`, { data: { settings } })).ok()).toBe(true);
  await expect(root).toHaveAttribute('lang', 'ru', { timeout: 15_000 });
  await expect(source.getByText(text('ru', 'overlay.boardEmpty'))).toBeVisible();
  await expect(source.getByText(OVERLAY_DEFAULT_TEXTS.ru.leaderboardTitle)).toBeVisible();
  expect(await drawsGlyphs(source, OVERLAY_DEFAULT_TEXTS.th.leaderboardTitle)).toBe(true);
  await obs.close();
});

test('the signed-in pages answer in the saved language', async ({ page, context, baseURL }) => {
  await signUpAndIn(page, 'i18n-pages');
  const pages = [
    ['/dashboard', 'dashboard.title'],
    ['/dashboard/overlays', 'overlayEditor.list.title'],
    ['/dashboard/clusters', 'clusters.title'],
    ['/dashboard/notifications', 'notifications.title'],
    ['/dashboard/workspace', 'workspace.metaTitle'],
    ['/account/settings', 'account.settings.title'],
  ] as const;
  for (const locale of ['ru', 'th', 'zh-CN'] as const) {
    await context.addCookies([{ name: 'livelens-locale', value: locale, url: baseURL }]);
    for (const [path, key] of pages) {
      // Asked over HTTP: the server's own answer (no browser render per page and language).
      const html = await (await page.request.get(path)).text();
      expect(html, `${locale} ${path}`).toContain(`<html lang="${locale}"`);
      expect(html, `${locale} ${path}`).toContain(text(locale, key));
    }
  }
});

test('times follow the browser’s time zone until the account saves one', async ({ browser }) => {
  const context = await browser.newContext({ timezoneId: 'Asia/Bangkok', locale: 'en-US' });
  const page = await context.newPage();
  await signUpAndIn(page, 'i18n-zone');
  const accountId = await addAccountThroughForm(page, freshHandle('zone'));
  // Every site page stores the browser's zone; pages rendered per request use it.
  expect((await context.cookies()).find((c) => c.name === 'livelens-tz')?.value).toBe('Asia/Bangkok');
  await page.goto(`/dashboard/accounts/${accountId}/status`);
  await expect(page.getByText('Times in Asia/Bangkok (GMT+7)')).toBeVisible();

  // A zone and currency saved in the account settings win over the browser's.
  await page.goto('/account/settings');
  await expect(page.getByLabel(/^Time zone/)).toContainText('Your browser’s: Asia/Bangkok (GMT+7)');
  await page.getByLabel(/^Time zone/).selectOption('America/New_York');
  await page.getByLabel('Currency for earnings').selectOption('EUR');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.goto(`/dashboard/accounts/${accountId}/status`);
  await expect(page.getByText(/Times in America\/New York \(GMT-[45]\)/)).toBeVisible();
  expect((await context.cookies()).find((c) => c.name === 'livelens-currency')?.value).toBe('EUR');
  await context.close();
});
