// Reads a public TikTok profile out of the HTML of https://www.tiktok.com/@handle. Pure: no I/O.
// The data comes only from the page's JSON script element: a missing-user page is still HTTP 200 and
// carries suggested accounts' names and counts elsewhere, so pattern-matching the HTML would pick those up.
import { displayText } from '@/lib/text/clean';
import { z } from 'zod';

export type TikTokProfile = {
  handle: string;
  tiktokUserId: string;
  secUid: string;
  nickname: string;
  avatarUrl: string | null;
  bio: string;
  verified: boolean;
  privateAccount: boolean;
  region: string | null;
  followers: bigint;
  following: bigint;
  hearts: bigint;
  videos: bigint;
  diggs: bigint;
  friends: bigint;
};

export type ProfileParseResult =
  | { kind: 'ok'; profile: TikTokProfile }
  | { kind: 'not_found' }
  | { kind: 'private'; profile?: TikTokProfile }
  | { kind: 'blocked'; reason: string };

const UNIVERSAL_DATA_ID = '__UNIVERSAL_DATA_FOR_REHYDRATION__';
const SIGI_STATE_ID = 'SIGI_STATE';
const USER_DETAIL_KEY = 'webapp.user-detail';

// Tolerant field by field: a renamed or retyped optional field must not turn a good page into "blocked".
const userSchema = z.object({
  // 19-digit ids only survive as strings; a number is accepted only while it is still exact.
  id: z.union([z.string().regex(/^\d{1,24}$/), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).transform(String)]),
  uniqueId: z.string().optional().catch(undefined),
  secUid: z.string().catch(''),
  nickname: z.string().catch(''),
  signature: z.string().catch(''),
  avatarLarger: z.string().optional().catch(undefined),
  avatarMedium: z.string().optional().catch(undefined),
  avatarThumb: z.string().optional().catch(undefined),
  verified: z.boolean().catch(false),
  privateAccount: z.boolean().catch(false),
  secret: z.boolean().catch(false),
  region: z.string().optional().catch(undefined),
});

type PageUser = z.infer<typeof userSchema>;
type JsonObject = Record<string, unknown>;

/** Classifies a profile page and, when it holds one, extracts the profile of `handle` (already normalised). */
export function parseProfilePage(html: string, handle: string): ProfileParseResult {
  if (typeof html !== 'string' || html.length === 0) return { kind: 'blocked', reason: 'empty page' };

  const universal = readScriptJson(html, UNIVERSAL_DATA_ID);
  if (universal.found) return universal.ok ? parseUniversalData(universal.value, handle, html) : blocked(universal.reason);

  const sigi = readScriptJson(html, SIGI_STATE_ID);
  if (sigi.found) return sigi.ok ? parseSigiState(sigi.value, handle) : blocked(sigi.reason);

  return blocked(looksLikeCaptcha(html) ? 'captcha or verification page' : 'no profile data in the page');
}

function parseUniversalData(data: unknown, handle: string, html: string): ProfileParseResult {
  const scope = isObject(data) ? data['__DEFAULT_SCOPE__'] : undefined;
  if (!isObject(scope)) return blocked('unexpected page shape: no __DEFAULT_SCOPE__');
  const detail = scope[USER_DETAIL_KEY];
  if (!isObject(detail)) {
    return blocked(looksLikeCaptcha(html) ? 'captcha or verification page' : `unexpected page shape: no ${USER_DETAIL_KEY}`);
  }
  // 10221 (banned or removed), 10202 (no such user) and any other non-zero code: nothing to show.
  const statusCode = readStatusCode(detail['statusCode']);
  if (statusCode !== 0) return { kind: 'not_found' };

  const userInfo = detail['userInfo'];
  if (!isObject(userInfo) || !isObject(userInfo['user'])) return blocked('empty userInfo (login wall or unexpected page)');
  return buildResult(userInfo['user'], [userInfo['statsV2'], userInfo['stats']], handle);
}

function parseSigiState(data: unknown, handle: string): ProfileParseResult {
  if (!isObject(data)) return blocked('unexpected page shape: SIGI_STATE is not an object');
  const userModule = data['UserModule'];
  const users = isObject(userModule) ? userModule['users'] : undefined;
  const stats = isObject(userModule) ? userModule['stats'] : undefined;
  const key = isObject(users) ? findKeyIgnoringCase(users, handle) : undefined;
  if (key === undefined || !isObject(users)) {
    const userPage = data['UserPage'];
    const statusCode = isObject(userPage) ? readStatusCode(userPage['statusCode']) : 0;
    return statusCode !== 0 ? { kind: 'not_found' } : blocked('empty UserModule (login wall or unexpected page)');
  }
  return buildResult(users[key], [isObject(stats) ? stats[key] : undefined], handle);
}

