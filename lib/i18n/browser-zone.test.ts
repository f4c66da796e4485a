// A user who never chose a zone gets messages in the zone of the browser they last used, not UTC.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { rememberBrowserZone } from '@/lib/i18n/browser-zone';
import { mailReader, READER_FIELDS } from '@/lib/mail/translate';
import { createTestUser } from '@/tools/testing/factories';

async function readerOf(userId: string) {
  return mailReader(await db.user.findUnique({ where: { id: userId }, select: READER_FIELDS }));
}

describe('the browser zone of a signed-in user', () => {
  it('is stored when a page sees a new one, and only then', async () => {
    const user = await createTestUser(db);
    expect(await rememberBrowserZone(db, user.id, null, 'Asia/Bangkok')).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).browserTimeZone).toBe('Asia/Bangkok');
    // The same zone again, no cookie, or a cookie that is not a zone: no write.
    expect(await rememberBrowserZone(db, user.id, 'Asia/Bangkok', 'Asia/Bangkok')).toBe(false);
    expect(await rememberBrowserZone(db, user.id, 'Asia/Bangkok', undefined)).toBe(false);
    expect(await rememberBrowserZone(db, user.id, 'Asia/Bangkok', 'Mars/Olympus_Mons')).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).browserTimeZone).toBe('Asia/Bangkok');
  });

  it('writes mail in it when no zone was chosen; a chosen zone wins; UTC without either', async () => {
    const user = await createTestUser(db);
    expect((await readerOf(user.id)).display.zoneLabel).toBe('UTC');
    await rememberBrowserZone(db, user.id, null, 'Asia/Bangkok');
    const away = await readerOf(user.id);
    expect(away.display.timeZone).toBe('Asia/Bangkok');
    // 23:30 UTC is the next morning in Bangkok.
    expect(away.display.date('2026-03-14T23:30:00Z', 'dateTime')).toMatch(/Mar 15, 2026.*6:30/);
    await db.user.update({ where: { id: user.id }, data: { timeZone: 'Europe/Moscow' } });
    expect((await readerOf(user.id)).display.timeZone).toBe('Europe/Moscow');
  });
});
