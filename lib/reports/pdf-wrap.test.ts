import { describe, expect, it } from 'vitest';
import { countLines, type MeasuredChar } from '@/lib/reports/pdf-wrap';

/** Every character 1 point wide, so widths are lengths. */
const chars = (text: string): MeasuredChar[] => [...text].map((char) => ({ char, width: 1 }));

describe('countLines', () => {
  it('breaks at spaces, keeping a trailing space on the line', () => {
    expect(countLines(chars('aaa bbb'), 7)).toBe(1);
    expect(countLines(chars('aaa bbb '), 7)).toBe(1);
    expect(countLines(chars('aaa bbb ccc'), 7)).toBe(2);
  });

  it('breaks between Chinese characters, never before closing punctuation', () => {
    expect(countLines(chars('一二三四五六'), 3)).toBe(2);
    // "二，" stay together: 一 | 二， | 三
    expect(countLines(chars('一二，三'), 2)).toBe(3);
    expect(countLines(chars('一二，'), 3)).toBe(1);
  });

  it('breaks Thai at the zero-width spaces that mark its words', () => {
    expect(countLines(chars('กขค\u200bงจฉ'), 4)).toBe(2);
    expect(countLines(chars('กขค\u200bงจฉ'), 7)).toBe(1);
  });

  it('breaks a word wider than the line inside it, and honours new lines', () => {
    expect(countLines(chars('abcdefghij'), 4)).toBe(3);
    expect(countLines(chars('a\nb'), 10)).toBe(2);
  });
});
