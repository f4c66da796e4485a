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
  region: 'TH',
  places: [
    { metric: 'followers', overall: { rank: 12, of: 1_340, change: 3 }, inRegion: { rank: 2, of: 85, change: -1 } },
    { metric: 'likes', overall: { rank: 40, of: 1_340, change: 0 }, inRegion: { rank: 5, of: 85, change: null } },
    { metric: 'engagement', overall: { rank: 7, of: 1_200, change: null }, inRegion: { rank: 1, of: 80, change: null } },
    { metric: 'earnings', overall: null, inRegion: null },
  ],
};

async function render(locale: 'en' | 'ru'): Promise<{ html: string; text: string }> {
  const messages = await loadMessages(locale);
  const props = { locale, messages, timeZone: 'UTC' } as ComponentProps<typeof NextIntlClientProvider>;
  const html = renderToStaticMarkup(createElement(NextIntlClientProvider, props, createElement(AccountRanksCard, { ranks })));
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

  it('reads in the page language', async () => {
    const { text } = await render('ru');
    expect(text).toContain('Таиланд');
    expect(text).toContain('12-е из 1 340');
    expect(text).toContain('поднялся на 3 места за неделю');
  });
});
