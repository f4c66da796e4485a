// Text that reaches Postgres or a page. A NUL character cannot be stored in a text column (the whole
// statement fails, and a worker that retries it fails forever), and a lone surrogate is not Unicode.
// Text from TikTok is cleaned (cleanText); text a user sends with a NUL is refused by the route wrapper
// (findNul), since a NUL in a form field is never meant.
// No `server-only`: the worker and browser components use it too.

// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): "evil\u202Eexe.live"
// displays as "evil" followed by "exe.live" reversed. Marks (U+200E, U+200F) cannot reorder a run, so they stay.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** The text without NUL characters and with each lone surrogate replaced by U+FFFD. */
export function cleanText(text: string): string {
  const wellFormed = text.isWellFormed() ? text : text.toWellFormed();
  return wellFormed.includes('\u0000') ? wellFormed.replaceAll('\u0000', '') : wellFormed;
}

// Anything displayText would change: one test on the hot path (every chat the worker normalises).
const UNSAFE = /[\u0000\uD800-\uDFFF\u202A-\u202E\u2066-\u2069]/;

/**
 * Text from TikTok, cleaned where it enters (the worker's normaliser, profile pages): without NUL, with
 * lone surrogates replaced, and without the controls that reorder what follows, so every page, overlay,
 * export and report shows it as it reads.
 */
export function displayText(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return cleanText(text).replace(BIDI_CONTROLS, '');
}

/** The path of the first string (or key) in `value` containing a NUL, or null. */
/**
 * Whether a parsed JSON value nests arrays and objects more than `max` levels deep. Iterative, so a
 * hostile body of 30,000 nested brackets (60 KB) is refused instead of overflowing the stack of the
 * recursive walks below.
 */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (!item || typeof item !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) if (child && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

export function findNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'value' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return path || 'body';
      const found = findNul(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** Every string in a JSON-like value made well-formed (lone surrogates replaced). */
export function wellFormedDeep<T>(value: T): T {
  if (typeof value === 'string') return (value.isWellFormed() ? value : value.toWellFormed()) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => wellFormedDeep(item)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [wellFormedDeep(k), wellFormedDeep(v)])) as T;
  return value;
}
