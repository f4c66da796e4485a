// How many lines a paragraph drawn in several fonts takes, for laying out the PDF's table rows and
// sections before drawing them. pdfkit measures one font at a time; a Russian or Chinese paragraph in
// Noto is several files (letters in one, digits and punctuation in another), so its lines are counted
// here from each character's width in its own font, breaking where pdfkit's line breaker (Unicode line
// breaking) does for this text: after spaces and zero-width spaces (Thai words are marked with them),
// and before and after Chinese and Japanese characters. Pure, so tests check it without a PDF.

/** A character and its width in points, in the font it is drawn in. */
export type MeasuredChar = { char: string; width: number };

const SPACE = /[ \u00a0\u200b\t]/;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
// Punctuation that never starts a line (it stays with the character before it).
const CLOSING = /[，。、；：！？）」』】》〉”’,.;:!?)\]}%]/;

export function countLines(chars: MeasuredChar[], width: number): number {
  let lines = 1;
  let line = 0; // width of the committed words on this line, spaces after them included
  let word = 0; // width of the word being read
  const commit = () => {
    if (word === 0) return;
    if (line > 0 && line + word > width) {
      lines++;
      line = 0;
    }
    // A word wider than the line is broken inside, as pdfkit does.
    while (word > width) {
      word -= width;
      lines++;
    }
    line += word;
    word = 0;
  };
  for (const { char, width: charWidth } of chars) {
    if (char === '\n') {
      commit();
      lines++;
      line = 0;
    } else if (SPACE.test(char)) {
      commit();
      line += charWidth; // a space at the end of a line does not push it over
    } else if (CJK.test(char) && !CLOSING.test(char)) {
      commit();
      word = charWidth;
    } else {
      word += charWidth;
    }
  }
  commit();
  return lines;
}
