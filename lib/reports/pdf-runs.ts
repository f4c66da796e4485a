// Which font draws which part of the PDF's text. pdfkit's built-in Helvetica draws only Windows-1252,
// so the report's own text in Russian, Thai or Chinese (and "≈", "₽" in any language) is drawn in Noto
// Sans (pdf.ts cuts each of these runs further by font file): one run per script, Latin and Cyrillic,
// Thai, Chinese, so that the spaces, digits and punctuation inside a run stay in its font. English keeps
// Helvetica for what it can draw. Pure, so tests check it without a PDF.
import { isWinAnsiText } from '@/lib/reports/pdf-text';

export type PdfScript = 'latin' | 'thai' | 'cjk';
export type RunFace = 'helvetica' | PdfScript;
export type TextRun = { face: RunFace; text: string };

const THAI = /\p{Script=Thai}/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
// Digits, spaces and ASCII punctuation: every font draws them, so they stay with the run around them.
const ASCII_NEUTRAL = /[\u0020-\u0040\u005b-\u0060\u007b-\u007e]/;
const ASCII_LETTER = /[A-Za-z]/;
// Quotes, dashes and ellipses inside Chinese text take the CJK font's full-width forms.
const GENERAL_PUNCTUATION = /[\u2010-\u206f]/;

/** The font a language's text starts in when a run has no letter of its own. */
export function defaultFace(locale: string): RunFace {
  if (locale === 'th') return 'thai';
  if (locale === 'zh-CN') return 'cjk';
  return locale === 'en' ? 'helvetica' : 'latin';
}

function faceOf(char: string, locale: string): RunFace | null {
  if (ASCII_NEUTRAL.test(char)) return null;
  if (THAI.test(char)) return 'thai';
  if (CJK.test(char)) return 'cjk';
  // Latin words inside Thai or Chinese text ("TikTok", "LIVE") stay in that text's font, which draws them.
  if (ASCII_LETTER.test(char)) return locale === 'th' || locale === 'zh-CN' ? null : defaultFace(locale);
  if (locale === 'zh-CN' && GENERAL_PUNCTUATION.test(char)) return 'cjk';
  if (locale === 'en' && isWinAnsiText(char)) return 'helvetica';
  return 'latin';
}

/** `text` cut into runs of one script (or Helvetica) for a document in `locale`. */
export function textRuns(text: string, locale: string): TextRun[] {
  const chars = [...text];
  const faces = chars.map((char) => faceOf(char, locale));
  // Neutral characters join the run before them; leading ones the first run, else the language's font.
  let current: RunFace = faces.find((face) => face !== null) ?? defaultFace(locale);
  const runs: TextRun[] = [];
  chars.forEach((char, index) => {
    current = faces[index] ?? current;
    const face = current;
    const last = runs[runs.length - 1];
    if (last && last.face === face) last.text += char;
    else runs.push({ face, text: char });
  });
  return runs;
}

const thaiWords = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('th', { granularity: 'word' }) : null;

/**
 * Thai with a zero-width space between words: Thai puts no spaces between words, and pdfkit breaks
 * lines only where Unicode allows, so without these a long Thai phrase could only break mid-word.
 */
export function markThaiWordBreaks(text: string): string {
  if (!thaiWords || !THAI.test(text)) return text;
  let result = '';
  let previousThai = false;
  for (const { segment } of thaiWords.segment(text)) {
    const thai = THAI.test(segment);
    if (thai && previousThai) result += '\u200b';
    result += segment;
    previousThai = thai;
  }
  return result;
}
