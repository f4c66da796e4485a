// What an overlay may show or read out. Chat names and messages are written by strangers: they can hold
// abusive words, control and direction-override characters, zero-width tricks to dodge a filter,
// endless emoji rows, or markup. React escapes markup; this module removes the rest, and applies the
// overlay's blocked-words list to names and messages alike (a blocked name becomes "Someone", a
// blocked message is not shown or spoken at all).

const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/g;

/** Text safe to render: invisible and control characters removed, whitespace collapsed, length capped. */
export function displayText(value: string, max = 200): string {
  const cleaned = value.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  const chars = [...cleaned];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : cleaned;
}

/** How a blocked entry is matched: as a whole word or phrase (the default), or anywhere inside words. */
export type FilterMatch = 'word' | 'anywhere';

// Letters that look alike across scripts, mapped to one of them (the skeleton idea of Unicode TS #39,
// for the common cases): "cукa" typed with Latin c and a matches "сука", and "аss" with a Cyrillic а
// matches "ass". Applied to both the blocked entries and the text, after lower-casing.
const CONFUSABLES: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', һ: 'h', ӏ: 'l', ԝ: 'w', ү: 'y',
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w', ϲ: 'c',
};
const CONFUSABLE = new RegExp(`[${Object.keys(CONFUSABLES).join('')}]`, 'gu');
// Digits and signs that stand for letters inside a word ("b4dw0rd", "@ss", "sh!t"); a number alone stays a number.
const LEETSPEAK: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };
// A word as typed: letters with their marks and digits, with @ and $ inside or at its edges and ! inside.
const WORD_RUN = /[\p{L}\p{M}\p{N}@$]+(?:!+[\p{L}\p{M}\p{N}@$]+)*/gu;
// Scripts that put spaces between words; a single letter of these between separators is a spelled-out word.
const SPACED_LETTER = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]$/u;

/**
 * Lower case and compatibility forms folded (NFKC: full-width "ＡＳＳ" is "ass"), invisible characters
 * removed, accents removed from Latin letters only, and marks left over on Cyrillic and Greek letters
 * (strike-through and "zalgo" decoration; their real letters such as й are single characters after
 * NFKC) removed. Marks of other scripts carry meaning (Thai vowels and tone marks) and stay.
 */
export function foldText(value: string): string {
  return value
    .replace(/\s+/g, ' ')
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(\p{Script=Latin})\p{M}*/gu, (_, base: string) => base.normalize('NFD').replace(/\p{M}/gu, ''))
    .replace(/([\p{Script=Cyrillic}\p{Script=Greek}])\p{M}+/gu, '$1')
    .replace(CONFUSABLE, (c) => CONFUSABLES[c] ?? c);
}

/**
 * The words of a text as the filter compares them: folded, look-alikes mapped, digits and signs inside
 * words read as letters, and runs of single letters joined ("s.c.a.m", "a s s" are one word).
 */
export function wordsForMatching(value: string): string[] {
  const words: string[] = [];
  let spelled = false; // the last word is being spelled out letter by letter
  for (const [raw] of foldText(value).matchAll(WORD_RUN)) {
    if (!/[\p{L}\p{N}]/u.test(raw)) continue; // "$$", "@": signs, not a word
    const word = /\p{L}/u.test(raw) ? raw.replace(/[013457@$!]/g, (c) => LEETSPEAK[c] ?? c) : raw;
    const single = SPACED_LETTER.test(word);
    if (single && spelled) words[words.length - 1] += word;
    else words.push(word);
    spelled = single;
  }
  return words;
}

/** Where words may start and end inside `word` (Thai and Chinese write words without spaces). */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
function boundariesOf(word: string): number[] {
  if (/^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}]*$/u.test(word)) return [0, word.length];
  const edges = [0];
  for (const { index, segment } of segmenter.segment(word)) edges.push(index + segment.length);
  return edges;
}

/** The text prepared once for many entries. */
type Prepared = { joined: string; edges: Set<number>; squeezed: string };

function prepare(value: string): Prepared {
  const words = wordsForMatching(value);
  const edges = new Set<number>();
  let offset = 0;
  for (const word of words) {
    for (const edge of boundariesOf(word)) edges.add(offset + edge);
    offset += word.length + 1;
  }
  return { joined: words.join(' '), edges, squeezed: words.join('') };
}

/** True when `entry` (its words joined by one space) occurs in the text starting and ending on word edges. */
function occursAsWords(text: Prepared, entry: string): boolean {
  for (let at = text.joined.indexOf(entry); at !== -1; at = text.joined.indexOf(entry, at + 1)) {
    if (text.edges.has(at) && text.edges.has(at + entry.length)) return true;
  }
  return false;
}

export class WordFilter {
  private readonly entries: { words: string; squeezed: string }[];

  /**
   * `blockedWords` are words or phrases in any script; `match` 'word' blocks them as whole words (blocking
   * "ass" leaves "classic" alone), 'anywhere' also inside longer words.
   */
  constructor(
    blockedWords: readonly string[],
    private readonly match: FilterMatch = 'word',
    /** What a blocked or empty name is shown as, in the overlay's language. */
    readonly someone = 'Someone',
  ) {
    this.entries = blockedWords
      .map(wordsForMatching)
      .filter((words) => words.length > 0)
      .map((words) => ({ words: words.join(' '), squeezed: words.join('') }));
  }

  /** True when the text contains a blocked entry (also spelled with spaces, dots, accents, look-alikes or digits). */
  blocks(value: string): boolean {
    if (this.entries.length === 0) return false;
    const text = prepare(value);
    if (this.match === 'anywhere') return this.entries.some((entry) => text.squeezed.includes(entry.squeezed));
    return this.entries.some((entry) => occursAsWords(text, entry.words));
  }

  /** A viewer's name for display and speech: `someone` ("Someone") when it is blocked or empty. */
  name(nickname: string, handle: string): string {
    const shown = displayText(nickname, 40) || displayText(handle, 40);
    if (!shown || this.blocks(shown) || this.blocks(handle)) return this.someone;
    return shown;
  }

  /** A message to show, or null when it must not be shown. */
  message(content: string): string | null {
    const shown = displayText(content, 300);
    if (!shown || this.blocks(shown)) return null;
    return shown;
  }
}

/** The alert's sentence from the overlay's template ({name}, {gift}, {count}, {diamonds}). */
export function fillTemplate(template: string, values: { name: string; gift: string; count: number; diamonds: number }): string {
  return template.replace(/\{(name|gift|count|diamonds)\}/g, (_, key: 'name' | 'gift' | 'count' | 'diamonds') => String(values[key]));
}
