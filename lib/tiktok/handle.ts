// One validator for TikTok handles, shared by the search box, the API and the worker, so a handle that
// passes anywhere is stored and fetched under the same normalised form (lower case, no "@").
import { z } from 'zod';

export const HANDLE_MIN_LENGTH = 2;
export const HANDLE_MAX_LENGTH = 24;

// Longer than any profile link a person would paste; stops us scanning megabytes of hostile input.
const MAX_INPUT_LENGTH = 2048;

export const HANDLE_EXAMPLE_LINK = 'https://www.tiktok.com/@username';
const EXAMPLE_LINK = HANDLE_EXAMPLE_LINK;

export const HANDLE_ERRORS = {
  empty: 'Enter a TikTok username or profile link.',
  inputTooLong: 'That is too long to be a TikTok username or profile link.',
  tooShort: `A TikTok username has at least ${HANDLE_MIN_LENGTH} characters.`,
  tooLong: `A TikTok username has at most ${HANDLE_MAX_LENGTH} characters.`,
  endsWithDot: 'A TikTok username cannot end with a dot.',
  notTikTokLink: `That link is not a TikTok link. Paste a profile link like ${EXAMPLE_LINK}.`,
  notProfileLink: `That TikTok link is not a profile link. Paste a link like ${EXAMPLE_LINK}.`,
  invalidCharacter: (described: string) =>
    `A TikTok username can only contain letters, numbers, underscores and dots, not ${described}.`,
} as const;

export type HandleErrorCode = keyof typeof HANDLE_ERRORS;
/** Why a handle was refused: `error` in English (the API's message), `code` (and the character) for the UI's translation. */
export type HandleFailure = { ok: false; error: string; code: HandleErrorCode; character?: string };
export type HandleParseResult = { ok: true; handle: string } | HandleFailure;

const HANDLE_CHARACTER = /^[A-Za-z0-9_.]$/;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
// "tiktok.com/@x", "www.tiktok.com" or "example.org/x": a host with a dot, then a path or nothing.
const LOOKS_LIKE_HOST_AND_PATH = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?[/?#]/i;
const BARE_TIKTOK_HOST = /^(?:[a-z0-9-]+\.)*tiktok\.com$/i;

/**
 * Normalises `username`, `@username` or a TikTok profile link to the lower-case handle without "@".
 * Never throws: any string (or, defensively, any value) gives either a handle or a user-facing error.
 */
export function parseHandle(input: string): HandleParseResult {
  if (typeof input !== 'string') return fail('empty');
  const trimmed = input.trim();
  if (trimmed === '' || trimmed === '@') return fail('empty');
  if (trimmed.length > MAX_INPUT_LENGTH) return fail('inputTooLong');

  if (!trimmed.startsWith('@') && isLinkLike(trimmed)) {
    const fromLink = extractHandleFromLink(trimmed);
    return fromLink.ok ? validateHandleText(fromLink.handle) : fromLink;
  }
  return validateHandleText(trimmed.startsWith('@') ? trimmed.slice(1) : trimmed);
}

/** The same rules as `parseHandle`, as a zod schema whose output is the normalised handle. */
export const handleSchema = z.string({ error: HANDLE_ERRORS.empty }).transform((input, ctx) => {
  const result = parseHandle(input);
  if (result.ok) return result.handle;
  ctx.addIssue({ code: 'custom', message: result.error });
  return z.NEVER;
});

function fail(code: Exclude<HandleErrorCode, 'invalidCharacter'>): HandleFailure {
  return { ok: false, error: HANDLE_ERRORS[code], code };
}

function isLinkLike(text: string): boolean {
  return HAS_SCHEME.test(text) || LOOKS_LIKE_HOST_AND_PATH.test(text) || BARE_TIKTOK_HOST.test(text);
}

function extractHandleFromLink(text: string): HandleParseResult {
  let url: URL;
  try {
    url = new URL(HAS_SCHEME.test(text) ? text : `https://${text}`);
  } catch {
    return fail('notTikTokLink');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('notTikTokLink');
  const host = url.hostname.toLowerCase();
  // Any subdomain (www., m., regional ones) serves the same /@handle profile path.
  if (host !== 'tiktok.com' && !host.endsWith('.tiktok.com')) return fail('notTikTokLink');

  const firstSegment = url.pathname.split('/')[1] ?? '';
  if (!firstSegment.startsWith('@') || firstSegment.length < 2) return fail('notProfileLink');
  return { ok: true, handle: decodePathSegment(firstSegment.slice(1)) };
}

// The URL parser percent-encodes non-ASCII; decoding lets the error name "é" rather than "%".
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function validateHandleText(text: string): HandleParseResult {
  if (text === '') return fail('empty');
  // Checked on the original text: lower-casing first would turn e.g. the Kelvin sign into "k".
  for (const character of text) {
    if (!HANDLE_CHARACTER.test(character)) return { ok: false, error: HANDLE_ERRORS.invalidCharacter(describeCharacter(character)), code: 'invalidCharacter', character };
  }
  if (text.length < HANDLE_MIN_LENGTH) return fail('tooShort');
  if (text.length > HANDLE_MAX_LENGTH) return fail('tooLong');
  if (text.endsWith('.')) return fail('endsWithDot');
  return { ok: true, handle: text.toLowerCase() };
}

function describeCharacter(character: string): string {
  if (character === ' ') return 'spaces';
  if (character === '@') return '"@" inside the name';
  // Invisible characters (controls, zero-width, other spaces) are named by code point so the user can see them.
  if (/[\p{C}\p{Z}]/u.test(character)) {
    const codePoint = character.codePointAt(0) ?? 0;
    return `the invisible character U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `"${character}"`;
}
