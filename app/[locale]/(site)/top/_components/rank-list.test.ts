// The ranks section of /top as drawn for each platform (getRankPage is replaced here; it is tested against
// Postgres in lib/stats/rank-data.test.ts): TikTok's four rankings with regions; Bilibili's two (followers,
// gold), no region choice or column, channels by nickname linking to /bilibili/{uid}, earnings in dollars
// from gold; a metric Bilibili has no figures for falls back to followers.
import { createTranslator, NextIntlClientProvider } from 'next-intl';
import { createElement, type ComponentProps } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadMessages } from '@/lib/i18n/messages';
import type { RankPage } from '@/lib/stats/rank-data';

const getRankPage = vi.hoisted(() => vi.fn());
vi.mock('@/lib/db', () => ({ db: {} }));
vi.mock('@/lib/stats/rank-data', () => ({ getRankPage }));
vi.mock('next-intl/server', async () => {
  const messages = await loadMessages('en');
  return {
    getLocale: () => Promise.resolve('en'),
    getTranslations: (namespace: string) => Promise.resolve(createTranslator({ locale: 'en', messages, namespace: namespace as 'top' })),
  };
});

const { RankList } = await import('./rank-list');

async function draw(search: Record<string, string>, platform: 'tiktok' | 'bilibili'): Promise<{ html: string; text: string }> {
  const messages = await loadMessages('en');
  const props = { locale: 'en', messages, timeZone: 'UTC' } as ComponentProps<typeof NextIntlClientProvider>;
  const html = renderToStaticMarkup(createElement(NextIntlClientProvider, props, await RankList({ search, platform })));
  return { html, text: html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') };
}

const bilibiliPage: RankPage = {
  items: [
    { platform: 'bilibili', rank: 1, change: 2, handle: '21144080', nickname: '星海电台', avatarUrl: null, verified: false, region: null, value: 8_000_000, earnings: { low: 452.2, mid: 565.3, high: 678.3 } },
    { platform: 'bilibili', rank: 2, change: null, handle: '35460012', nickname: null, avatarUrl: null, verified: false, region: null, value: 120_000, earnings: { low: 6.8, mid: 8.5, high: 10.2 } },
  ],
  page: 1,
  pages: 1,
  total: 2,
  regions: [],
};

beforeEach(() => getRankPage.mockReset());

describe('RankList', () => {
  it("ranks Bilibili's channels by followers or gold, with no regions, linking to their pages", async () => {
    getRankPage.mockResolvedValue(bilibiliPage);
    const { html, text } = await draw({ platform: 'bilibili', rank: 'earnings', period: '30' }, 'bilibili');
    expect(getRankPage).toHaveBeenCalledWith({}, { metric: 'earnings', region: null, page: 1, platform: 'bilibili' });
    expect(text).toContain('Channel ranks');
    expect(text).toContain('Every Bilibili channel LiveLens has stored');
    // Two rankings, each keeping the platform and the lists' own choices in the address.
    const tabs = [...html.matchAll(/<a [^>]*href="([^"]*)"[^>]*>(Followers|Likes|Engagement|LIVE earnings, 30 days)<\/a>/g)].map((m) => [m[2], m[1]?.replaceAll('&amp;', '&')]);
    expect(tabs).toEqual([
      ['Followers', '/top?platform=bilibili&period=30&rank=followers&rpage=1#ranks'],
      ['LIVE earnings, 30 days', '/top?platform=bilibili&period=30&rank=earnings&rpage=1#ranks'],
    ]);
    expect(text).not.toContain('All regions');
    expect(text).not.toContain('Region');
    expect(text).toContain('1 ▲ 2 Up 2 places since a week ago 星海 星海电台 $452–$678');
    expect(text).toContain('2 new 35 35460012 $6.80–$10');
    expect(html).toContain('href="/bilibili/21144080"');
    expect(html).not.toContain('/@21144080');
    expect(text).toContain('Ranks compare the Bilibili channels LiveLens has stored, not all of Bilibili.');
    expect(text).not.toContain('TikTok');
  });

  it('asks for followers when the address names a ranking Bilibili has no figures for', async () => {
    getRankPage.mockResolvedValue({ ...bilibiliPage, items: [] });
    const { text } = await draw({ platform: 'bilibili', rank: 'engagement' }, 'bilibili');
    expect(getRankPage).toHaveBeenCalledWith({}, { metric: 'followers', region: null, page: 1, platform: 'bilibili' });
    expect(text).toContain('Nothing to rank yet Channels appear here once someone has looked them up on LiveLens.');
  });

  it("keeps TikTok's four rankings and regions", async () => {
    getRankPage.mockResolvedValue({ items: [{ platform: 'tiktok', rank: 1, change: 0, handle: 'luna.streams', nickname: 'Luna', avatarUrl: null, verified: true, region: 'TH', value: 12_000, earnings: null }], page: 1, pages: 1, total: 1, regions: [{ region: 'TH', accounts: 1 }] });
    const { html, text } = await draw({ rank: 'likes' }, 'tiktok');
    expect(getRankPage).toHaveBeenCalledWith({}, { metric: 'likes', region: null, page: 1, platform: 'tiktok' });
    expect(text).toContain('Account ranks');
    expect(text).toContain('Followers Likes Engagement LIVE earnings, 30 days');
    expect(text).toContain('All regions Thailand');
    expect(text).toContain('Luna ✓ Thailand 12K');
    expect(html).toContain('href="/@luna.streams"');
    expect(text).toContain('not all of TikTok');
  });
});
