// /top as drawn for each platform (the lists are replaced here; lib/stats/top-lists.ts is tested against
// the database in worker/jobs/jobs.test.ts): the platform switch as plain links with the current one
// marked, TikTok by default and for an unknown ?platform; each list in its platform's unit with the USD
// worth; Bilibili channels by nickname with the badge, linking to /bilibili/{uid}; an empty state per
// platform; the ranks of the platform's stored channels on each view.
import { createTranslator, NextIntlClientProvider } from 'next-intl';
import { createElement, type ComponentProps, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadMessages } from '@/lib/i18n/messages';
import type { Page, TopCreator, TopGifter } from '@/lib/stats/public-lists';

const lists = vi.hoisted(() => ({ topCreators: vi.fn(), topGifters: vi.fn() }));
vi.mock('@/lib/db', () => ({ db: {} }));
vi.mock('@/lib/stats/public-lists', () => ({ ...lists, TOP_PLATFORMS: ['tiktok', 'bilibili'] }));
// Drawn with its platform; rank-list.test.ts draws the list itself.
vi.mock('./_components/rank-list', () => ({ RankList: ({ platform }: { platform: string }) => createElement('section', { id: 'ranks' }, `ACCOUNT RANKS ${platform}`) }));
vi.mock('next-intl/server', async () => {
  const messages = await loadMessages('en');
  return {
    getLocale: () => Promise.resolve('en'),
    getTranslations: (namespace: string) => Promise.resolve(createTranslator({ locale: 'en', messages, namespace: namespace as 'top' })),
  };
});

const { default: TopPage, generateMetadata } = await import('./page');

async function html(search: Record<string, string>): Promise<string> {
  const messages = await loadMessages('en');
  const element: ReactElement = await TopPage({ searchParams: Promise.resolve(search) });
  const props = { locale: 'en', messages, timeZone: 'UTC' } as ComponentProps<typeof NextIntlClientProvider>;
  return renderToStaticMarkup(createElement(NextIntlClientProvider, props, element));
}
const text = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
/** The platform switch's links as [label, href, current]. */
const switchLinks = (markup: string) => {
  const nav = /<nav aria-label="Platform"[^>]*>(.*?)<\/nav>/.exec(markup)?.[1] ?? '';
  return [...nav.matchAll(/<a ([^>]*)>([^<]*)<\/a>/g)].map(([, attrs = '', label]) => [label, /href="([^"]*)"/.exec(attrs)?.[1]?.replaceAll('&amp;', '&'), attrs.includes('aria-current="page"')]);
};

const page = <T>(items: T[]): Page<T> => ({ items, page: 1, pages: 1, total: items.length, computedAt: items.length ? '2026-12-01T10:00:00.000Z' : null });
const empty = page<never>([]);

const luna: TopCreator = { rank: 1, platform: 'tiktok', handle: 'luna.streams', nickname: 'Luna', avatarUrl: null, verified: true, value: 1_234_567, earnings: { low: 4_938, mid: 6_173, high: 7_407 }, lives: 3, hoursLive: 7.5 };
// 8,624,900 gold = 8,624.9 CNY paid; the creator's 40–60% at 7.076 CNY per USD: $488–$731.
const xinghai: TopCreator = { rank: 1, platform: 'bilibili', handle: '21144080', nickname: '星海电台', avatarUrl: null, verified: false, value: 8_624_900, earnings: { low: 487.56, mid: 609.45, high: 731.34 }, lives: 2, hoursLive: 4 };
const goldFan: TopGifter = { rank: 1, handle: null, nickname: '小鱼干', avatarUrl: null, value: 245_000, streamers: 2 };
const diamondFan: TopGifter = { rank: 1, handle: 'fan.one', nickname: 'Fan One', avatarUrl: null, value: 5_000, streamers: 1 };

beforeEach(() => {
  lists.topCreators.mockReset();
  lists.topGifters.mockReset();
});

