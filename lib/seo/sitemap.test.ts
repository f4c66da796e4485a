import { describe, expect, it } from 'vitest';
import { buildRobots, buildSitemap } from '@/lib/seo/sitemap';

describe('buildRobots', () => {
  it('keeps crawlers out of private areas in every language and names the sitemap', () => {
    const robots = buildRobots('https://livelens.example');
    const rules = Array.isArray(robots.rules) ? robots.rules[0] : robots.rules;
    expect(rules?.userAgent).toBe('*');
    const disallow = rules?.disallow;
    for (const path of ['/dashboard', '/ru/dashboard', '/zh-CN/account', '/api', '/overlay', '/th/overlay', '/reports', '/ru/reports']) expect(disallow).toContain(path);
    expect(disallow).not.toContain('/ru/api');
    expect(disallow).not.toContain('/top');
    expect(robots.sitemap).toBe('https://livelens.example/sitemap.xml');
  });
});

describe('buildSitemap', () => {
  const now = new Date('2026-12-02T12:00:00Z');
  it('lists the public pages and each stored account with absolute addresses in every language', () => {
    const sitemap = buildSitemap('https://livelens.example/', [{ handle: 'koji.plays', updatedAt: new Date('2026-12-01T00:00:00Z') }], now);
    expect(sitemap.map((e) => e.url)).toEqual([
      'https://livelens.example/',
      'https://livelens.example/top',
      'https://livelens.example/compare',
      'https://livelens.example/about',
      'https://livelens.example/@koji.plays',
    ]);
    expect(sitemap[4]).toMatchObject({
      lastModified: new Date('2026-12-01T00:00:00Z'),
      alternates: { languages: { en: 'https://livelens.example/@koji.plays', ru: 'https://livelens.example/ru/@koji.plays', 'zh-CN': 'https://livelens.example/zh-CN/@koji.plays', 'x-default': 'https://livelens.example/@koji.plays' } },
    });
    expect(sitemap[0]?.alternates?.languages).toMatchObject({ th: 'https://livelens.example/th' });
  });
});
