import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { tiktokHandle } from '@/lib/platforms/channel';
import { isLocale } from '@/lib/i18n/locales';
import { CARD_SIZE, printable, renderProfileCard } from '@/lib/og/profile-card';
import { formatCompact } from '@/lib/stats/format';
import { parseHandle } from '@/lib/tiktok/handle';

export const size = CARD_SIZE;
export const contentType = 'image/png';
export const alt = 'TikTok statistics on LiveLens';

// The sharing card of a profile, from what is stored (never a fetch from TikTok), in the page's language.
export default async function ProfileImage({ params }: { params: Promise<{ username: string; locale: string }> }) {
  const { username, locale: asked } = await params;
  const locale = isLocale(asked) ? asked : 'en';
  const [t, meta] = await Promise.all([getTranslations({ locale, namespace: 'profile' }), getTranslations({ locale, namespace: 'meta' })]);
  const parsed = parseHandle(decodeURIComponent(username));
  const account = parsed.ok
    ? await db.channel.findUnique({ where: tiktokHandle(parsed.handle), include: { snapshots: { orderBy: { fetchedAt: 'desc' }, take: 1 } } })
    : null;
  const snapshot = account?.snapshots[0];
  return renderProfileCard({
    name: printable(account?.nickname ?? '').slice(0, 60) || (parsed.ok ? `@${parsed.handle}` : meta('title')),
    subtitle: parsed.ok ? `@${parsed.handle}` : null,
    stats: snapshot
      ? [
          [t('followers'), formatCompact(snapshot.followers, locale)],
          [t('likes'), formatCompact(snapshot.hearts, locale)],
          [t('videos'), formatCompact(snapshot.videos, locale)],
        ]
      : [],
  });
}
