// A local stand-in for TikTok's public profile pages: serves the saved pages in lib/tiktok/fixtures at
// /@<their handle>, a "user not found" page for any other handle, and lets tests make it slow or fail.
// Used by the profile tests, the browser tests (TIKTOK_PROFILE_BASE_URL points here) and the web bench.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { BilibiliRoomApi } from './bilibili-room-api';
import { uniqueSuffix } from './factories';

const FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'lib', 'tiktok', 'fixtures');

/** Saved pages by the handle they belong to. */
export const FIXTURE_PAGES: Record<string, string> = {
  'luna.bakes': 'normal-account.html',
  'nova.quinn': 'verified-large-account.html',
  pixelpip_: 'zero-videos.html',
  'retro.reels': 'old-sigi-state.html',
  'quiet.corner': 'private-account.html',
};

export class ProfileServer {
  private server: http.Server | undefined;
  /** Requests per handle. */
  readonly hits = new Map<string, number>();
  /** Handles that answer 503 (TikTok failing). */
  readonly failing = new Set<string>();
  /** Handles that answer with the captcha page. */
  readonly captcha = new Set<string>();
  /** Bilibili's room API on the same port, when set (the browser tests' one stand-in for the platforms' sites). */
  bilibili: BilibiliRoomApi | undefined;
  /** Delay before answering, in ms. */
  delayMs = 0;
  /** Extra handles that serve one of the saved pages as if it were theirs (tests use unique handles). */
  private readonly aliases = new Map<string, string>();
  /** Handles starting with a prefix that serve one saved page (browser tests make up fresh handles). */
  private readonly prefixes = new Map<string, { fixtureHandle: string; nickname?: string }>();

  /** Serves the saved page of `fixtureHandle` at /@`handle`, with the handle inside rewritten. */
  alias(handle: string, fixtureHandle: string): string {
    this.aliases.set(handle.toLowerCase(), fixtureHandle);
    return handle.toLowerCase();
  }

  /** A never-seen handle serving the saved page of `fixtureHandle` (test files share one database). */
  fresh(fixtureHandle: string): string {
    return this.alias(`${fixtureHandle.replace(/[._]+$/, '')}.${uniqueSuffix()}`, fixtureHandle);
  }

  /**
   * Every handle starting with `prefix` serves the saved page of `fixtureHandle` as its own, with `nickname`
   * in place of the page's when given. The longest matching prefix wins.
   */
  aliasPrefix(prefix: string, fixtureHandle: string, nickname?: string): void {
    this.prefixes.set(prefix.toLowerCase(), { fixtureHandle, nickname });
  }

  get url(): string {
    const address = this.server?.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  async start(port = 0): Promise<void> {
    this.server = http.createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    if (this.bilibili?.handle(request, response)) return;
    const match = /^\/@([^/?#]+)/.exec(request.url ?? '');
    const handle = decodeURIComponent(match?.[1] ?? '').toLowerCase();
    this.hits.set(handle, (this.hits.get(handle) ?? 0) + 1);
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (!match) {
      response.writeHead(404).end();
      return;
    }
    if (this.failing.has(handle)) {
      response.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
      return;
    }
    const byPrefix = [...this.prefixes].filter(([prefix]) => handle.startsWith(prefix)).sort(([a], [b]) => b.length - a.length)[0]?.[1];
    const original = this.aliases.get(handle) ?? byPrefix?.fixtureHandle;
    const file = this.captcha.has(handle) ? 'captcha.html' : (FIXTURE_PAGES[original ?? handle] ?? 'missing-user.html');
    let page = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
    if (original) page = page.replaceAll(`"${original}"`, `"${handle}"`);
    const nickname = this.aliases.has(handle) ? undefined : byPrefix?.nickname;
    if (nickname) page = page.replace(/"nickname":"(?:[^"\\]|\\.)*"/g, () => `"nickname":${JSON.stringify(nickname)}`);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
