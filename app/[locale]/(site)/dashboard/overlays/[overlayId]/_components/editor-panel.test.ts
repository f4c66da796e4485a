// The editor's side panels as the server renders them: the timer's and the wheel's host controls and the
// settings file each come out of EditorPanel, a section named by its heading, with its description.
import { QueryClientProvider } from '@tanstack/react-query';
import { NextIntlClientProvider } from 'next-intl';
import { createElement, type ComponentProps, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Locale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import { makeQueryClient } from '@/lib/query-client';
import { ExportPanel } from './export-panel';
import { TimerControls } from './timer-controls';
import { WheelControls } from './wheel-controls';

async function render(element: ReactElement, locale: Locale): Promise<string> {
  const messages = await loadMessages(locale);
  const intl = { locale, messages, timeZone: 'UTC' } as ComponentProps<typeof NextIntlClientProvider>;
  const query = { client: makeQueryClient() } as ComponentProps<typeof QueryClientProvider>;
  return renderToStaticMarkup(createElement(QueryClientProvider, query, createElement(NextIntlClientProvider, intl, element)));
}

const realtime = { key: 'stand-in', cluster: 'mt1', wsHost: '127.0.0.1', wsPort: 1, forceTLS: false };

/** The section labelled by its own heading, the heading's text and the line under it. */
function panel(html: string, id: string) {
  const section = new RegExp(`^<section aria-labelledby="${id}-title" class="([^"]+)"><h2 id="${id}-title" class="font-semibold">([^<]+)</h2><p class="text-sm text-muted">([^<]+)</p>`).exec(html);
  return section ? { className: section[1], title: section[2], description: section[3] } : null;
}

describe('EditorPanel', () => {
  it('frames the timer, wheel and export panels alike, with their titles in the page’s language', async () => {
    const [timer, wheel, exported] = await Promise.all([
      render(createElement(TimerControls, { overlayId: 'o1' }), 'ru'),
      render(createElement(WheelControls, { overlayId: 'o1', unsaved: false, realtime, channel: 'private-workspace-w1' }), 'ru'),
      render(createElement(ExportPanel, { overlayId: 'o1', unsaved: true }), 'ru'),
    ]);
    const ru = await loadMessages('ru');
    const found = [panel(timer, 'timer-controls'), panel(wheel, 'wheel-controls'), panel(exported, 'export')];
    expect(found.map((p) => p?.title)).toEqual([ru.overlayEditor.timer.controlsTitle, ru.overlayEditor.wheel.controlsTitle, ru.overlayThemes.export.title]);
    expect(found.map((p) => p?.description)).toEqual([ru.overlayEditor.timer.controlsDescription, ru.overlayEditor.wheel.controlsDescription, ru.overlayThemes.export.intro].map((text) => text.replaceAll('"', '&quot;')));
    expect(new Set(found.map((p) => p?.className)).size).toBe(1);
    // What each panel adds stays inside its section.
    expect(exported).toContain(`href="/api/overlays/o1/export"`);
    expect(exported.endsWith('</section>')).toBe(true);
    expect(wheel).toContain('data-testid="wheel-spin-now"');
  });
});
