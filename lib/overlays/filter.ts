// What an overlay may show or read out. Chat names and messages are written by strangers: they can hold
// abusive words, control and direction-override characters, zero-width tricks to dodge a filter,
// endless emoji rows, or markup. React escapes markup; this module removes the rest, and applies the
// overlay's blocked-words list to names and messages alike (a blocked name becomes "Someone", a
// blocked message is not shown or spoken at all).

const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/g;
const LEETSPEAK: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };

/** Text safe to render: invisible and control characters removed, whitespace collapsed, length capped. */
export function displayText(value: string, max = 200): string {
  const cleaned = value.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  const chars = [...cleaned];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : cleaned;
}

/** Lower case, accents and look-alikes folded, separators removed: what filter words are matched against. */
export function foldForMatching(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(/[013457@$!]/g, (c) => LEETSPEAK[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export class WordFilter {
  private readonly words: string[];

  constructor(blockedWords: readonly string[]) {
    this.words = blockedWords.map(foldForMatching).filter((w) => w.length > 0);
  }

  /** True when the text contains a blocked word (also spelled with spaces, dots, accents or digits). */
  blocks(value: string): boolean {
    if (this.words.length === 0) return false;
    const folded = foldForMatching(value);
    return this.words.some((word) => folded.includes(word));
  }

  /** A viewer's name for display and speech: "Someone" when it is blocked or empty. */
  name(nickname: string, handle: string): string {
    const shown = displayText(nickname, 40) || displayText(handle, 40);
    if (!shown || this.blocks(shown) || this.blocks(handle)) return 'Someone';
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
