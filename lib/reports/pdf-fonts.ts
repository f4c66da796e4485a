// Fonts for names written in other scripts in the PDF. pdfkit's built-in Helvetica draws only
// Windows-1252, so a nickname such as "Лиза Стрим", "ลิซ่า ไลฟ์สด" or "小红" is drawn with a font of the
// machine that covers its script, found once through fontconfig (`fc-list :lang=…`): on Debian
// fonts-dejavu-core (Latin, Cyrillic, Greek), fonts-thai-tlwg (Thai) and fonts-wqy-microhei (Chinese),
// which .ci/run installs. A script with no font installed is drawn as "?" (and said so in the log), as
// before. The chosen font is embedded (subset) in the PDF, so readers need no font of their own.
import 'server-only';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createLogger } from '@/lib/logger';

export type PdfScript = 'latin' | 'thai' | 'cjk';
/** A font file, and the face's PostScript name inside a collection (.ttc). */
export type PdfFontFace = { file: string; family?: string };
export type PdfFonts = Partial<Record<PdfScript, PdfFontFace>>;

const LANGS: Record<PdfScript, string> = { latin: 'ru', thai: 'th', cjk: 'zh-cn' };
const log = createLogger('pdf-fonts');
let found: PdfFonts | undefined;

/** The fonts of this machine for each script (looked up once per process). */
export function pdfFonts(): PdfFonts {
  if (found) return found;
  found = {};
  for (const script of Object.keys(LANGS) as PdfScript[]) {
    const face = fontFor(LANGS[script]);
    if (face) found[script] = face;
    else log.warn('no font for this script on this machine; names in it print as "?" in PDFs', { script });
  }
  return found;
}

function fontFor(lang: string): PdfFontFace | undefined {
  let listed: string;
  try {
    listed = execFileSync('fc-list', ['-f', '%{file}|%{family[0]}|%{style[0]}|%{postscriptname}\n', `:lang=${lang}`], { encoding: 'utf8', timeout: 5000 });
  } catch {
    return undefined; // no fontconfig
  }
  const faces = listed
    .split('\n')
    .map((line) => line.split('|'))
    .filter(([file]) => file && /\.(ttf|otf|ttc)$/i.test(file) && fs.existsSync(file))
    .map(([file = '', family = '', style = '', postscript = '']) => ({ file, family, style, postscript }));
  // A regular face of a sans family first (DejaVu Sans, Loma, WenQuanYi Micro Hei), then anything.
  const rank = (face: { file: string; family: string; style: string }) => (/regular|book|normal/i.test(face.style) ? 0 : 2) + (/sans|loma|hei|garuda/i.test(face.family) ? 0 : 1) + (/mono/i.test(face.family) ? 3 : 0);
  const best = faces.sort((a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file))[0];
  if (!best) return undefined;
  // pdfkit picks a face of a collection by its PostScript name.
  return { file: best.file, family: best.file.toLowerCase().endsWith('.ttc') ? best.postscript : undefined };
}

/** Which font a character needs: Thai, Chinese/Japanese, or the rest (Latin, Cyrillic, Greek, digits). */
export function scriptOf(char: string): PdfScript {
  if (/\p{Script=Thai}/u.test(char)) return 'thai';
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u.test(char)) return 'cjk';
  return 'latin';
}

/** `text` cut into runs of one script; spaces and punctuation stay with the run they follow. */
export function scriptRuns(text: string): { script: PdfScript; text: string }[] {
  const runs: { script: PdfScript; text: string }[] = [];
  for (const char of text) {
    const neutral = /[\s\p{P}\p{N}]/u.test(char) && runs.length > 0;
    const script = neutral ? (runs[runs.length - 1]?.script ?? 'latin') : scriptOf(char);
    const last = runs[runs.length - 1];
    if (last && last.script === script) last.text += char;
    else runs.push({ script, text: char });
  }
  return runs;
}
