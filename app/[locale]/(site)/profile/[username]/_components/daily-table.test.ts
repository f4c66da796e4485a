// The daily table as first drawn: newest day first, each change signed with the count below it, a gap
// named by the days it spans, and at most 30 rows until asked for more.
import { NextIntlClientProvider } from 'next-intl';
import { createElement, type ComponentProps } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { loadMessages } from '@/lib/i18n/messages';
import { dailyChanges, type DayPoint } from '@/lib/stats/history';
import { DailyTable } from './daily-table';

const day = (n: number) => new Date(Date.UTC(2026, 9, 1) + n * 86_400_000).toISOString().slice(0, 10);

async function render(points: DayPoint[], period: '30' | 'all'): Promise<string> {
  const messages = await loadMessages('en');
  const props = { locale: 'en', messages, timeZone: 'UTC' } as ComponentProps<typeof NextIntlClientProvider>;
  const html = renderToStaticMarkup(createElement(NextIntlClientProvider, props, createElement(DailyTable, { changes: dailyChanges(points), period })));
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('DailyTable', () => {
  it('lists the newest stored day first with signed changes, totals and gaps', async () => {
    const points = [
      { day: day(0), followers: 1_000, hearts: 10_000, videos: 10 },
      { day: day(1), followers: 1_250, hearts: 10_500, videos: 11 },
      { day: day(4), followers: 1_200, hearts: 12_000, videos: 11 },
    ];
    const text = await render(points, 'all');
    expect(text.indexOf('Oct 5, 2026')).toBeGreaterThan(-1);
    expect(text.indexOf('Oct 5, 2026')).toBeLessThan(text.indexOf('Oct 2, 2026'));
    expect(text).toContain('Oct 5, 2026 over 3 days -50 1,200 +1,500 12,000 0 11');
    expect(text).toContain('Oct 2, 2026 +250 1,250 +500 10,500 +1 11');
  });

  it('keeps to the chosen period and offers the rest of a long list', async () => {
    const points = Array.from({ length: 80 }, (_, i) => ({ day: day(i), followers: 1_000 + i, hearts: 0, videos: 0 }));
    expect(await render(points, 'all')).toContain('Show all 79 rows');
    const month = await render(points, '30');
    expect(month).not.toContain('Show all');
    expect(month).not.toContain(`Nov 19, 2026 `); // 31 days before the latest (Dec 19)
    expect(month).toContain('Nov 20, 2026');
  });
});
