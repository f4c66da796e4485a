// Where to send someone back to after signing in (or any other "return to" parameter): only a path of
// this site. `/%5Cevil.example` decodes to `/\evil.example`, which browsers treat as `//evil.example`
// (another host), so backslashes, protocol-relative `//`, schemes and control characters all fall back.
// No `server-only`: the sign-in form uses it too.

/** The address a page request asked for (path and query), which proxy.ts passes to pages in this header. */
export const REQUEST_PATH_HEADER = 'x-livelens-path';

export function safeReturnPath(input: string | null | undefined, fallback = '/dashboard'): string {
  if (!input) return fallback;
  const raw = input.trim();
  let decoded: string;
  try {
    // The parameter arrives decoded once; `%5C` inside it is still a backslash to a browser.
    decoded = decodeURIComponent(raw);
  } catch {
    return fallback;
  }
  for (const value of [raw, decoded]) {
    if (!value.startsWith('/') || value.startsWith('//')) return fallback;
    // Backslashes and control characters (URL parsers drop tabs and newlines) are never in our paths.
    if (/[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  }
  // Resolve against a placeholder origin: anything that leaves it is not ours.
  try {
    const resolved = new URL(raw, 'http://livelens.invalid');
    if (resolved.origin !== 'http://livelens.invalid') return fallback;
    return `${resolved.pathname}${resolved.search}${resolved.hash}`;
  } catch {
    return fallback;
  }
}

/** The same rule for a full URL that must be of `origin` (next-auth hands callbacks over as URLs). */
export function safeReturnUrl(url: string, origin: string, fallback = '/dashboard'): string {
  try {
    const parsed = new URL(url, origin);
    if (parsed.origin !== new URL(origin).origin) return new URL(fallback, origin).toString();
    return new URL(safeReturnPath(`${parsed.pathname}${parsed.search}${parsed.hash}`, fallback), origin).toString();
  } catch {
    return new URL(fallback, origin).toString();
  }
}
