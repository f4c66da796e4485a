import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { isLocale } from '@/lib/i18n/locales';
import { CARD_SIZE, printable, renderProfileCard } from '@/lib/og/profile-card';
import { channelHandle } from '@/lib/platforms/channel';
import { bilibiliUidSchema } from '@/lib/platforms/channel-page';
import { formatCompact } from '@/lib/stats/format';

export const size = CARD_SIZE;
export const contentType = 'image/png';
export const alt = 'Bilibili live statistics on LiveLens';

// The sharing card of a Bilibili channel, as TikTok's profiles have one: from what is stored (never a call
// to Bilibili's API), in the page's language: followers, the lives LiveLens recorded and their gold.
export default async function BilibiliChannelImage({ params }: { params: Promise<{ uid: string; locale: string }> }) {
  const { uid, locale: asked } = await params;
  const locale = isLocale(asked) ? asked : 'en';
  const [t, meta] = await Promise.all([getTranslations({ locale, namespace: 'profile.bilibili' }), getTranslations({ locale, namespace: 'meta' })]);
  const parsed = bilibiliUidSchema.safeParse(uid);
  const channel = parsed.success
    ? await db.channel.findUnique({ where: channelHandle('bilibili', parsed.data), select: { id: true, nickname: true, followers: true } })
    : null;
  const lives = channel ? await db.live.aggregate({ where: { accountId: channel.id }, _count: true, _sum: { diamonds: true } }) : null;
  const stats: [string, string][] = [];
  if (channel?.followers != null) stats.push([t('followers'), formatCompact(channel.followers, locale)]);
  if (lives && lives._count > 0) stats.push([t('lives'), formatCompact(lives._count, locale)], [t('value'), formatCompact(lives._sum.diamonds ?? 0n, locale)]);
  return renderProfileCard({
    name: printable(channel?.nickname ?? '').slice(0, 60) || (parsed.success ? parsed.data : meta('title')),
    subtitle: parsed.success ? `${t('platform')} · ${t('uid')} ${parsed.data}` : null,
    stats,
  });
}
