// Which font draws which part of the PDF's text. pdfkit's built-in Helvetica draws only Windows-1252,
// so the report's own text in Russian, Thai or Chinese (and "≈", "₽" in any language) is drawn with the
// machine's fonts (pdf-fonts.ts), one run per font: Latin and Cyrillic with the Latin font (DejaVu
// Sans), Thai with the Thai one, Chinese with the CJK one. English keeps Helvetica for what it can draw.
// Pure, so tests check it without a PDF.
import type { PdfScript } from '@/lib/reports/pdf-fonts';
import { isWinAnsiText } from '@/lib/reports/pdf-text';

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

/**
 * `text` cut into runs of one font for a document in `locale`. A face the machine has no font for
 * (`available` false) is drawn with Helvetica, which prints what it cannot draw as "?" (pdf-text.ts).
 */
export function textRuns(text: string, locale: string, available: (face: RunFace) => boolean): TextRun[] {
  const chars = [...text];
  const faces = chars.map((char) => faceOf(char, locale));
  // Neutral characters join the run before them; leading ones the first run, else the language's font.
  let current: RunFace = faces.find((face) => face !== null) ?? defaultFace(locale);
  const runs: TextRun[] = [];
  chars.forEach((char, index) => {
    current = faces[index] ?? current;
    const face: RunFace = current === 'helvetica' || available(current) ? current : 'helvetica';
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
