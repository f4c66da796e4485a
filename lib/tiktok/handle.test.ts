import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HANDLE_ERRORS, handleSchema, parseHandle } from '@/lib/tiktok/handle';
import { containing } from '@/tools/testing/match';

function handleOf(input: string): string {
  const result = parseHandle(input);
  if (!result.ok) throw new Error(`expected "${input}" to be accepted, got: ${result.error}`);
  return result.handle;
}

function errorOf(input: string): string {
  const result = parseHandle(input);
  if (result.ok) throw new Error(`expected "${input}" to be rejected, got handle ${result.handle}`);
  return result.error;
}

describe('parseHandle', () => {
  it('accepts a bare handle, an @handle, mixed case and surrounding spaces', () => {
    expect(handleOf('luna.bakes')).toBe('luna.bakes');
    expect(handleOf('@luna.bakes')).toBe('luna.bakes');
    expect(handleOf('  @Luna.Bakes \n')).toBe('luna.bakes');
    expect(handleOf('PIXELPIP_')).toBe('pixelpip_');
    expect(handleOf('_a')).toBe('_a');
    expect(handleOf('.dot.start')).toBe('.dot.start');
    expect(handleOf('a'.repeat(24))).toBe('a'.repeat(24));
  });

  it('reads the handle out of profile links in every common shape', () => {
    const links = [
      'https://www.tiktok.com/@nova.quinn',
      'https://tiktok.com/@nova.quinn',
      'http://www.tiktok.com/@nova.quinn',
      'https://m.tiktok.com/@nova.quinn',
      'https://www.tiktok.com/@Nova.Quinn/',
      'https://www.tiktok.com/@nova.quinn?lang=en&is_from_webapp=1&sender_device=pc',
      'https://www.tiktok.com/@nova.quinn/video/7312456789012345678?is_from_webapp=1',
      'https://www.tiktok.com/@nova.quinn/live',
      'https://www.tiktok.com/@nova.quinn#comments',
      'HTTPS://WWW.TIKTOK.COM/@NOVA.QUINN',
      'www.tiktok.com/@nova.quinn',
      'tiktok.com/@nova.quinn/',
      '  https://www.tiktok.com/@nova.quinn  ',
    ];
    for (const link of links) expect(handleOf(link), link).toBe('nova.quinn');
  });

  it('rejects empty input', () => {
    for (const input of ['', '   ', '\n\t', '@', ' @ ']) expect(errorOf(input)).toBe(HANDLE_ERRORS.empty);
    expect(HANDLE_ERRORS.empty).toBe('Enter a TikTok username or profile link.');
  });

  it('rejects handles that are too short or too long', () => {
    expect(errorOf('a')).toBe('A TikTok username has at least 2 characters.');
    expect(errorOf('@a')).toBe('A TikTok username has at least 2 characters.');
    expect(errorOf('https://www.tiktok.com/@a')).toBe('A TikTok username has at least 2 characters.');
    expect(errorOf('a'.repeat(25))).toBe('A TikTok username has at most 24 characters.');
  });

  it('names the first character that is not allowed', () => {
    expect(errorOf('luna bakes')).toBe('A TikTok username can only contain letters, numbers, underscores and dots, not spaces.');
    expect(errorOf('luna-bakes!')).toBe('A TikTok username can only contain letters, numbers, underscores and dots, not "-".');
    expect(errorOf('josé')).toContain('not "é"');
    expect(errorOf('https://www.tiktok.com/@josé')).toContain('not "é"');
    expect(errorOf('@@luna')).toContain('not "@" inside the name');
    expect(errorOf('luna/bakes')).toContain('not "/"');
    expect(errorOf('😀smile')).toContain('not "😀"');
    expect(errorOf('luna\u200bbakes')).toContain('not the invisible character U+200B');
    expect(errorOf('luna\u0000')).toContain('not the invisible character U+0000');
    // The Kelvin sign lower-cases to "k"; it must not sneak through as a plain letter.
    expect(errorOf('\u212Aelvin')).toContain('not "\u212A"');
  });

  it('rejects a trailing dot', () => {
    expect(errorOf('luna.')).toBe("A TikTok username cannot end with a dot.");
    expect(errorOf('..')).toBe("A TikTok username cannot end with a dot.");
  });

  it('tells links that are not TikTok profiles apart from bad handles', () => {
    expect(errorOf('https://www.instagram.com/luna.bakes')).toBe(HANDLE_ERRORS.notTikTokLink);
    expect(errorOf('https://tiktok.com.evil.example/@luna')).toBe(HANDLE_ERRORS.notTikTokLink);
    expect(errorOf('ftp://tiktok.com/@luna')).toBe(HANDLE_ERRORS.notTikTokLink);
    expect(errorOf('https://')).toBe(HANDLE_ERRORS.notTikTokLink);
    expect(errorOf('https://www.tiktok.com/')).toBe(HANDLE_ERRORS.notProfileLink);
    expect(errorOf('tiktok.com')).toBe(HANDLE_ERRORS.notProfileLink);
    expect(errorOf('https://vm.tiktok.com/ZMh3kP9xQ/')).toBe(HANDLE_ERRORS.notProfileLink);
    expect(errorOf('https://www.tiktok.com/tag/baking')).toBe(HANDLE_ERRORS.notProfileLink);
    expect(errorOf('https://www.tiktok.com/@')).toBe(HANDLE_ERRORS.notProfileLink);
    expect(HANDLE_ERRORS.notProfileLink).toContain('https://www.tiktok.com/@username');
  });

  it('never throws and never accepts hostile input', () => {
    const hostile = [
      'a'.repeat(1_000_000),
      `https://www.tiktok.com/@${'a'.repeat(100_000)}`,
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>',
      "'; DROP TABLE tiktok_accounts; --",
      '\u0000\u0000\u0000',
      'ab\u0000cd',
      '\ud800',
      '\udfff\ud800',
      'Ａｂｃ',
      '🙂'.repeat(10_000),
      'javascript:alert(1)',
      'https://[::1',
      'https://www.tiktok.com/@%E0%A4%A',
      '../../etc/passwd',
      '@../admin',
      '%2e%2e',
    ];
    for (const input of hostile) {
      const result = parseHandle(input);
      expect(result.ok, input.slice(0, 40)).toBe(false);
      if (!result.ok) expect(result.error.length).toBeLessThan(200);
    }
    expect(errorOf('a'.repeat(1_000_000))).toBe(HANDLE_ERRORS.inputTooLong);
    expect(errorOf('<b>x</b>')).toContain('not "<"');
  });
});

describe('handleSchema', () => {
  it('outputs the normalised handle', () => {
    expect(handleSchema.parse('  @Luna.Bakes ')).toBe('luna.bakes');
    expect(handleSchema.parse('https://m.tiktok.com/@nova.quinn/video/1?x=1')).toBe('nova.quinn');
  });

  it('fails with the same messages as parseHandle', () => {
    for (const input of ['', 'a', 'a'.repeat(25), 'luna bakes', 'luna.', 'https://example.com/@x']) {
      const result = handleSchema.safeParse(input);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message)).toEqual([errorOf(input)]);
    }
  });

  it('rejects values that are not strings with the empty-input message', () => {
    for (const input of [undefined, null, 42, {}, ['luna']]) {
      const result = handleSchema.safeParse(input);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(HANDLE_ERRORS.empty);
    }
  });

  it('works inside an object schema, as route handlers use it', () => {
    const body = z.object({ handle: handleSchema });
    expect(body.parse({ handle: '@Nova.Quinn' })).toEqual({ handle: 'nova.quinn' });
    const failed = body.safeParse({ handle: 'nova quinn' });
    expect(failed.error?.issues[0]).toMatchObject({ path: ['handle'], message: containing('not spaces') });
  });
});
