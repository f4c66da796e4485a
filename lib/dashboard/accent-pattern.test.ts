// Chat search ignores accents: "mexico" finds "México" (issue 19), in Postgres and in the highlighting.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { accentInsensitivePattern } from '@/lib/dashboard/accent-pattern';
import { searchChats } from '@/lib/dashboard/live-chats';
import { createTestAccount, uniqueSuffix } from '@/tools/testing/factories';

const matches = (term: string, text: string) => new RegExp(accentInsensitivePattern(term), 'iu').test(text);

describe('accentInsensitivePattern', () => {
  it('matches accented and plain Latin letters both ways, in any case', () => {
    for (const term of ['mexico', 'méxico', 'MEXICO', 'MÉXICO']) {
      expect(matches(term, 'saludos desde México')).toBe(true);
      expect(matches(term, 'MEXICO lindo')).toBe(true);
    }
    expect(matches('nandu', 'Ñandú')).toBe(true);
    expect(matches('zurich', 'Grüße aus Zürich')).toBe(true);
    expect(matches('tieng viet', 'Tiếng Việt')).toBe(true);
    expect(matches('lodz', 'Łódź')).toBe(true);
    expect(matches('елка', 'Ёлка')).toBe(true);
    expect(matches('mexico', 'newmexicocity')).toBe(true);
    expect(matches('mexico', 'mexocio')).toBe(false);
  });

  it('matches everything else literally', () => {
    expect(matches('a.b', 'axb')).toBe(false);
    expect(matches('a.b', 'a.b')).toBe(true);
    expect(matches('(ch) 100%', 'Zürich (CH) 100%')).toBe(true);
    expect(matches('[x]*', 'x')).toBe(false);
    expect(matches('\\d', '1')).toBe(false);
    // Thai marks are part of the letter: no folding, an exact match only.
    expect(matches('กรุงเทพ', 'สวัสดีจากกรุงเทพ')).toBe(true);
    expect(matches('กรงเทพ', 'สวัสดีจากกรุงเทพ')).toBe(false);
  });
});

describe('searchChats ignores accents', () => {
  it('finds "México" from "mexico" and "méxico", and a nickname without its accents', async () => {
    const account = await createTestAccount(db);
    const live = await db.live.create({ data: { accountId: account.id, roomId: `acc${uniqueSuffix()}`, startedAt: new Date('2031-04-01T20:00:00Z') } });
    const jose = await db.viewer.create({ data: { tiktokUserId: `73${Date.now()}${uniqueSuffix()}`, handle: `jose.${uniqueSuffix()}`, nickname: 'José Ángel' } });
    const texts = ['saludos desde México', 'MEXICO lindo', 'hola', 'axb', 'Ёлка', 'สวัสดีจากกรุงเทพ'];
    const ids: string[] = [];
    for (const [i, content] of texts.entries()) {
      const chat = await db.chat.create({ data: { liveId: live.id, accountId: account.id, viewerId: jose.id, msgId: uniqueSuffix(), content, createdAt: new Date(Date.parse('2031-04-01T20:00:00Z') + i * 1000) } });
      ids.push(chat.id.toString());
    }
    const found = async (q: string) => (await searchChats(db, live.id, { q })).items.map((c) => c.content);
    expect(await found('mexico')).toEqual(['MEXICO lindo', 'saludos desde México']);
    expect(await found('méxico')).toEqual(['MEXICO lindo', 'saludos desde México']);
    expect(await found('elka')).toEqual([]);
    expect(await found('ёлка')).toEqual(['Ёлка']);
    expect(await found('กรุงเทพ')).toEqual(['สวัสดีจากกรุงเทพ']);
    expect(await found('a.b')).toEqual([]);
    expect((await searchChats(db, live.id, { q: 'jose angel' })).total).toBe(texts.length);
    expect(ids).toHaveLength(texts.length);
  });
});
