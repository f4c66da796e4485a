// The Bilibili channel page as drawn (bilibiliChannelPage is replaced here; it is tested against the database
// and the room API stand-in in lib/platforms/bilibili/room-lookup.test.ts): the channel, its room, its totals
// in gold coins and its lives; a uid Bilibili does not know answers 404, one that is not a number too without
// a lookup; a lookup that fails says why.
import { createTranslator, NextIntlClientProvider } from 'next-intl';
import { createElement, type ComponentProps, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadMessages } from '@/lib/i18n/messages';
import type { ChannelPage } from '@/lib/platforms/channel-page';
import { computeRating } from '@/lib/stats/rating';

const bilibiliChannelPage = vi.hoisted(() => vi.fn());
const getFollowerHistory = vi.hoisted(() => vi.fn());
const getBilibiliStanding = vi.hoisted(() => vi.fn());
vi.mock('@/lib/db', () => ({ db: {} }));
vi.mock('@/lib/platforms/bilibili/room-lookup', () => ({ bilibiliChannelPage }));
// Read from follower_samples on Postgres in lib/platforms/follower-history.test.ts.
vi.mock('@/lib/platforms/follower-history', () => ({ getFollowerHistory }));
// The rating and ranks from Postgres: lib/stats/standing.test.ts.
vi.mock('@/lib/stats/profile-view', () => ({ getBilibiliStanding }));
vi.mock('next/headers', () => ({ headers: () => Promise.resolve(new Headers({ 'x-forwarded-for': '203.0.113.9' })) }));
vi.mock('next-intl/server', async () => {
  const messages = await loadMessages('en');
  return {
    setRequestLocale: vi.fn(),
    getLocale: () => Promise.resolve('en'),
    getTranslations: (options: string | { namespace: string }) => Promise.resolve(createTranslator({ locale: 'en', messages, namespace: (typeof options === 'string' ? options : options.namespace) as 'profile.bilibili' })),
  };
});

const { default: BilibiliChannelPage } = await import('./page');

const render = (uid: string) => BilibiliChannelPage({ params: Promise.resolve({ locale: 'en', uid }) });

