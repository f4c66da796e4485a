// The comparison's numbers as a reader sees them: each account's counts, its 30-day change (from its first
// stored day when its history is shorter) and a projection only where the history allows one.
import { NextIntlClientProvider } from 'next-intl';
import { createElement, type ComponentProps } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Locale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import type { DayPoint } from '@/lib/stats/history';
import type { ComparedAccount } from '@/lib/stats/compare';
import { CompareTable } from './compare-table';

const day = (n: number) => new Date(Date.UTC(2026, 10, 1) + n * 86_400_000).toISOString().slice(0, 10);
const steady: DayPoint[] = Array.from({ length: 40 }, (_, i) => ({ day: day(i), followers: 10_000 + i * 100, hearts: 50_000 + i * 1_000, videos: 20 + Math.floor(i / 10) }));
const account = (handle: string, daily: DayPoint[]): ComparedAccount => {
  const last = daily.at(-1)!;
  return { key: handle, canonical: handle, platform: 'tiktok', handle, nickname: handle.toUpperCase(), avatarUrl: null, verified: false, fetchedAt: `${last.day}T10:00:00.000Z`, latest: { ...last, following: 12 }, engagementPercent: 4.25, daily };
};
// A Bilibili channel: followers only (its history's likes and videos are zeros, not figures).
const bilibili = (uid: string, daily: DayPoint[]): ComparedAccount => ({
  ...account(uid, daily.map((p) => ({ ...p, hearts: 0, videos: 0 }))),
  key: `bilibili:${uid}`,
  canonical: `bilibili:${uid}`,
  platform: 'bilibili',
  nickname: '星海电台',
  latest: { followers: daily.at(-1)!.followers, following: null, hearts: null, videos: null },
  engagementPercent: null,
});

async function markup(locale: Locale, accounts: ComparedAccount[]): Promise<string> {
  const messages = await loadMessages(locale);
  const props = { locale, messages, timeZone: 'UTC' } as ComponentProps<typeof NextIntlClientProvider>;
  return renderToStaticMarkup(createElement(NextIntlClientProvider, props, createElement(CompareTable, { accounts })));
}

async function render(locale: Locale, accounts: ComparedAccount[]): Promise<string> {
  return (await markup(locale, accounts)).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('CompareTable', () => {
  it('shows each account in its own column with its changes and projection', async () => {
    const short = steady.slice(30).map((p) => ({ ...p, followers: p.followers * 2 }));
    const text = await render('en', [account('alpha', steady), account('beta', short)]);
    expect(text).toContain('ALPHA');
    expect(text).toContain('BETA');
    expect(text).toContain('13,900'); // alpha's latest followers
    // Alpha: 30 days of +100 a day; beta has 10 stored days, so its change runs from its first one.
    expect(text).toContain('+3,000');
    expect(text).toContain(`+1,800 since Dec 1, 2026`);
    // Alpha's 90-day projection: 13,900 + 90 × 100; beta's 9-day history is too short for one.
    expect(text).toContain('22,900');
    expect(text).toContain('too little history');
    expect(text).toContain('4.3%');
  });

  it('puts a Bilibili channel beside a TikTok account: followers and their change, "—" for what Bilibili does not publish', async () => {
    const accounts = [account('alpha', steady), bilibili('21144080', steady)];
    const text = await render('en', accounts);
    const row = (label: string) => new RegExp(`${label} (\\S+(?: since [A-Za-z]+ \\d+, \\d+)?) (\\S+(?: since [A-Za-z]+ \\d+, \\d+)?) `).exec(text)?.slice(1);
    expect(row('Followers')).toEqual(['13,900', '13,900']);
    expect(row('Followers, last 30 days')).toEqual(['+3,000', '+3,000']);
    expect(row('Likes')).toEqual(['89,000', '—']);
    expect(row('Videos')).toEqual(['23', '—']);
    expect(row('Engagement')).toEqual(['4.3%', '—']);
    expect(row('Likes, last 30 days')).toEqual(['+30,000', '—']);
    expect(text).toContain('星海电台 Bilibili');
    expect(text).toContain('Bilibili’s room figures give followers only');
    const html = await markup('en', accounts);
    expect(html).toContain('href="/bilibili/21144080"');
    expect(html).toContain('href="/@alpha"');
    // TikTok alone: no Bilibili note.
    expect(await render('en', [account('alpha', steady)])).not.toContain('Bilibili');
  });

  it('reads in the page language', async () => {
    const text = await render('ru', [account('alpha', steady)]);
    expect(text).toContain('Подписчики за 30 дней');
    expect(text).toMatch(/13\s900/);
  });
});
