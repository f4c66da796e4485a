import { describe, expect, it } from 'vitest';
import { displayText, fillTemplate, WordFilter } from '@/lib/overlays/filter';
import { readSettings, validateSettings } from '@/lib/overlays/settings';

describe('word filter', () => {
  const filter = new WordFilter(['badword', 'scam']);

  it('hides blocked names and messages, also when spelled around the filter', () => {
    expect(filter.name('Nice person', 'nice')).toBe('Nice person');
    expect(filter.name('b a d w o r d', 'x')).toBe('Someone');
    expect(filter.name('BÁDWÖRD', 'x')).toBe('Someone');
    expect(filter.name('b4dw0rd', 'x')).toBe('Someone');
    expect(filter.name('bad\u200bword', 'x')).toBe('Someone');
    expect(filter.name('Fine nickname', 'scam_bot')).toBe('Someone');
    expect(filter.message('free coins, s.c.a.m link')).toBeNull();
    expect(filter.message('  hello   there ')).toBe('hello there');
  });

  it('strips control and direction-override characters and caps the length', () => {
    expect(displayText('\u202Egnp.exe\u202C hi\u0007')).toBe('gnp.exe hi');
    expect(displayText('x'.repeat(500), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(new WordFilter([]).name('\u200b\u200b', '')).toBe('Someone');
    expect(new WordFilter([]).name('<script>alert(1)</script>', 'h')).toBe('<script>alert(1)</script>'); // React escapes it
  });

  it('fills the alert template', () => {
    expect(fillTemplate('{name} sent {count}× {gift} ({diamonds} 💎)', { name: 'Ann', gift: 'Rose', count: 5, diamonds: 5 })).toBe('Ann sent 5× Rose (5 💎)');
  });
});

describe('overlay settings', () => {
  it('fills defaults and validates what an editor sends', () => {
    const alerts = readSettings('GIFT_ALERTS', {});
    expect(alerts).toMatchObject({ minDiamonds: 1, sound: false, speech: false, blockedWords: [] });
    expect(readSettings('LEADERBOARD', undefined).rules.likesPerPointFollower).toBe(10);
    expect(validateSettings('GOAL', { metric: 'diamonds', target: 0 })).toEqual({ ok: false, error: 'target: Too small: expected number to be >=1' });
    expect(validateSettings('CHAT', { blockedWords: ['Spam', 'spam', ' x '] })).toMatchObject({ ok: true, settings: { blockedWords: ['spam', 'x'] } });
  });

  it('keeps the valid fields of stored settings when one of them no longer validates', () => {
    expect(readSettings('GOAL', { metric: 'diamonds', target: -5, title: 'Road to 1k' })).toMatchObject({ metric: 'diamonds', target: 10_000, title: 'Road to 1k' });
    expect(readSettings('QA_GAME', 'nonsense')).toMatchObject({ countdownSeconds: 5, size: 5 });
  });
});
