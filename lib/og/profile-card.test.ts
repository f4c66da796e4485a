// The share card draws every script as written. A glyph the fonts lack is drawn as the same empty box
// whatever the character, so two names of the same length in one script render to identical images
// without a font for that script, and to different ones with it: the test renders such pairs.
import { describe, expect, it } from 'vitest';
import { filesFor, fontCatalogue, fontRuns, parseUnicodeRange } from '@/lib/fonts/noto';
import { renderProfileCard } from '@/lib/og/profile-card';

const png = async (name: string) => Buffer.from(await renderProfileCard({ name, subtitle: null, stats: [] }, { width: 600, height: 200 }).arrayBuffer());

describe('the share card', () => {
  it.each([
    ['Cyrillic', 'Лиза', 'Жора'],
    ['Thai', 'ลิซ่า', 'สวัสดี'.slice(0, 5)],
    ['Chinese', '小红', '大明'],
  ])('draws %s names as written', async (_script, one, other) => {
    const [a, b, again] = await Promise.all([png(one), png(other), png(one)]);
    expect(a.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // The same name draws the same picture; a different one of the same length a different picture.
    expect(a.equals(again)).toBe(true);
    expect(a.equals(b)).toBe(false);
  });

  it('control: without a font for the script, two names draw the same boxes', async () => {
    // Private-use characters: no font has them (nor does the renderer's online fallback), so both
    // names draw as boxes, which shows the comparison above can tell boxes from glyphs.
    const [a, b] = await Promise.all([png('\uE000\uE001'), png('\uE002\uE003')]);
    expect(a.equals(b)).toBe(true);
  });

  it('loads only the files a text needs', () => {
    expect(parseUnicodeRange('U+0400-045F,U+2116')).toEqual([[0x400, 0x45f], [0x2116, 0x2116]]);
    expect(fontCatalogue().length).toBeGreaterThan(100);
    const files = (text: string) => filesFor(text, 400).map((f) => f.file.split('/').pop());
    expect(files('Zoë')).toEqual(['noto-sans-latin-400-normal.woff']);
    expect(files('Лиза')).toEqual(['noto-sans-cyrillic-400-normal.woff']);
    expect(files('ลิซ่า')).toEqual(['noto-sans-thai-thai-400-normal.woff']);
    expect(files('小红').every((f) => f?.startsWith('noto-sans-sc-'))).toBe(true);
  });

  it('cuts text into runs of one file each for the PDF, keeping a space in the run around it', () => {
    const runs = (text: string, weight: 400 | 700 = 400) => fontRuns(text, weight).map((r) => [r.file?.split('/').pop() ?? null, r.text]);
    // The Cyrillic file has the space but no digits (the packages split Latin from Cyrillic).
    expect(runs('Лиза Стрим 25')).toEqual([
      ['noto-sans-cyrillic-400-normal.woff', 'Лиза Стрим '],
      ['noto-sans-latin-400-normal.woff', '25'],
    ]);
    expect(runs('ลิซ่า ไลฟ์สด', 700)).toEqual([['noto-sans-thai-thai-700-normal.woff', 'ลิซ่า ไลฟ์สด']]);
    const chinese = runs('小 Nok');
    expect(chinese.map(([, text]) => text).join('')).toBe('小 Nok');
    expect(chinese.every(([file]) => file?.startsWith('noto-sans-'))).toBe(true);
    // Korean is in none of the three packages: no file, so the PDF prints "?".
    expect(runs('Ab 한')).toEqual([['noto-sans-latin-400-normal.woff', 'Ab '], [null, '한']]);
  });
});
