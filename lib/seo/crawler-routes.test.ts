// /robots.txt and /sitemap.xml are served by app/robots.ts and app/sitemap.ts at the root: the proxy
// must not rewrite them into a language folder (/en/sitemap.xml does not exist), while pages still go
// through it.
import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { describe, expect, it } from 'vitest';
import { config } from '@/proxy';

describe('proxy matcher', () => {
  it('lets the crawler files through and still handles pages', () => {
    expect(unstable_doesMiddlewareMatch({ config, url: '/sitemap.xml' })).toBe(false);
    expect(unstable_doesMiddlewareMatch({ config, url: '/robots.txt' })).toBe(false);
    expect(unstable_doesMiddlewareMatch({ config, url: '/@koji.plays' })).toBe(true);
    expect(unstable_doesMiddlewareMatch({ config, url: '/compare' })).toBe(true);
  });
});