describe('/top per platform', () => {
  it('shows Bilibili’s lists in gold with their USD worth, channels by nickname and badge linking to /bilibili/{uid}', async () => {
    lists.topCreators.mockResolvedValue(page([xinghai]));
    lists.topGifters.mockResolvedValue(page([goldFan]));
    const markup = await html({ platform: 'bilibili', period: '30' });
    expect(lists.topCreators).toHaveBeenCalledWith('bilibili', 30, 1);
    expect(lists.topGifters).toHaveBeenCalledWith('bilibili', 30, 1);
    const shown = text(markup);
    expect(shown).toContain('Top of Bilibili live');
    expect(shown).toContain('ranked by gold coins received. 1,000 gold coins are 1 CNY paid by viewers');
    expect(shown).toContain('Streamers by live earnings, last 30 days # Creator Gold coins Est. earnings Lives · hours');
    expect(shown).toContain('1 星海 星海电台 Bilibili 8.6M $488–$731 2 · 4.0 h');
    expect(markup).toContain('href="/bilibili/21144080"');
    expect(markup).toContain('title="8,624,900"');
    expect(markup).not.toContain('@21144080');
    expect(shown).toContain('小鱼干 to 2 creators 🪙 245K');
    expect(shown).not.toContain('💎');
    // The switch: links, Bilibili current, TikTok's address as it always was (no ?platform).
    expect(switchLinks(markup)).toEqual([
      ['TikTok', '/top?period=30&page=1&gpage=1', false],
      ['Bilibili', '/top?platform=bilibili&period=30&page=1&gpage=1', true],
    ]);
    // Period tabs keep the platform; the ranks compare Bilibili's channels here.
    expect(markup).toContain('href="/top?platform=bilibili&amp;period=7&amp;page=1&amp;gpage=1"');
    expect(shown).toContain('ACCOUNT RANKS bilibili');
  });

  it('keeps TikTok as the default (also for an unknown platform), in diamonds, linking to /@handle', async () => {
    lists.topCreators.mockResolvedValue(page([luna]));
    lists.topGifters.mockResolvedValue(page([diamondFan]));
    const searches: Record<string, string>[] = [{}, { platform: 'twitch' }];
    for (const search of searches) {
      const markup = await html(search);
      expect(lists.topCreators).toHaveBeenLastCalledWith('tiktok', 7, 1);
      const shown = text(markup);
      expect(shown).toContain('Top of TikTok LIVE');
      expect(shown).toContain('Creators by LIVE earnings, last 7 days # Creator Diamonds Est. earnings');
      expect(shown).toContain('1 LU Luna ✓ 1.2M $4,938–$7,407 3 · 7.5 h');
      expect(markup).toContain('href="/@luna.streams"');
      expect(shown).toContain('Fan One to 1 creator 💎 5K');
      expect(switchLinks(markup)).toEqual([
        ['TikTok', '/top?period=7&page=1&gpage=1', true],
        ['Bilibili', '/top?platform=bilibili&period=7&page=1&gpage=1', false],
      ]);
      expect(shown).toContain('ACCOUNT RANKS tiktok');
    }
  });

  it('says per platform when a list is empty', async () => {
    lists.topCreators.mockResolvedValue(empty);
    lists.topGifters.mockResolvedValue(empty);
    expect(text(await html({ platform: 'bilibili' }))).toContain('No lives recorded in this period Bilibili streamers appear here once LiveLens has watched their live rooms.');
    expect(text(await html({}))).toContain('No lives recorded in this period Creators appear here once LiveLens has watched their lives.');
  });

  it('names the platform in the page title', async () => {
    expect(await generateMetadata({ searchParams: Promise.resolve({ platform: 'bilibili' }) })).toMatchObject({ title: 'Top Bilibili live creators and gifters' });
    expect(await generateMetadata({ searchParams: Promise.resolve({}) })).toMatchObject({ title: 'Top TikTok LIVE creators and gifters' });
  });
});
