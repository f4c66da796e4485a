// The wheel of fortune as OBS first draws it (server-rendered): one slice per segment with its label and
// colour, the line inviting the gifts that spin it, and the empty state the editor's preview shows (OBS
// itself shows nothing without segments).
import { NextIntlClientProvider } from 'next-intl';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en/overlay.json';
import th from '@/lib/i18n/messages/th/overlay.json';
import { OverlayBus } from '@/lib/overlays/events';
import { readSettings } from '@/lib/overlays/settings';
import { OverlayBusContext } from './context';
import { Wheel } from './wheel';

function render(element: ReactElement, language: 'en' | 'th' = 'en'): string {
  // The provider's props type requires children (tests are .ts, without JSX).
  // eslint-disable-next-line react/no-children-prop
  const intl = createElement(NextIntlClientProvider, { locale: language, messages: { overlay: language === 'th' ? th : en }, timeZone: 'UTC', children: element });
  return renderToStaticMarkup(createElement(OverlayBusContext, { value: new OverlayBus() }, intl));
}

const segments = [
  { id: 's1', label: 'Dance', colour: '#ff0000', weight: 1 },
  { id: 's2', label: 'Sing', colour: '#00ff00', weight: 1 },
  { id: 's3', label: 'Shout-out', colour: '#0000ff', weight: 2 },
];

describe('wheel of fortune', () => {
  it('draws a slice per segment with its label and colour, and invites the chosen gifts', () => {
    const settings = readSettings('WHEEL', { title: 'Prize wheel', segments, rules: [{ id: 'r1', trigger: 'gifts', giftIds: ['5655', '5487'] }] });
    const html = render(createElement(Wheel, { settings, overlayId: 'o1', preview: false }));
    expect(html.match(/data-segment-index=/g)).toHaveLength(3);
    for (const s of segments) {
      expect(html).toContain(`>${s.label}<`);
      expect(html).toContain(`fill="${s.colour}"`);
    }
    expect(html).toContain('Prize wheel');
    expect(html).toContain('aria-label="Wheel of fortune with 3 segments"');
    expect(html).toContain('data-testid="wheel-invite"');
    expect(html).toMatch(/Send Rose · Finger Heart to spin the wheel!/);
  });

  it('invites by value in the overlay’s language, and says nothing about rules it does not have', () => {
    const byValue = readSettings('WHEEL', { language: 'th', segments, rules: [{ id: 'r1', trigger: 'value', minDiamonds: 1000 }] });
    expect(render(createElement(Wheel, { settings: byValue, overlayId: 'o1', preview: false }), 'th')).toContain('ของขวัญตั้งแต่ 💎 1,000 ขึ้นไปหมุนวงล้อได้!');
    const noRules = render(createElement(Wheel, { settings: readSettings('WHEEL', { segments }), overlayId: 'o1', preview: false }));
    expect(noRules).not.toContain('data-testid="wheel-invite"');
  });

  it('shows the empty state in the preview only, and no wheel without segments', () => {
    const empty = readSettings('WHEEL', { segments: [] });
    const preview = render(createElement(Wheel, { settings: empty, overlayId: 'o1', preview: true }));
    expect(preview).toContain('data-testid="wheel-empty"');
    expect(preview).toContain(en.wheelEmpty);
    expect(preview).not.toContain('data-testid="wheel"');
    const obs = render(createElement(Wheel, { settings: empty, overlayId: 'o1', preview: false }));
    expect(obs).not.toContain(en.wheelEmpty);
    expect(obs).not.toContain('<svg');
  });
});
