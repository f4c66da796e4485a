// Poppler's pdftotext (.ci/run installs poppler-utils): the text of a PDF as a reader extracts it, any
// font, whitespace folded to single spaces. Tests that read PDFs back skip where it is missing.
import { execFileSync } from 'node:child_process';

export const HAS_PDFTOTEXT = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** The PDF's text; `raw` keeps the content stream's order (`-raw`). */
export function pdfToText(pdf: Buffer, raw = false): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...(raw ? ['-raw'] : []), '-', '-'], { input: pdf, encoding: 'utf8' }).replace(/\s+/g, ' ');
}
