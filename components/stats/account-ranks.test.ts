// The account page's ranks card: each ranking's place overall and in the account's region, the week's
// change as words for screen readers, "not ranked" where there is nothing to rank by.
import { NextIntlClientProvider } from 'next-intl';
import { createElement, type ComponentProps } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { loadMessages } from '@/lib/i18n/messages';
import type { AccountRanks } from '@/lib/stats/rank-data';
import { AccountRanksCard } from './account-ranks';

const ranks: AccountRanks = {
  platform: 'tiktok',
  region: 'TH',
  places: [
    { metric: 'followers', overall: { rank: 12, of: 1_340, change: 3 }, inRegion: { rank: 2, of: 85, change: -1 } },
    { metric: 'likes', overall: { rank: 40, of: 1_340, change: 0 }, inRegion: { rank: 5, of: 85, change: null } },
    { metric: 'engagement', overall: { rank: 7, of: 1_200, change: null }, inRegion: { rank: 1, of: 80, change: null } },
    { metric: 'earnings', overall: null, inRegion: null },
  ],
};

// A Bilibili channel: no region, followers and gold only (lib/stats/ranks.ts PLATFORM_RANK_METRICS).
const bilibili: AccountRanks = {
  platform: 'bilibili',
  region: null,
  places: [
    { metric: 'followers', overall: { rank: 3, of: 41, change: 1 }, inRegion: null },
    { metric: 'earnings', overall: { rank: 1, of: 6, change: null }, inRegion: null },
  ],
};

async function render(locale: 'en' | 'ru', shown: AccountRanks = ranks): Promise<{ html: string; text: string }> {
  const messages = await loadMessages(locale);
  const props = { locale, messages, timeZone: 'UTC' } as ComponentProps<typeof NextIntlClientProvider>;
  const html = renderToStaticMarkup(createElement(NextIntlClientProvider, props, createElement(AccountRanksCard, { ranks: shown })));
  return { html, text: html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') };
}

describe('AccountRanksCard', () => {
  it('shows each place overall and in the region, linking to that ranking on /top', async () => {
    const { html, text } = await render('en');
    expect(text).toContain('Thailand');
    expect(text).toContain('Followers #12 of 1,340 ▲3 up 3 places since a week ago #2 of 85 ▼1 down 1 place since a week ago');
    expect(text).toContain('LIVE earnings, 30 days not ranked not ranked');
    expect(html).toContain('href="/top?rank=followers&amp;region=TH#ranks"');
    expect(html).toContain('href="/top?rank=likes#ranks"');
  });

  it("links a Bilibili channel's places to Bilibili's rankings, with no region column", async () => {
    const { html, text } = await render('en', bilibili);
    expect(text).toContain('Followers #3 of 41 ▲1');
    expect(text).toContain('LIVE earnings, 30 days #1 of 6');
    expect(text).not.toContain('Likes');
    expect(html).toContain('href="/top?platform=bilibili&amp;rank=followers#ranks"');
    expect(html).toContain('href="/top?platform=bilibili&amp;rank=earnings#ranks"');
    expect(text).toContain('Among the Bilibili channels LiveLens has stored');
    expect(text).not.toContain('TikTok');
  });

  it('reads in the page language', async () => {
    const { text } = await render('ru');
    expect(text).toContain('Таиланд');
    expect(text).toContain('12-е из 1 340');
    expect(text).toContain('поднялся на 3 места за неделю');
  });
});
