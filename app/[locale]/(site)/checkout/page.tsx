import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { getLocale, getTranslations } from 'next-intl/server';
import { Avatar } from '@/components/ui/avatar';
import { Card, Notice } from '@/components/ui/card';
import { auth } from '@/lib/auth/session';
import { getEnv, stripeEnabled } from '@/lib/env';
import { formatCharged } from '@/lib/payments/receipt';
import { formatCompact } from '@/lib/stats/format';
import { clientIp } from '@/lib/rate-limit';
import { lookupAccount } from '@/lib/stats/lookup';
import { parseHandle } from '@/lib/tiktok/handle';
import { db } from '@/lib/db';
import { translateError } from '@/lib/i18n/errors';
import { isLocale } from '@/lib/i18n/locales';
import { bilibiliUidSchema } from '@/lib/platforms/channel-page';
import { bilibiliChannelPage } from '@/lib/platforms/bilibili/room-lookup';
import { CheckoutClient, HandleProblem, type CheckoutTarget } from './_components/checkout-client';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('checkout');
  return { title: t('buyTitle') };
}

type Search = { handle?: string; platform?: string; uid?: string };

function Unavailable({ title, message, linkText }: { title: string; message: React.ReactNode; linkText: string }) {
  return (
    <div className="mx-auto max-w-lg py-8">
      <Card headingLevel={1} title={title}>
        <p className="text-muted">{message}</p>
        <Link href="/" className="mt-3 inline-block text-accent-2 hover:underline">
          {linkText}
        </Link>
      </Card>
    </div>
  );
}

type Subject = { target: CheckoutTarget; avatarUrl: string | null; name: string; line: string; points: string[] };

export default async function CheckoutPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  if (search.platform === 'bilibili') return <BilibiliCheckout uid={search.uid ?? ''} />;
  const input = search.handle ?? '';
  const [t, locale] = await Promise.all([getTranslations('checkout'), getLocale()]);
  const outcome = input ? await lookupAccount(input, { ip: clientIp(await headers()) }) : null;
  if (!outcome || outcome.kind !== 'ok') {
    const parsed = outcome?.kind === 'invalid' ? parseHandle(input) : null;
    const message = !outcome ? (
      t('chooseAccount')
    ) : outcome.kind === 'invalid' ? (
      parsed && !parsed.ok ? <HandleProblem failure={parsed} /> : outcome.error
    ) : outcome.kind === 'not_found' ? (
      t('noAccount', { handle: outcome.handle })
    ) : (
      t('unavailable')
    );
    return <Unavailable title={t('buyTitle')} message={message} linkText={t('lookUp')} />;
  }
  const { view } = outcome;
  const subject: Subject = {
    target: { handle: view.handle },
    avatarUrl: view.avatarUrl,
    name: view.nickname ?? `@${view.handle}`,
    line: `@${view.handle}${view.stats ? ` · ${t('followers', { count: formatCompact(view.stats.followers, locale) })}` : ''}`,
    points: [t('whatSnapshot'), t('whatCompare'), t('whatGuide'), t('whatPrivate')],
  };
  return <Checkout subject={subject} />;
}

/** A report on a Bilibili streamer (issue 20): the channel as LiveLens stores it, its room facts refreshed when stale. */
async function BilibiliCheckout({ uid }: { uid: string }) {
  const [t, tr, locale] = await Promise.all([getTranslations('checkout'), getTranslations('reports'), getLocale()]);
  const parsed = bilibiliUidSchema.safeParse(uid);
  const outcome = parsed.success ? await bilibiliChannelPage(db, parsed.data, clientIp(await headers())) : ({ kind: 'not_found' } as const);
  if (outcome.kind !== 'page' || outcome.page.room?.followers == null) {
    const message = outcome.kind === 'error' ? translateError(outcome.message, isLocale(locale) ? locale : 'en') : outcome.kind === 'not_found' ? t('bilibili.noChannel', { uid }) : t('unavailable');
    return <Unavailable title={t('buyTitle')} message={message} linkText={t('lookUp')} />;
  }
  const { page } = outcome;
  const followers = page.room?.followers ?? 0n;
  const subject: Subject = {
    target: { platform: 'bilibili', uid: page.handle },
    avatarUrl: page.avatarUrl,
    name: page.nickname ?? tr('bilibili.uid', { uid: page.handle }),
    line: [tr('bilibili.platform'), tr('bilibili.uid', { uid: page.handle }), t('followers', { count: formatCompact(Number(followers), locale) })].join(' · '),
    points: [t('bilibili.whatSnapshot'), t('bilibili.whatCompare'), t('bilibili.whatGuide'), t('whatPrivate')],
  };
  return <Checkout subject={subject} />;
}

async function Checkout({ subject }: { subject: Subject }) {
  const [t, locale, user] = await Promise.all([getTranslations('checkout'), getLocale(), auth()]);
  const env = getEnv();
  // The price in the currency Stripe charges (never converted: the reader pays exactly this).
  const price = formatCharged(env.REPORT_PRICE_CENTS, env.REPORT_CURRENCY, locale);
  const testMode = !stripeEnabled(env);
  return (
    <div className="mx-auto grid max-w-4xl gap-4 py-4 md:grid-cols-2">
      <Card headingLevel={1} title={t('reportTitle')}>
        <div className="flex items-center gap-3">
          <Avatar src={subject.avatarUrl} name={subject.name} size={48} />
          <div className="min-w-0">
            <p className="font-semibold wrap-anywhere">{subject.name}</p>
            <p className="text-sm text-muted">{subject.line}</p>
          </div>
        </div>
        <ul className="mt-4 flex list-disc flex-col gap-1.5 pl-5 text-sm text-muted">
          {subject.points.map((point) => (
            <li key={point}>{point}</li>
          ))}
        </ul>
        <p className="mt-4 text-2xl font-bold">{price}</p>
        <p className="text-xs text-muted">{t('oneTime')}</p>
      </Card>
      <Card title={user ? t('pay') : t('yourAccount')}>
        {testMode && <Notice tone="warn">{t('testModeNotice')}</Notice>}
        <div className="mt-3">
          <CheckoutClient target={subject.target} signedIn={Boolean(user)} email={user?.email ?? null} price={price} testMode={testMode} />
        </div>
      </Card>
    </div>
  );
}
