// The answer to an address that cannot be decoded: refused before any code reads it, in the reader's language.
import { describe, expect, it } from 'vitest';
import { BAD_ADDRESS, badAddress, badAddressResponse } from '@/lib/security/address';

describe('badAddress', () => {
  it('refuses malformed escapes and NUL characters, and nothing else', () => {
    expect(badAddress('/@koji%zz')).toBe(true);
    expect(badAddress('/api/x?q=%E0%A4%A')).toBe(true);
    expect(badAddress('/@koji%00')).toBe(true);
    expect(badAddress('/@%D0%BB%D0%B8%D0%B7%D0%B0?q=100%25')).toBe(false);
  });
});

describe('badAddressResponse', () => {
  it('answers the API in JSON, in the caller language', async () => {
    const response = badAddressResponse(true, 'ru');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.message).toMatch(/^Этот адрес недействителен/);
  });

  it('answers a browser with a page in its language, not JSON', async () => {
    const response = badAddressResponse(false, 'th');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<html lang="th"');
    expect(html).toContain('ที่อยู่นี้ใช้ไม่ได้');
    expect(html).not.toContain(BAD_ADDRESS);
  });

  it('keeps English for English readers', async () => {
    expect(await badAddressResponse(false, 'en').text()).toContain(BAD_ADDRESS);
  });
});
