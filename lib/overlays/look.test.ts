import { describe, expect, it } from 'vitest';
import { panelBackground, positionAlignment } from '@/lib/overlays/look';
import { readSettings, validateSettings } from '@/lib/overlays/settings';

describe('overlay look', () => {
  it('anchors content on the 3×3 grid, and leaves the kind’s own layout alone on auto', () => {
    expect(positionAlignment('auto')).toBeNull();
    expect(positionAlignment('top-left')).toEqual({ justifyContent: 'flex-start', alignItems: 'flex-start' });
    expect(positionAlignment('top')).toEqual({ justifyContent: 'flex-start', alignItems: 'center' });
    expect(positionAlignment('right')).toEqual({ justifyContent: 'center', alignItems: 'flex-end' });
    expect(positionAlignment('center')).toEqual({ justifyContent: 'center', alignItems: 'center' });
    expect(positionAlignment('bottom-right')).toEqual({ justifyContent: 'flex-end', alignItems: 'flex-end' });
    expect(positionAlignment('bottom')).toEqual({ justifyContent: 'flex-end', alignItems: 'center' });
  });

  it('draws the card in its colour at its opacity', () => {
    expect(panelBackground({ panelColour: '#0a0a10', panelOpacity: 0.62 })).toBe('rgb(10 10 16 / 0.62)');
    expect(panelBackground({ panelColour: '#ff8000', panelOpacity: 2 })).toBe('rgb(255 128 0 / 1)');
  });

  it('gives stored overlays the look they had (system font, white text, the old card)', () => {
    expect(readSettings('CHAT', {})).toMatchObject({ font: 'system', textColour: '#ffffff', panelColour: '#0a0a10', panelOpacity: 0.62, position: 'auto', customCss: '' });
  });

  it('refuses custom CSS that does not parse when saving, and a font it does not bundle', () => {
    const saved = validateSettings('GOAL', { customCss: '.a { color: red } } body { color: red }' });
    expect(saved.ok).toBe(false);
    if (!saved.ok) expect(saved.error).toMatch(/^customCss: Custom CSS was not applied/);
    expect(validateSettings('GOAL', { font: 'comic-sans' }).ok).toBe(false);
    expect(validateSettings('GOAL', { customCss: '.ov-alert { outline: 2px solid red }', font: 'rubik', position: 'bottom-left' }).ok).toBe(true);
  });
});
