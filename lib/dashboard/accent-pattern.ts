// Accent-insensitive search without changing what is stored: a search term becomes a regular expression
// in which each Latin letter matches its accented forms ("mexico" → m[eéèêë…]x[iíìîï…]c[oóòôö…]), and
// an accented letter in the term is first taken back to its base letter, so "méxico", "mexico" and
// "MEXICO" all find "México". The same source works in Postgres (`~*`, within one live's chat) and in the
// browser (RegExp, to highlight what matched).
//
// Why not a normalised column or an unaccent() expression index: an expression index cannot be written in
// schema.prisma (the migration-drift test fails on it), and a second, folded copy of every chat message
// would add to the write path and the table for a search that is only ever run within one live.
//
// Only letters that decompose into a Latin letter plus marks are folded (and a few that do not, such as
// ø, ł, đ, and ё in Russian): marks that are part of a letter in other scripts (Thai vowels and tones)
// are kept, so Thai search still matches exactly.

/** Letters with no canonical decomposition that readers still treat as accented forms. */
const EXTRA_FORMS: Record<string, string> = { ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ħ: 'h', Ħ: 'h', ı: 'i', ŧ: 't', Ŧ: 't', ё: 'е', Ё: 'е' };
/** Latin-1 Supplement, Latin Extended-A and B, and Latin Extended Additional (Vietnamese). */
const LATIN_RANGES: readonly [number, number][] = [
  [0xc0, 0x24f],
  [0x1e00, 0x1eff],
];

function buildFolding(): { baseOf: Map<string, string>; formsOf: Map<string, string> } {
  const baseOf = new Map<string, string>();
  for (const [from, to] of LATIN_RANGES) {
    for (let cp = from; cp <= to; cp++) {
      const letter = String.fromCodePoint(cp);
      const base = letter.normalize('NFD').replace(/\p{M}+/gu, '');
      if (/^[a-z]$/i.test(base)) baseOf.set(letter, base.toLowerCase());
    }
  }
  for (const [letter, base] of Object.entries(EXTRA_FORMS)) baseOf.set(letter, base);
  const forms = new Map<string, Set<string>>();
  for (const [letter, base] of baseOf) {
    const set = forms.get(base) ?? new Set([base, base.toUpperCase()]);
    set.add(letter);
    forms.set(base, set);
  }
  return { baseOf, formsOf: new Map([...forms].map(([base, set]) => [base, [...set].join('')])) };
}

let folding: ReturnType<typeof buildFolding> | undefined;

/** Characters with a meaning in both Postgres (ARE) and JavaScript regular expressions. */
const SYNTAX = /[.*+?^${}()|[\]\\]/;

/**
 * `term` as a regular expression source that matches it anywhere, ignoring accents on Latin letters;
 * every other character matches itself (regex syntax escaped). Use case-insensitively (`~*`, flag `i`).
 */
export function accentInsensitivePattern(term: string): string {
  folding ??= buildFolding();
  const { baseOf, formsOf } = folding;
  let source = '';
  for (const char of term) {
    const base = baseOf.get(char) ?? char.toLowerCase();
    const forms = formsOf.get(base);
    if (forms) source += `[${forms}]`;
    else source += SYNTAX.test(char) ? `\\${char}` : char;
  }
  return source;
}
