// Every theme preset is valid settings for its kind in every language, uses a bundled font, is readable
// over a black and a white stream, and sets only style fields (applying one keeps texts, rules, secrets).
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/lib/i18n/locales';
import { contrastOnPanel, contrastRatio, isReadableLook, lookContrast, MIN_LARGE_CONTRAST, MIN_TEXT_CONTRAST } from '@/lib/overlays/contrast';
import { OVERLAY_DEFAULT_TEXTS } from '@/lib/overlays/default-texts';
import { OVERLAY_FONT_IDS } from '@/lib/overlays/look';
import { OVERLAY_KINDS, readSettings, settingsSchemas, validateSettings } from '@/lib/overlays/settings';
import en from '@/lib/i18n/messages/en/overlayThemes.json';
import { PALETTES, themeKeys, themedInitialSettings, themesFor, themeSettings, withTheme } from '@/lib/overlays/themes';

describe('the contrast helper', () => {
  it('gives WCAG’s figures for known pairs', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    // An opaque panel is the same over any stream; a clear one is as bad as the worse stream.
    expect(contrastOnPanel('#ffffff', '#000000', 1)).toBeCloseTo(21, 5);
    expect(contrastOnPanel('#ffffff', '#000000', 0)).toBeCloseTo(1, 5);
  });

  it('finds an unreadable look', () => {
    expect(isReadableLook({ textColour: '#ffffff', panelColour: '#0a0a10', panelOpacity: 0.2, accent: '#ff2d55' })).toBe(false);
    expect(isReadableLook({ textColour: '#ffff00', panelColour: '#ffffff', panelOpacity: 1, accent: '#000000' })).toBe(false);
  });
});

describe('theme presets', () => {
  it('offers at least three for gift alerts and two for every other kind', () => {
    expect(themesFor('GIFT_ALERTS').length).toBeGreaterThanOrEqual(3);
    for (const kind of OVERLAY_KINDS) expect(themesFor(kind).length, kind).toBeGreaterThanOrEqual(2);
  });

  it('are valid settings of their kind in every language (strictly, as a save would be checked)', () => {
    for (const kind of OVERLAY_KINDS) {
      for (const theme of themesFor(kind)) {
        for (const locale of LOCALES) {
          const settings = themedInitialSettings(kind, locale, theme.id);
          const checked = validateSettings(kind, settings);
          expect(checked, `${kind}/${theme.id}/${locale}`).toMatchObject({ ok: true });
          // Nothing was dropped or changed by the schema: the preset is what gets stored.
          const parsed = settingsSchemas[kind].parse(settings) as Record<string, unknown>;
          for (const [key, value] of Object.entries(themeSettings(kind, theme.id, locale) ?? {})) expect(parsed[key], `${kind}/${theme.id}.${key}`).toEqual(value);
        }
      }
    }
  });

  it('use bundled fonts only, and are readable over any stream', () => {
    for (const kind of OVERLAY_KINDS) {
      for (const theme of themesFor(kind)) {
        expect(OVERLAY_FONT_IDS).toContain(theme.look.font);
        const customCss = themeSettings(kind, theme.id, 'en')?.customCss;
        const css = typeof customCss === 'string' ? customCss : '';
        expect(css, 'custom CSS names no font').not.toMatch(/font-family|@font-face|url\(/i);
        const c = lookContrast(theme.look);
        expect(c.text, `${kind}/${theme.id} text`).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
        expect(c.accent, `${kind}/${theme.id} accent`).toBeGreaterThanOrEqual(MIN_LARGE_CONTRAST);
        expect(c.onAccent, `${kind}/${theme.id} text on accent`).toBeGreaterThanOrEqual(MIN_LARGE_CONTRAST);
      }
    }
  });

  it('write alert variations in the overlay’s language', () => {
    const ru = themeSettings('GIFT_ALERTS', 'gold', 'ru') as { variations: { template: string }[] };
    expect(ru.variations.map((v) => v.template)).toContain(OVERLAY_DEFAULT_TEXTS.ru.template);
    const th = themeSettings('GIFT_ALERTS', 'neon', 'th') as { variations: { template: string; event: string }[] };
    expect(th.variations.find((v) => v.event === 'follow')?.template).toMatch(/ติดตาม/);
  });

  it('set style fields only: applying one keeps texts, language, filters, rules and secrets', () => {
    for (const kind of OVERLAY_KINDS) {
      for (const theme of themesFor(kind)) expect(themeKeys(kind), `${kind}/${theme.id}`).toEqual(expect.arrayContaining(Object.keys(themeSettings(kind, theme.id, 'en') ?? {})));
    }
    const current = { ...readSettings('QA_GAME', { language: 'th', title: 'My own title', blockedWords: ['spam'] }), obsPassword: 'enc:v1:sealed', rules: { ...readSettings('QA_GAME', {}).rules, likesPerPointFollower: 3 } };
    const applied = withTheme('QA_GAME', current, 'gold', 'th');
    expect(applied).toMatchObject({ language: 'th', title: 'My own title', blockedWords: ['spam'], obsPassword: 'enc:v1:sealed', rules: { likesPerPointFollower: 3 }, ...PALETTES.gold });
    expect(withTheme('QA_GAME', current, 'light', 'th')).toBeNull();
    expect(themeSettings('GOAL', 'no-such-theme', 'en')).toBeNull();
  });

  it('each has a name and a description in the catalogue', () => {
    for (const kind of OVERLAY_KINDS) {
      for (const theme of themesFor(kind)) {
        expect(en.names).toHaveProperty(theme.id);
        expect(en.descriptions).toHaveProperty(theme.id);
      }
    }
  });
});
