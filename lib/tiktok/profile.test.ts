import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProfilePage, type ProfileParseResult, type TikTokProfile } from '@/lib/tiktok/profile';
import { containing, matching } from '@/tools/testing/match';

function readFixture(name: string): string {
  return fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
}

function profileOf(result: ProfileParseResult): TikTokProfile {
  if (result.kind !== 'ok') throw new Error(`expected an ok result, got ${JSON.stringify(result, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`);
  return result.profile;
}

/** A minimal page in the current format around the given user-detail object. */
function universalPage(userDetail: unknown, extraScope: Record<string, unknown> = {}): string {
  const json = JSON.stringify({ __DEFAULT_SCOPE__: { 'webapp.app-context': { language: 'en' }, ...extraScope, 'webapp.user-detail': userDetail } });
  return `<!DOCTYPE html><html><head><title>x</title></head><body><script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">${json}</script></body></html>`;
}

const minimalUser = { id: '7000000000000000001', uniqueId: 'some.one', nickname: 'Some One', secUid: 'MS4w-some', signature: '' };

describe('parseProfilePage with saved TikTok pages', () => {
  it('reads a mid-size creator, preferring the statsV2 strings', () => {
    const result = parseProfilePage(readFixture('normal-account.html'), 'luna.bakes');
    expect(profileOf(result)).toEqual({
      handle: 'luna.bakes',
      tiktokUserId: '6838201945312470021',
      secUid: 'MS4wLjABAAAAq7Zt0bXk3nH9pVw2sLr8cFd1yE4uJm6oGiTa5KhQeNxP_vB0cWzRjY9lSu2D',
      nickname: 'Luna Bakes 🍰',
      avatarUrl: matching(/^https:\/\/p16-sign-va\.tiktokcdn\.com\/tos-maliva-avt-0068\/3f1c8e0a7b2d4e6f9a1b5c7d8e0f2a4b~c5_1080x1080\.jpeg\?lk3s=a5d48078&nonce=/),
      bio: 'Home baker from Leeds 🇬🇧\nSourdough <3 & fancy cakes\nNew recipe every Sunday ⬇️',
      verified: false,
      privateAccount: false,
      region: 'GB',
      followers: BigInt(184203),
      following: BigInt(312),
      hearts: BigInt(4821907),
      videos: BigInt(287),
      diggs: BigInt(15422),
      friends: BigInt(96),
    });
  });

  it('keeps counts above 2^31 exact for a verified large account', () => {
    const profile = profileOf(parseProfilePage(readFixture('verified-large-account.html'), 'nova.quinn'));
    // The numeric `heart`/`heartCount` fields in this page hold the wrapped 32-bit value 520098112.
    expect(profile.hearts).toBe(BigInt('13405000000'));
    expect(profile.hearts > BigInt(2 ** 31)).toBe(true);
    expect(profile).toMatchObject({
      handle: 'nova.quinn',
      tiktokUserId: '6754901832271650822',
      nickname: 'Nova Quinn',
      verified: true,
      region: 'US',
      followers: BigInt(98412377),
      following: BigInt(41),
      videos: BigInt(3186),
      diggs: BigInt(0),
      friends: BigInt(27),
    });
  });

  it('reads a new account with no videos and no likes', () => {
    const profile = profileOf(parseProfilePage(readFixture('zero-videos.html'), 'pixelpip_'));
    expect(profile).toMatchObject({ handle: 'pixelpip_', nickname: 'pixelpip', bio: '', region: null, verified: false });
    expect([profile.followers, profile.following, profile.hearts, profile.videos, profile.diggs, profile.friends]).toEqual(
      [3, 27, 0, 0, 4, 1].map((n) => BigInt(n)),
    );
  });

  it('reports a missing user as not_found, ignoring the suggested accounts on the same page', () => {
    const html = readFixture('missing-user.html');
    // The page really does carry other accounts' names and counts.
    expect(html).toContain('Mo Cooks Fast');
    expect(html).toContain('"followerCount":2200451');
    expect(parseProfilePage(html, 'ghost.account.x')).toEqual({ kind: 'not_found' });
    expect(parseProfilePage(html, 'mo.cooks.fast')).toEqual({ kind: 'not_found' });
  });

  it('reports a captcha page as blocked', () => {
    const result = parseProfilePage(readFixture('captcha.html'), 'luna.bakes');
    expect(result).toEqual({ kind: 'blocked', reason: 'captcha or verification page' });
  });

  it('reads the older SIGI_STATE format, where counts are numbers and friendCount is absent', () => {
    const profile = profileOf(parseProfilePage(readFixture('old-sigi-state.html'), 'retro.reels'));
    expect(profile).toEqual({
      handle: 'retro.reels',
      tiktokUserId: '6710384459201948678',
      secUid: 'MS4wLjABAAAAr3tR0rE3lSqW9eE8rT7yU6iO5pA4sD3fG2hJ1kL0zX9cV8bN7mQ6wE5rT4yU',
      nickname: 'Retro Reels 📼',
      avatarUrl: containing('0e2c4a6b8d0f2e4c6a8b0d2f4e6c8a0b~c5_1080x1080.jpeg'),
      bio: 'VHS vibes only. Cutting 80s ads into 15 seconds.',
      verified: false,
      privateAccount: false,
      region: 'DE',
      followers: BigInt(40117),
      following: BigInt(88),
      hearts: BigInt(912406),
      videos: BigInt(164),
      diggs: BigInt(2301),
      friends: BigInt(0),
    });
  });

  it('reports a private account as private, with the public counts it still shows', () => {
    const result = parseProfilePage(readFixture('private-account.html'), 'quiet.corner');
    expect(result.kind).toBe('private');
    if (result.kind !== 'private') return;
    expect(result.profile).toMatchObject({
      handle: 'quiet.corner',
      nickname: 'quiet corner 🌙',
      privateAccount: true,
      followers: BigInt(1893),
      hearts: BigInt(22710),
      videos: BigInt(58),
    });
  });

  it('refuses to file one account under another handle', () => {
    expect(parseProfilePage(readFixture('normal-account.html'), 'nova.quinn')).toEqual({ kind: 'blocked', reason: 'page is for @luna.bakes, not @nova.quinn' });
    // In SIGI_STATE the users are keyed by handle, so a different handle is simply not there.
    expect(parseProfilePage(readFixture('old-sigi-state.html'), 'nova.quinn').kind).toBe('blocked');
  });
});

