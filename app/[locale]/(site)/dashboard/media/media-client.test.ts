// The media library's page body as the server renders it: the empty state, and each kind of file with its
// preview element (img, audio, video), size, dimensions or length, in the page's language.
import { QueryClientProvider } from '@tanstack/react-query';
import { NextIntlClientProvider } from 'next-intl';
import { createElement, type ComponentProps } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Locale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import type { MediaSummary } from '@/lib/media/library';
import { makeQueryClient } from '@/lib/query-client';
import { MediaLibrary } from './media-client';

async function render(files: MediaSummary[], locale: Locale = 'en'): Promise<string> {
  const messages = await loadMessages(locale);
  const intl = { locale, messages, timeZone: 'UTC' } as ComponentProps<typeof NextIntlClientProvider>;
  const query = { client: makeQueryClient() } as ComponentProps<typeof QueryClientProvider>;
  return renderToStaticMarkup(createElement(QueryClientProvider, query, createElement(NextIntlClientProvider, intl, createElement(MediaLibrary, { initialFiles: files }))));
}

const file = (over: Partial<MediaSummary>): MediaSummary => ({
  id: 'm1', name: 'file', kind: 'IMAGE', mime: 'image/png', bytes: 2048, sha256: 'a'.repeat(64),
  width: null, height: null, durationMs: null, animated: false, url: '/api/media/m1', createdAt: '2026-12-03T00:00:00.000Z', ...over,
});

describe('MediaLibrary', () => {
  it('shows the empty state and a keyboard-usable file picker', async () => {
    const html = await render([]);
    expect(html).toContain('No media yet');
    expect(html).toMatch(/<label for="([^"]+)"[^>]*>Choose files<input id="\1" type="file" multiple=""/);
    expect(html).toContain('Drag files here');
  });

  it('lists each kind with its preview element and what was read from it', async () => {
    const html = await render([
      file({ id: 'g', name: 'confetti.gif', mime: 'image/gif', width: 480, height: 270, animated: true, bytes: 3 * 1024 * 1024 + 400 * 1024, url: '/api/media/g' }),
      file({ id: 's', name: 'ding.mp3', kind: 'SOUND', mime: 'audio/mpeg', durationMs: 2500, bytes: 40 * 1024, url: '/api/media/s' }),
      file({ id: 'v', name: 'rose.webm', kind: 'VIDEO', mime: 'video/webm', width: 640, height: 360, durationMs: 4000, url: '/api/media/v' }),
    ]);
    expect(html).toMatch(/<img src="\/api\/media\/g"/);
    expect(html).toContain('480 × 270 px');
    expect(html).toContain('animated');
    expect(html).toContain('3.4 MB');
    expect(html).toMatch(/<audio controls="" preload="none" src="\/api\/media\/s" aria-label="Listen to ding.mp3"/);
    expect(html).toContain('2.5 s');
    expect(html).toMatch(/<video controls="" muted="" preload="metadata" src="\/api\/media\/v"/);
    expect(html).toContain('3 files, 3.4 MB');
    const ru = await render([file({ name: 'ding.mp3', kind: 'SOUND', durationMs: 2500 })], 'ru');
    expect(ru).toContain('1 файл');
    expect(ru).toContain('2,5 с');
  });
});
