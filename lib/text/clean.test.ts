import { describe, expect, it } from 'vitest';
import { cleanText, displayText, findNul, nestedDeeperThan, wellFormedDeep } from '@/lib/text/clean';

describe('cleaning text from outside', () => {
  it('drops NUL and replaces lone surrogates, keeping everything else (Thai, Cyrillic, CJK, emoji)', () => {
    expect(cleanText('a\u0000b')).toBe('ab');
    expect(cleanText('x\ud800y\udc00z')).toBe('x\ufffdy\ufffdz');
    for (const text of ['ขอบคุณค่ะ', 'Лиза Стрим', '谢谢你', '🎁🔥', 'mark\u200Fhere']) expect(displayText(text)).toBe(text);
  });

  it('removes the bidi controls that make "evil.exe" look like "exe.live" in a page', () => {
    const hostile = 'evil\u202Eexe.live';
    expect(displayText(hostile)).toBe('evilexe.live');
    expect(displayText('a\u2066b\u2067c\u2068d\u2069e\u202Af\u202Bg\u202Ch\u202Di')).toBe('abcdefghi');
    expect(displayText('\u0000\u202E')).toBe('');
  });

  it('measures nesting without recursion', () => {
    // Three levels: the object, the array, the object inside it.
    expect(nestedDeeperThan({ a: [1, { b: 'x' }] }, 3)).toBe(false);
    expect(nestedDeeperThan({ a: [1, { b: 'x' }] }, 2)).toBe(true);
    expect(nestedDeeperThan({ a: [1, { b: {} }] }, 3)).toBe(true);
    expect(nestedDeeperThan('plain', 0)).toBe(false);
    expect(nestedDeeperThan(JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)), 64)).toBe(true);
  });

  it('finds a NUL anywhere in parsed input, naming where', () => {
    expect(findNul({ a: 'ok', b: ['x', 'y\u0000'] })).toBe('b.1');
    expect(findNul({ ['k\u0000']: 1 })).toBe('body');
    expect(findNul('plain')).toBeNull();
    expect(wellFormedDeep({ a: ['\ud83d'] })).toEqual({ a: ['\ufffd'] });
  });
});