describe('parseProfilePage with unusual pages', () => {
  it('falls back to the numeric stats field by field when statsV2 is missing or partial', () => {
    const stats = { followerCount: 10, followingCount: 20, heart: 30, videoCount: 40, diggCount: 50, friendCount: 60 };
    const onlyStats = profileOf(parseProfilePage(universalPage({ statusCode: 0, userInfo: { user: minimalUser, stats } }), 'some.one'));
    expect([onlyStats.followers, onlyStats.following, onlyStats.hearts, onlyStats.videos, onlyStats.diggs, onlyStats.friends]).toEqual(
      [10, 20, 30, 40, 50, 60].map((n) => BigInt(n)),
    );
    const partialV2 = { followerCount: '9007199254740993', heartCount: 'n/a' };
    const mixed = profileOf(parseProfilePage(universalPage({ statusCode: 0, userInfo: { user: minimalUser, stats, statsV2: partialV2 } }), 'some.one'));
    expect(mixed.followers).toBe(BigInt('9007199254740993'));
    expect(mixed.hearts).toBe(BigInt(30));
    expect(mixed.avatarUrl).toBeNull();
    expect(mixed.region).toBeNull();
  });

  it('treats every non-zero statusCode as not_found', () => {
    for (const statusCode of [10221, 10202, 10222, 1, '10221']) {
      expect(parseProfilePage(universalPage({ statusCode, userInfo: {} }), 'some.one'), String(statusCode)).toEqual({ kind: 'not_found' });
    }
  });

  it('reports login walls, video pages and odd shapes as blocked with a reason', () => {
    const cases: [string, RegExp][] = [
      [universalPage({ statusCode: 0, userInfo: {} }), /empty userInfo/],
      [universalPage({ statusCode: 0 }), /empty userInfo/],
      [universalPage({ statusCode: 0, userInfo: { user: { ...minimalUser, id: undefined }, stats: {} } }), /no valid id/],
      [universalPage({ statusCode: 0, userInfo: { user: minimalUser, stats: { followerCount: -1 } } }), /no follower/],
      [`<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">{"__DEFAULT_SCOPE__":{"webapp.video-detail":{}}}</script>`, /no webapp\.user-detail/],
      [readFixture('normal-account.html').replace('"webapp.user-detail"', '"webapp.video-detail"'), /^unexpected page shape: no webapp\.user-detail$/],
      [`<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">[1,2,3]</script>`, /no __DEFAULT_SCOPE__/],
      [`<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">{"__DEFAULT_SCOPE__":{"webapp.user-det`, /cut off/],
      [`<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">{not json}</script>`, /not valid JSON/],
      [`<script id="SIGI_STATE" type="application/json">{"UserModule":{"users":{}}}</script>`, /empty UserModule/],
      ['<html><body><h1>Log in to TikTok</h1></body></html>', /no profile data/],
      ['', /empty page/],
    ];
    for (const [html, reason] of cases) {
      const result = parseProfilePage(html, 'some.one');
      expect(result.kind, html.slice(0, 80)).toBe('blocked');
      if (result.kind === 'blocked') expect(result.reason).toMatch(reason);
    }
  });

  it('reads SIGI_STATE not-found pages as not_found', () => {
    const html = `<script id="SIGI_STATE" type="application/json">{"UserModule":{"users":{},"stats":{}},"UserPage":{"uniqueId":"gone","statusCode":10202}}</script>`;
    expect(parseProfilePage(html, 'gone')).toEqual({ kind: 'not_found' });
  });

  it('only reads the script element, not other mentions of its id', () => {
    const decoy = `<script>var el=document.getElementById("__UNIVERSAL_DATA_FOR_REHYDRATION__");</script><!-- __UNIVERSAL_DATA_FOR_REHYDRATION__ -->`;
    const page = universalPage({ statusCode: 0, userInfo: { user: minimalUser, stats: { followerCount: 1, followingCount: 2, heartCount: 3, videoCount: 4 } } });
    const profile = profileOf(parseProfilePage(decoy + page.replace('<script id=', '<SCRIPT nonce="x" id=').replace('</script>', '</SCRIPT>'), 'some.one'));
    expect(profile.followers).toBe(BigInt(1));
    expect(profile.diggs).toBe(BigInt(0));
  });

  it('never throws on hostile input', () => {
    const hostile = [
      '__UNIVERSAL_DATA_FOR_REHYDRATION__'.repeat(50_000),
      '<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__">'.repeat(10_000),
      `<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__">${'['.repeat(100_000)}</script>`,
      `<script id="SIGI_STATE">{"UserModule":{"users":{"x":{"id":{"toString":1}}},"stats":null}}</script>`,
      `<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__">{"__DEFAULT_SCOPE__":{"webapp.user-detail":{"statusCode":0,"userInfo":{"user":{"id":"1","__proto__":{"privateAccount":true}},"stats":{"followerCount":1e400,"followingCount":"1","heartCount":"1","videoCount":"1"}}}}}</script>`,
      '\u0000'.repeat(1000),
      '<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__"',
    ];
    for (const html of hostile) {
      expect(() => parseProfilePage(html, 'x.y')).not.toThrow();
      expect(parseProfilePage(html, 'x.y').kind).toBe('blocked');
    }
  });
});
