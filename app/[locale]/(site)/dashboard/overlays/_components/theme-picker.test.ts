// The theme pickers and the import's missing-media list as the server renders them: every theme of the
// kind with its swatch and name in the page's language, the editor's Apply buttons, and a hostile file
// name printed as text.
import { QueryClientProvider } from '@tanstack/react-query';
import { NextIntlClientProvider } from 'next-intl';
import { createElement, type ComponentProps, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Locale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import type { OverlaySummary } from '@/lib/overlays/manage';
import { makeQueryClient } from '@/lib/query-client';
import { readSettings } from '@/lib/overlays/settings';
import { PALETTES, themesFor } from '@/lib/overlays/themes';
import { ThemePanel } from '../[overlayId]/_components/theme-panel';
import { MissingMediaList } from './missing-media-list';
import { ThemePicker } from './theme-picker';

async function render(element: ReactElement, locale: Locale = 'en'): Promise<string> {
  const messages = await loadMessages(locale);
  const intl = { locale, messages, timeZone: 'UTC' } as ComponentProps<typeof NextIntlClientProvider>;
  const query = { client: makeQueryClient() } as ComponentProps<typeof QueryClientProvider>;
  return renderToStaticMarkup(createElement(QueryClientProvider, query, createElement(NextIntlClientProvider, intl, element)));
}

const noop = () => undefined;

describe('ThemePicker', () => {
  it('offers Default and each of the kind’s themes, with a swatch in the theme’s colours', async () => {
    const html = await render(createElement(ThemePicker, { kind: 'GIFT_ALERTS', value: 'gold', onChange: noop }));
    expect(html.match(/type="radio"/g)).toHaveLength(1 + themesFor('GIFT_ALERTS').length);
    expect(html).toMatch(/<input type="radio" class="sr-only" name="theme" checked="" value="gold"/);
    for (const name of ['Default', 'Studio', 'Neon night', 'Gold rush', 'Clean light']) expect(html).toContain(name);
    expect(html).toContain(`border-color:${PALETTES.gold.accent}`);
    expect(html).toContain(`color:${PALETTES.gold.textColour}`);
    const th = await render(createElement(ThemePicker, { kind: 'CHAT', value: '', onChange: noop }), 'th');
    expect(th).toContain('เริ่มจากธีม');
    expect(th).toContain('ค่ำคืนนีออน');
  });
});

describe('ThemePanel', () => {
  it('lists the overlay kind’s themes, each with an Apply button', async () => {
    const overlay: OverlaySummary = { id: 'o1', kind: 'TIMER', name: 'Timer', accountId: 'a1', platform: 'tiktok', handle: 'someone', nickname: null, token: 't'.repeat(32), revoked: false, settings: readSettings('TIMER', {}), createdAt: '', updatedAt: '' };
    const html = await render(createElement(ThemePanel, { overlay, unsaved: false, onApplied: noop }), 'ru');
    expect(html).toContain('Темы');
    expect(html.match(/>Применить</g)).toHaveLength(themesFor('TIMER').length);
    expect(html).not.toContain('варианты оповещений');
  });
});

describe('MissingMediaList', () => {
  it('names each missing file and its kind as text, markup included', async () => {
    const html = await render(createElement(MissingMediaList, { missing: [{ sha256: 'c'.repeat(64), name: '<img src=x onerror=alert(1)>.gif', kind: 'IMAGE' }, { sha256: 'd'.repeat(64), name: 'fanfare.mp3', kind: 'SOUND' }], uploads: { ['d'.repeat(64)]: { state: 'linked' } }, onUpload: noop }));
    expect(html).toContain('2 media files are missing');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.gif');
    expect(html).not.toContain('<img');
    expect(html).toContain('(image)');
    expect(html).toMatch(/accept="image\/\*"/);
    expect(html).toContain('Uploaded and linked.');
  });
});
