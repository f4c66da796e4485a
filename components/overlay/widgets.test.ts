// The gift goal, top-gifter card and subathon timer as OBS first draws them (server-rendered from the
// page's first paint): numbers, names, empty states and the timer's time in each state.
import { NextIntlClientProvider } from 'next-intl';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en/overlay.json';
import th from '@/lib/i18n/messages/th/overlay.json';
import { OverlayBus } from '@/lib/overlays/events';
import { readSettings } from '@/lib/overlays/settings';
import { applyTimerAction, freshTally, IDLE_TIMER } from '@/lib/overlays/timer';
import type { LiveCounters } from '@/lib/realtime/payloads';
import { OverlayBusContext } from './context';
import { Goal } from './goal';
import { Timer } from './timer';
import { TopGifter } from './top-gifter';

function render(element: ReactElement, language: 'en' | 'th' = 'en'): string {
  // The provider's props type requires children (tests are .ts, without JSX).
  // eslint-disable-next-line react/no-children-prop
  const intl = createElement(NextIntlClientProvider, { locale: language, messages: { overlay: language === 'th' ? th : en }, timeZone: 'UTC', children: element });
  return renderToStaticMarkup(createElement(OverlayBusContext, { value: new OverlayBus() }, intl));
}

const NOW = Date.UTC(2026, 11, 3, 20, 0, 0);
const live: LiveCounters = { liveId: '9', startedAt: NOW - 3_600_000, viewers: 40, likes: 12_000, diamonds: 800, gifts: 30, comments: 100, follows: 20, shares: 2 };

describe('gift goal', () => {
  it('shows the chosen gift’s count of the LIVE, not the LIVE’s likes', () => {
    const settings = readSettings('GOAL', { metric: 'gift', giftId: '5655', giftName: 'Rose', target: 100, title: '100 Roses' });
    const html = render(createElement(Goal, { settings, sources: [{ channel: 'private-account-a', platform: 'tiktok', valueRate: 1, live, giftCount: 41 }] }));
    expect(html).toContain('aria-valuenow="41"');
    expect(html).toContain('🌹 41 / 100');
    expect(html).toContain('width:41%');
    expect(html).not.toContain('data-testid="goal-shares"');
  });

  it('adds a cluster’s Bilibili gold to a TikTok value goal in diamonds, each platform’s part beside it', () => {
    const settings = readSettings('GOAL', { metric: 'diamonds', target: 2_000, title: 'Gift goal', clusterId: 'cl1' });
    const bilibili = { ...live, liveId: '10', diamonds: 70_760 };
    // 70,760 gold at 1/70.76 diamond each (the sources' rate, fixed on the server) is 1,000 diamonds.
    const sources = [
      { channel: 'private-account-a', platform: 'tiktok' as const, valueRate: 1, live, giftCount: 0 },
      { channel: 'private-account-b', platform: 'bilibili' as const, valueRate: 1 / 70.76, live: bilibili, giftCount: 0 },
    ];
    const html = render(createElement(Goal, { settings, sources }));
    expect(html).toContain('aria-valuenow="1800"');
    expect(html).toContain('💎 1,800 / 2,000');
    expect(html).toContain('💎 800 · 🪙 70,760');
  });
});

describe('top gifter card', () => {
  const mia = { id: 'u1', handle: 'mia', nickname: 'Mia', avatar: 'https://p16.example/mia.jpg', follower: false };
  const ben = { id: 'u2', handle: 'ben', nickname: 'Ben', avatar: null, follower: false };

  it('shows the biggest gifter with their picture and diamonds', () => {
    const settings = readSettings('TOP_GIFTER', { title: 'Top gifter' });
    const html = render(createElement(TopGifter, { settings, liveId: '9', initial: [{ user: ben, diamonds: 120, at: 1 }, { user: mia, diamonds: 4500, at: 2 }] }));
    expect(html).toContain('data-user-id="u1"');
    expect(html).toContain('>Mia<');
    expect(html).toContain('💎 4,500');
    expect(html).toContain('src="https://p16.example/mia.jpg"');
  });

  it('hides a blocked name and the picture when asked, and invites the first gift before there is one', () => {
    const settings = readSettings('TOP_GIFTER', { blockedWords: ['mia'], showAvatar: false });
    const html = render(createElement(TopGifter, { settings, liveId: '9', initial: [{ user: mia, diamonds: 10, at: 1 }] }));
    expect(html).toContain('>Someone<');
    expect(html).not.toContain('<img');
    const empty = render(createElement(TopGifter, { settings: readSettings('TOP_GIFTER', { language: 'th' }), liveId: '9', initial: [] }), 'th');
    expect(empty).toContain('data-testid="top-gifter-empty"');
    expect(empty).toContain(th.topGifterEmpty);
  });
});

describe('subathon timer', () => {
  const settings = readSettings('TIMER', { startMinutes: 60, secondsPerDiamond: 1, capMinutes: 120, title: 'Subathon' });
  const timer = (state: typeof IDLE_TIMER, counters: LiveCounters = live, serverNow = NOW) => render(createElement(Timer, { settings, state, initialTally: freshTally(state, counters), live: counters, serverNow, preview: false }));

  it('shows the start length before the host starts it', () => {
    const html = timer(IDLE_TIMER);
    expect(html).toContain('data-status="idle"');
    expect(html).toContain('>1:00:00<');
  });

  it('counts the gifts since the start and the time run, and says when it is paused', () => {
    const started = applyTimerAction(IDLE_TIMER, { action: 'start' }, NOW - 600_000, { ...live, diamonds: 500 });
    // 300 diamonds since the start add 5 minutes; 10 minutes have run.
    expect(timer(started)).toContain('>55:00<');
    const paused = applyTimerAction(started, { action: 'pause' }, NOW - 300_000, null);
    const html = timer(paused);
    expect(html).toContain('>1:00:00<');
    expect(html).toContain('Paused');
  });

  it('stops at the cap and at zero', () => {
    const started = applyTimerAction(IDLE_TIMER, { action: 'start' }, NOW, { ...live, diamonds: 0 });
    const capped = timer(started, { ...live, diamonds: 1_000_000 });
    expect(capped).toContain('>2:00:00<');
    expect(capped).toContain('Longest time reached');
    const over = timer(started, { ...live, diamonds: 0 }, NOW + 2 * 3_600_000);
    expect(over).toContain('>00:00<');
    expect(over).toContain('Time’s up!');
  });
});
