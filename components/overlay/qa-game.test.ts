// The Q&A overlay as OBS first draws it (server-rendered from the page's snapshot): what the winner card
// says for each choice the host can make in "Select winner".
import { NextIntlClientProvider } from 'next-intl';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en/overlay.json';
import ru from '@/lib/i18n/messages/ru/overlay.json';
import { OverlayBus } from '@/lib/overlays/events';
import { readSettings } from '@/lib/overlays/settings';
import type { GameSnapshot } from '@/lib/overlays/types';
import { OverlayBusContext } from './context';
import { QaGame } from './qa-game';

const mia = { userId: 'u1', handle: 'mia', nickname: 'Mia', avatar: null, points: 42 };

function render(question: string | null, blockedWords: string[] = [], { winner = mia, language = 'en' }: { winner?: typeof mia; language?: 'en' | 'ru' } = {}): string {
  const snapshot: GameSnapshot = { sessionId: 's1', overlayId: 'o1', name: null, phase: 'frozen', freezeAt: 1000, startedAt: 0, rows: [], shown: { winner, question } };
  const settings = readSettings('QA_GAME', { blockedWords, language });
  const game = createElement(QaGame, { overlayId: 'o1', settings, snapshot, serverNow: 2000, preview: true });
  // The provider's props type requires children (tests are .ts, without JSX).
  // eslint-disable-next-line react/no-children-prop
  const intl = createElement(NextIntlClientProvider, { locale: language, messages: { overlay: language === 'ru' ? ru : en }, timeZone: 'UTC', children: game });
  return renderToStaticMarkup(createElement(OverlayBusContext, { value: new OverlayBus() }, intl));
}

describe('Q&A overlay winner card', () => {
  it('shows the winner only when the host chose no question, as the host panel says', () => {
    const html = render(null);
    expect(html).toContain('data-testid="qa-winner"');
    expect(html).toContain('Mia');
    // Not "the host is choosing a question": the host has chosen, and chose none.
    expect(html).not.toMatch(/choosing/i);
    expect(html).not.toContain('data-testid="qa-question"');
    expect(html).not.toContain(en.questionHidden);
  });

  it('shows the chosen question, or says the word filter hid it', () => {
    expect(render('Where are you from?')).toContain('Where are you from?');
    const hidden = render('you are a badword', ['badword']);
    expect(hidden).toContain(en.questionHidden);
    expect(hidden).not.toContain('badword');
  });

  it('shows the winner\'s whole points in the overlay\'s language, not an English "pts"', () => {
    // A score stored before points were whole ("45,149.5 pts" on air).
    const winner = { ...mia, points: 45_149.5 };
    expect(render(null, [], { winner })).toContain('45,149 points');
    const russian = render(null, [], { winner, language: 'ru' });
    expect(russian).toContain('45\u00a0149 очков');
    expect(russian).not.toContain('pts');
  });
});
