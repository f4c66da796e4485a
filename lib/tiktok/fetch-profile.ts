// Fetches https://www.tiktok.com/@handle (or a test server standing in for it) and classifies the page.
// Never throws: every failure becomes a result the cache and the worker can store and show.
import { parseHandle } from '@/lib/tiktok/handle';
import { parseProfilePage, type ProfileParseResult } from '@/lib/tiktok/profile';

export type FetchProfileResult = ProfileParseResult | { kind: 'network'; reason: string; status?: number };

export type FetchProfileOptions = {
  /** e.g. https://www.tiktok.com (TIKTOK_PROFILE_BASE_URL); a trailing slash is ignored. */
  baseUrl: string;
  /** Covers the whole exchange: connecting, redirects and reading the body. */
  timeoutMs: number;
  fetchImpl?: typeof fetch;
  /** Lets the caller (e.g. a worker shutting down) cancel the request. */
  signal?: AbortSignal;
};

// Profile pages are a few hundred KB; anything far larger is not a page we can use.
export const MAX_PROFILE_PAGE_BYTES = 5 * 1024 * 1024;

// TikTok serves the login-walled or bot version of the page to clients that do not look like a browser.
const BROWSER_HEADERS: Record<string, string> = {
  'user-agent':
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8',
  'accept-language': 'en-US,en;q=0.9',
  'sec-ch-ua': '"Google Chrome";v="131", "Chromium";v="131", "Not_A Brand";v="24"',
  'sec-ch-ua-mobile': '?0',
  'sec-ch-ua-platform': '"Windows"',
  'upgrade-insecure-requests': '1',
};

/** GETs the public profile page of `handle` and parses it; see `FetchProfileResult` for the outcomes. */
export async function fetchProfile(handle: string, options: FetchProfileOptions): Promise<FetchProfileResult> {
  const parsed = parseHandle(handle);
  // A string that cannot be a handle cannot be an account; refusing it also keeps it out of the URL path.
  if (!parsed.ok) return { kind: 'not_found' };

  const fetchImpl = options.fetchImpl ?? fetch;
  const url = `${options.baseUrl.replace(/\/+$/, '')}/@${parsed.handle}`;
  let timeout: AbortSignal | undefined;
  try {
    // Inside the try: AbortSignal.timeout throws on a negative or non-finite delay.
    timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
    const response = await fetchImpl(url, { headers: BROWSER_HEADERS, redirect: 'follow', signal });
    const status = response.status;
    if (status === 404 || status === 410) {
      await discardBody(response);
      return { kind: 'not_found' };
    }
    if (status === 429 || status >= 500) {
      await discardBody(response);
      return { kind: 'network', reason: `TikTok answered HTTP ${status}`, status };
    }
    if (status < 200 || status >= 300) {
      await discardBody(response);
      // 403 and friends come from TikTok's bot protection rather than from the account.
      return { kind: 'blocked', reason: `TikTok answered HTTP ${status}` };
    }

    const body = await readCappedText(response, MAX_PROFILE_PAGE_BYTES);
    const result = parseProfilePage(body.text, parsed.handle);
    if (body.truncated && result.kind === 'blocked') {
      return { kind: 'blocked', reason: `${result.reason} (page cut at ${MAX_PROFILE_PAGE_BYTES} bytes)` };
    }
    return result;
  } catch (error) {
    return { kind: 'network', reason: describeFailure(error, options, timeout) };
  }
}

/** Reads at most `maxBytes` of the body, cancelling the rest so the connection is not kept busy. */
async function readCappedText(response: Response, maxBytes: number): Promise<{ text: string; truncated: boolean }> {
  if (!response.body) return { text: '', truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = maxBytes - total;
    if (value.byteLength >= room) {
      chunks.push(value.subarray(0, room));
      total += room;
      truncated = value.byteLength > room || !(await isAtEnd(reader));
      break;
    }
    chunks.push(value);
    total += value.byteLength;
  }
  if (truncated) await reader.cancel().catch(() => undefined);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { text: new TextDecoder('utf-8').decode(bytes), truncated };
}

async function isAtEnd(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<boolean> {
  const next = await reader.read();
  return next.done || next.value.byteLength === 0;
}

async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

function describeFailure(error: unknown, options: FetchProfileOptions, timeout: AbortSignal | undefined): string {
  if (timeout?.aborted) return `timed out after ${options.timeoutMs} ms`;
  if (options.signal?.aborted) return 'cancelled';
  if (error instanceof Error) {
    // undici hides the useful part (ECONNREFUSED, ENOTFOUND, …) in `cause`.
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
