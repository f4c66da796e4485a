// PUT /api/account/locale {locale} — the language the caller's messages (e-mails) are written in; the
// language switcher sends it when a signed-in user chooses a language.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { LOCALES } from '@/lib/i18n/locales';

export const dynamic = 'force-dynamic';

const body = z.object({ locale: z.enum(LOCALES) });

export const PUT = route({ access: 'user', body, maxBodyBytes: 256 }, async ({ user, body }) => {
  await db.user.update({ where: { id: user.id }, data: { locale: body.locale } });
  return { locale: body.locale };
});