async function text(element: ReactElement): Promise<string> {
  const messages = await loadMessages('en');
  const props = { locale: 'en', messages, timeZone: 'UTC' } as ComponentProps<typeof NextIntlClientProvider>;
  return renderToStaticMarkup(createElement(NextIntlClientProvider, props, element)).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

const stored: ChannelPage = {
  id: 'channel-1',
  platform: 'bilibili',
  handle: '21144080',
  nickname: '测试主播',
  avatarUrl: null,
  platformUserId: '21144080',
  roomId: '5050',
  valueUnit: 'gold',
  fetchedAt: new Date('2026-11-30T12:30:00Z'),
  room: { title: '深夜唱歌 & chat', area: '娱乐 · 唱见', liveStatus: 1, followers: 1_234_567n, fetchedAt: new Date('2026-11-30T12:30:00Z'), fetchStatus: 'ok' },
  totals: { lives: 2, value: 220_400n, gifts: 27, comments: 132, likes: 15_391n, peakViewers: 310, usd: { low: 12.46, mid: 15.57, high: 18.69 } },
  lives: [
    { id: '2', title: null, startedAt: new Date('2026-11-30T12:00:00Z'), endedAt: null, value: 14_800n, gifts: 8, comments: 12, likes: 11_391n, peakViewers: 95 },
    { id: '1', title: 'Evening songs', startedAt: new Date('2026-11-28T12:00:00Z'), endedAt: new Date('2026-11-28T14:00:00Z'), value: 205_600n, gifts: 19, comments: 120, likes: 4_000n, peakViewers: 310 },
  ],
};

const unranked = { platform: 'bilibili', region: null, places: [{ metric: 'followers', overall: null, inRegion: null }, { metric: 'earnings', overall: null, inRegion: null }] };

beforeEach(() => {
  bilibiliChannelPage.mockReset();
  getFollowerHistory.mockReset().mockResolvedValue([]);
  getBilibiliStanding.mockReset().mockResolvedValue({ rating: null, ranks: unranked });
});

describe('the Bilibili channel page', () => {
  it('shows the stored channel, its totals in gold coins with their worth, and its lives newest first', async () => {
    bilibiliChannelPage.mockResolvedValue({ kind: 'page', page: stored });
    const page = await text(await render('21144080'));
    expect(bilibiliChannelPage).toHaveBeenCalledWith({}, '21144080', expect.any(String));
    expect(page).toContain('Bilibili live 测试主播 UID 21144080 Live room 5050 Followers 1.2M');
    expect(page).toContain('Live room LIVE now 深夜唱歌 &amp; chat 娱乐 · 唱见 As Bilibili showed it on Nov 30, 2026, 12:30 PM');
    expect(page).toContain('Lives 2 Gifts (gold coins) 220.4K Worth to the creator ≈ $12–$19 Gifts 27 Comments 132 Likes 15.4K Peak viewers 310');
    expect(page).toContain('Nov 30, 2026, 12:00 PM LIVE now Untitled live 14.8K 8 12 95');
    expect(page).toContain('Nov 28, 2026, 12:00 PM Evening songs 205.6K 19 120 310');
    expect(getFollowerHistory).toHaveBeenCalledWith({}, 'channel-1');
    expect(page).toContain('History The chart fills in as LiveLens looks at this account on different days.');
  });

  it('charts the follower history once two days are stored, and offers a growth report on the channel', async () => {
    bilibiliChannelPage.mockResolvedValue({ kind: 'page', page: stored });
    getFollowerHistory.mockResolvedValue([
      { day: '2026-11-01', followers: 1_200_000, hearts: 0, videos: 0 },
      { day: '2026-11-30', followers: 1_234_567, hearts: 0, videos: 0 },
    ]);
    const html = renderToStaticMarkup(createElement(NextIntlClientProvider, { locale: 'en', messages: await loadMessages('en'), timeZone: 'UTC' } as ComponentProps<typeof NextIntlClientProvider>, await render('21144080')));
    expect(html).toContain('Days are UTC calendar days, each with its last stored count.');
    expect(html).toContain('href="/checkout?platform=bilibili&amp;uid=21144080"');
    // No follower count stored: nothing to build a report from, so no offer.
    bilibiliChannelPage.mockResolvedValue({ kind: 'page', page: { ...stored, room: null } });
    expect(await text(await render('21144080'))).not.toContain('Buy growth report');
  });

  it('rates the channel 0–100 on followers and gold, and gives its places among Bilibili channels', async () => {
    bilibiliChannelPage.mockResolvedValue({ kind: 'page', page: stored });
    const rating = computeRating({ platform: 'bilibili', followers: 1_234_567, hearts: null, engagementPercent: null, liveDiamonds30d: 220_400 }, { followers: [], engagement: [], liveDiamonds30d: [] });
    getBilibiliStanding.mockResolvedValue({
      rating,
      ranks: { platform: 'bilibili', region: null, places: [{ metric: 'followers', overall: { rank: 2, of: 7, change: 1 }, inRegion: null }, { metric: 'earnings', overall: { rank: 1, of: 3, change: null }, inRegion: null }] },
    });
    const page = await text(await render('21144080'));
    expect(getBilibiliStanding).toHaveBeenCalledWith({}, { id: 'channel-1', followers: 1_234_567n });
    expect(page).toContain(`LiveLens rating ${rating.score} of 100`);
    expect(page).toContain('Reach');
    expect(page).toContain('LIVE gold');
    expect(page).toContain('Bilibili’s live-room figures include no total of likes');
    expect(page).toContain('Followers #2 of 7 ▲1');
    expect(page).toContain('LIVE earnings, 30 days #1 of 3');
    expect(page).not.toMatch(/diamond/i);
    // No follower count stored: no rating.
    bilibiliChannelPage.mockResolvedValue({ kind: 'page', page: { ...stored, room: null } });
    getBilibiliStanding.mockResolvedValue({ rating: null, ranks: unranked });
    const bare = await text(await render('21144080'));
    expect(getBilibiliStanding).toHaveBeenLastCalledWith({}, { id: 'channel-1', followers: null });
    expect(bare).toContain('LiveLens rating No rating without public numbers.');
    expect(bare).toContain('Followers not ranked');
  });

  it('says when the room facts are from an earlier fetch', async () => {
    bilibiliChannelPage.mockResolvedValue({ kind: 'page', page: { ...stored, room: { ...stored.room, liveStatus: 0, fetchStatus: 'network' } } });
    expect(await text(await render('21144080'))).toContain('Offline 深夜唱歌 &amp; chat 娱乐 · 唱见 Bilibili could not be asked just now; as last seen on Nov 30, 2026');
  });

  it('answers 404 for a uid Bilibili does not know, and for one that is not a uid without looking it up', async () => {
    bilibiliChannelPage.mockResolvedValue({ kind: 'not_found' });
    await expect(render('99')).rejects.toMatchObject({ digest: expect.stringContaining('404') as unknown });
    expect(bilibiliChannelPage).toHaveBeenCalledTimes(1);
    for (const uid of ['abc', '0123', '1'.repeat(21)]) await expect(render(uid)).rejects.toMatchObject({ digest: expect.stringContaining('404') as unknown });
    expect(bilibiliChannelPage).toHaveBeenCalledTimes(1);
  });

  it('says why a lookup failed, in the page’s language', async () => {
    bilibiliChannelPage.mockResolvedValue({ kind: 'error', message: 'Bilibili could not be reached. Try again in a moment.' });
    expect(await text(await render('12345'))).toContain('This Bilibili streamer could not be looked up Bilibili could not be reached. Try again in a moment. Back to the home page');
  });
});
