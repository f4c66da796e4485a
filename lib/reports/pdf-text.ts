// Text for pdfkit's built-in Helvetica, which can only draw the Windows-1252 (WinAnsi) character set:
// anything else (emoji, Thai, CJK…) would come out as blank or garbled glyphs, so it is replaced first.
// Importable anywhere; used by pdf.ts and pdf-runs.ts.

// The characters of Windows-1252 outside Latin-1, which pdfkit maps to WinAnsi codes itself.
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

// Emoji and the invisible characters that build them (joiners, variation selectors, skin tones, tag
// and keycap marks): dropped rather than replaced, since a "?" per emoji adds noise, not meaning.
export const EMOJI_PARTS = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0e\ufe0f\u20e3\u{e0020}-\u{e007f}]/gu;

export const UNSUPPORTED_TEXT_MARK = '?';

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
}

/** True when Helvetica can draw every character of `text` as it is. */
export function isWinAnsiText(text: string): boolean {
  return [...text].every(isWinAnsi);
}

/**
 * `text` reduced to what Helvetica can draw: compatibility forms folded (full-width and styled letters
 * become plain ones), emoji dropped, line breaks and controls turned into spaces, and each run of
 * other unsupported characters replaced by a single "?".
 */
export function toPdfText(text: string): string {
  return toWinAnsi(text).replace(/\s+/g, ' ').trim();
}

/** Like toPdfText, but spaces are kept as they are: for a piece of a longer line (a font run). */
export function toWinAnsi(text: string): string {
  const folded = text.normalize('NFKC').replace(EMOJI_PARTS, '').replace(/\p{Cc}/gu, ' ');
  let result = '';
  let inUnsupportedRun = false;
  for (const char of folded) {
    if (isWinAnsi(char)) {
      result += char;
      inUnsupportedRun = false;
    } else if (!inUnsupportedRun) {
      result += UNSUPPORTED_TEXT_MARK;
      inUnsupportedRun = true;
    }
  }
  return result;
}

/** Like toPdfText, but null when nothing readable (no letter or digit) is left, e.g. an emoji-only name. */
export function toReadablePdfText(text: string | null): string | null {
  if (text === null) return null;
  const converted = toPdfText(text);
  return /[\p{L}\p{N}]/u.test(converted) ? converted : null;
}