/** `statsSources` are tried in order for each count, so string counts (statsV2) win over numbers. */
function buildResult(rawUser: unknown, statsSources: unknown[], handle: string): ProfileParseResult {
  const parsedUser = userSchema.safeParse(rawUser);
  if (!parsedUser.success) return blocked('unexpected page shape: user has no valid id');
  const user = parsedUser.data;
  if (user.uniqueId !== undefined && user.uniqueId.toLowerCase() !== handle.toLowerCase()) {
    // Never file one account's numbers under another handle.
    return blocked(`page is for @${user.uniqueId.toLowerCase()}, not @${handle.toLowerCase()}`);
  }

  const isPrivate = user.privateAccount || user.secret;
  const counts = readCounts(statsSources.filter(isObject));
  if (!counts) return isPrivate ? { kind: 'private' } : blocked('unexpected page shape: no follower, following, heart and video counts');

  const profile = buildProfile(user, counts, handle, isPrivate);
  return isPrivate ? { kind: 'private', profile } : { kind: 'ok', profile };
}

type Counts = Pick<TikTokProfile, 'followers' | 'following' | 'hearts' | 'videos' | 'diggs' | 'friends'>;

function readCounts(sources: JsonObject[]): Counts | undefined {
  const followers = readCount(sources, ['followerCount']);
  const following = readCount(sources, ['followingCount']);
  // `heart` was a 32-bit field that wrapped for big accounts; `heartCount` replaced it.
  const hearts = readCount(sources, ['heartCount', 'heart']);
  const videos = readCount(sources, ['videoCount']);
  if (followers === undefined || following === undefined || hearts === undefined || videos === undefined) return undefined;
  // Older pages have no friendCount; neither is worth rejecting an otherwise good page for.
  const diggs = readCount(sources, ['diggCount']) ?? BigInt(0);
  const friends = readCount(sources, ['friendCount']) ?? BigInt(0);
  return { followers, following, hearts, videos, diggs, friends };
}

function readCount(sources: JsonObject[], names: string[]): bigint | undefined {
  for (const source of sources) {
    for (const name of names) {
      const count = toCount(source[name]);
      if (count !== undefined) return count;
    }
  }
  return undefined;
}

function toCount(value: unknown): bigint | undefined {
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) return BigInt(value);
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return BigInt(value);
  return undefined;
}

function buildProfile(user: PageUser, counts: Counts, handle: string, isPrivate: boolean): TikTokProfile {
  const avatar = [user.avatarLarger, user.avatarMedium, user.avatarThumb].find((url) => url !== undefined && url !== '');
  const region = user.region?.trim();
  return {
    handle: handle.toLowerCase(),
    tiktokUserId: user.id,
    secUid: user.secUid,
    nickname: displayText(user.nickname),
    avatarUrl: avatar ?? null,
    bio: displayText(user.signature),
    verified: user.verified,
    privateAccount: isPrivate,
    region: region ? region.toUpperCase() : null,
    ...counts,
  };
}

function readStatusCode(value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  // Something is there but it is not a code we understand: treat it as "not available", not as success.
  return -1;
}

type ScriptJson = { found: false } | { found: true; ok: true; value: unknown } | { found: true; ok: false; reason: string };

/**
 * Finds `<script id="…">` and parses its text as JSON. The id also appears inside other scripts
 * (`getElementById("…")`), so each occurrence is checked to be the id attribute of a script tag.
 */
function readScriptJson(html: string, id: string): ScriptJson {
  for (let at = html.indexOf(id); at !== -1; at = html.indexOf(id, at + id.length)) {
    // A real opening tag is short, so only a bounded stretch before the id is looked at.
    const before = html.slice(Math.max(0, at - 500), at);
    if (!/<script\b[^<>]*\sid\s*=\s*["']?$/i.test(before)) continue;
    const afterId = html.slice(at + id.length, at + id.length + 1);
    if (afterId !== '"' && afterId !== "'" && afterId !== ' ' && afterId !== '>') continue;

    const contentStart = html.indexOf('>', at);
    if (contentStart === -1) return { found: true, ok: false, reason: `unterminated ${id} script tag` };
    const contentEnd = indexOfScriptEnd(html, contentStart);
    if (contentEnd === -1) return { found: true, ok: false, reason: `${id} script is cut off` };
    try {
      return { found: true, ok: true, value: JSON.parse(html.slice(contentStart + 1, contentEnd)) };
    } catch {
      return { found: true, ok: false, reason: `${id} script is not valid JSON` };
    }
  }
  return { found: false };
}

function indexOfScriptEnd(text: string, from: number): number {
  const scriptEnd = /<\/script/gi;
  scriptEnd.lastIndex = from;
  return scriptEnd.exec(text)?.index ?? -1;
}

// Only words the "blocked" reason. Ordinary pages load the captcha SDK too, so a bare "captcha" is no sign.
function looksLikeCaptcha(html: string): boolean {
  return /captcha[-_]verify|verify to continue|security check/i.test(html.slice(0, 200_000));
}

function findKeyIgnoringCase(object: JsonObject, key: string): string | undefined {
  if (Object.hasOwn(object, key)) return key;
  const wanted = key.toLowerCase();
  return Object.keys(object).find((candidate) => candidate.toLowerCase() === wanted);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function blocked(reason: string): ProfileParseResult {
  return { kind: 'blocked', reason };
}
