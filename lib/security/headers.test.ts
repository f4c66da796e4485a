import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, pageKindOf } from '@/lib/security/headers';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((part) => {
    const [name = '', ...values] = part.trim().split(/\s+/);
    return [name, values];
  }));
}

/** Whether a CSP source list lets a page load `url` (enough of CSP's matching for these policies). */
function allows(sources: readonly string[], url: string, self: string): boolean {
  const target = new URL(url, self);
  return sources.some((source) => {
    if (source === '*') return true;
    if (source === "'self'") return target.origin === new URL(self).origin;
    if (/^[a-z][a-z0-9+.-]*:$/.test(source)) return target.protocol === source;
    const match = /^(https?):\/\/(\*\.)?([^/:]+)$/.exec(source);
    if (!match) return false;
    const [, scheme, wildcard, host = ''] = match;
    if (target.protocol !== `${scheme}:`) return false;
    return wildcard ? target.hostname.endsWith(`.${host}`) : target.hostname === host;
  });
}

describe('the overlay page policy', () => {
  const self = 'https://livelens.example';
  const policy = directives(contentSecurityPolicy({ kind: pageKindOf('/overlay/abc'), nonce: 'n0nce', realtime: ['wss://rt.example'] }));
  const list = (name: string) => policy.get(name) ?? policy.get('default-src') ?? [];

  it('loads no picture, font, media or stylesheet from another site (custom CSS cannot reach out)', () => {
    for (const url of ['http://evil.example/a.png', 'https://evil.example/a.png', '//evil.example/a.png']) {
      for (const directive of ['img-src', 'font-src', 'media-src', 'style-src', 'default-src']) expect(allows(list(directive), url, self), `${directive} ${url}`).toBe(false);
    }
    expect(allows(list('img-src'), '/api/overlay/tok/media/m1', self)).toBe(true);
    expect(allows(list('media-src'), '/api/overlay/tok/media/m1', self)).toBe(true);
    expect(allows(list('font-src'), '/_next/static/media/rubik.woff2', self)).toBe(true);
  });

  it('still shows TikTok gift pictures and avatars', () => {
    expect(allows(list('img-src'), 'https://p16-sign-va.tiktokcdn.com/gift.png', self)).toBe(true);
    expect(allows(list('img-src'), 'https://tiktokcdn.com.evil.example/gift.png', self)).toBe(false);
  });

  it('runs only our own nonce-carrying scripts: no inline script, no eval, no plugins', () => {
    const scripts = list('script-src');
    expect(scripts).toContain("'nonce-n0nce'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(allows(scripts, 'https://evil.example/x.js', self)).toBe(false);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
  });

  it('fetches nothing over http(s) from another site (websockets stay open for the realtime server and OBS)', () => {
    expect(allows(list('connect-src'), 'https://evil.example/x', self)).toBe(false);
  });
});

describe('other pages', () => {
  it('keep remote pictures (profiles show TikTok avatars from any CDN host)', () => {
    const policy = directives(contentSecurityPolicy({ kind: 'per-request', nonce: 'n', realtime: [] }));
    expect(policy.get('img-src')).toContain('https:');
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });
});
