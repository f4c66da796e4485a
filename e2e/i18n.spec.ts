import { expect, test, type Page } from '@playwright/test';

// Languages: the browser's Accept-Language picks the language of pages without one in their address,
// the switcher saves a choice that wins over it, and public pages carry theirs in the address
// (/ru/@handle) with hreflang alternates. Thai and Chinese render with real glyphs (the fonts .ci/run
// installs), not empty boxes.

const HEADLINES = { en: 'See what happens on', ru: 'Всё, что происходит в', th: 'ดูทุกความเคลื่อนไหวบน', 'zh-CN': '看清' } as const;

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
  await expect(page.getByRole('button', { name: 'เข้าสู่ระบบ' })).toBeVisible();
  await page.getByLabel('อีเมล').fill('nobody@example.test');
  await page.getByLabel('รหัสผ่าน').fill('not the password');
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await expect(page.locator('form').getByRole('alert')).toHaveText('อีเมลหรือรหัสผ่านไม่ถูกต้อง');

  await page.getByLabel('ภาษา').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.goto('/');
  await page.getByLabel('TikTok 用户名或主页链接').fill('bad handle');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('search').getByRole('alert')).toHaveText('TikTok 用户名只能包含字母、数字、下划线和点，不能有空格。');
  expect(await drawsGlyphs(page, '看清一切')).toBe(true);

  await page.getByLabel('语言').selectOption('en');
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
  // The switcher moves to the same profile in the other language.
  await page.goto('/@luna.streams');
  await page.getByLabel('Language').selectOption('ru');
  await expect(page).toHaveURL(/\/ru\/@luna\.streams$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('link', { name: 'Поиск' })).toBeVisible();
});
