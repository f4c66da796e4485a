// One call to Bilibili's live HTTP API (api.live.bilibili.com, or a local stand-in): the headers a browser on
// live.bilibili.com sends, an optional logged-in cookie, a timeout, and the `{ code, message, data }` reply
// unwrapped. Used by the worker's live connector (worker/sources/bilibili.ts) and the room lookup
// (lib/platforms/bilibili/room-lookup.ts).

export const BILIBILI_USER_AGENT = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

export type BilibiliApiOptions = {
  /** The room API, https://api.live.bilibili.com (BILIBILI_API_BASE). */
  apiBase: string;
  /** The live site, https://live.bilibili.com (BILIBILI_LIVE_BASE): Origin of every request. */
  liveBase: string;
  /** A logged-in account's SESSDATA cookie. */
  sessdata?: string;
  /** The anonymous browser id the web client sends as the `buvid3` cookie (lib/platforms/bilibili/wbi.ts). */
  buvid3?: string;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
};

/** The API's addresses and cookie from the environment (BILIBILI_API_BASE, BILIBILI_LIVE_BASE, BILIBILI_SESSDATA). */
export function bilibiliApiOptions(env: { BILIBILI_API_BASE: string; BILIBILI_LIVE_BASE: string; BILIBILI_SESSDATA?: string }): BilibiliApiOptions {
  return { apiBase: env.BILIBILI_API_BASE, liveBase: env.BILIBILI_LIVE_BASE, sessdata: env.BILIBILI_SESSDATA };
}

/** Bilibili answered with an error: an HTTP status, or a non-zero `code` (-352 / -412: too many requests). */
export class BilibiliApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'BilibiliApiError';
  }

  /** Bilibili's ways of saying "too many requests": HTTP 412/429 and the risk-control codes -352 and -412. */
  get rateLimited(): boolean {
    return [412, 429, -352, -412].includes(this.code);
  }
}

/** The headers of a request made from the room page `referer`. */
export function bilibiliHeaders(options: Pick<BilibiliApiOptions, 'liveBase' | 'sessdata' | 'buvid3'>, referer: string): Record<string, string> {
  const cookies = [options.buvid3 && `buvid3=${options.buvid3}`, options.sessdata && `SESSDATA=${options.sessdata}`].filter(Boolean);
  return {
    'user-agent': BILIBILI_USER_AGENT,
    referer,
    origin: options.liveBase,
    ...(cookies.length ? { cookie: cookies.join('; ') } : {}),
  };
}

type ApiReply = { code?: unknown; message?: unknown; msg?: unknown; data?: unknown };

/**
 * GETs `path` and returns the reply's `data` (an empty object when it has none); throws BilibiliApiError for
 * a code other than 0 and `acceptCodes` (the nav endpoint answers -101, "not logged in", with useful data).
 */
export async function bilibiliApi(options: BilibiliApiOptions, path: string, referer = `${options.liveBase}/`, acceptCodes: number[] = []): Promise<Record<string, unknown>> {
  const response = await (options.fetchImpl ?? fetch)(`${options.apiBase}${path}`, { headers: bilibiliHeaders(options, referer), signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
  if (!response.ok) throw new BilibiliApiError(response.status, `Bilibili API ${path}: HTTP ${response.status}`);
  const reply = (await response.json()) as ApiReply;
  if (reply.code !== 0 && !(typeof reply.code === 'number' && acceptCodes.includes(reply.code))) throw new BilibiliApiError(typeof reply.code === 'number' ? reply.code : -1, `Bilibili API ${path}: ${String(reply.message ?? reply.msg ?? reply.code)}`);
  return typeof reply.data === 'object' && reply.data !== null ? (reply.data as Record<string, unknown>) : {};
}
