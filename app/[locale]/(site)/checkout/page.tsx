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
import { CheckoutClient, HandleProblem } from './_components/checkout-client';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('checkout');
  return { title: t('buyTitle') };
}

export default async function CheckoutPage({ searchParams }: { searchParams: Promise<{ handle?: string }> }) {
  const { handle: input = '' } = await searchParams;
  const [t, locale] = await Promise.all([getTranslations('checkout'), getLocale()]);
  const env = getEnv();
  // The price in the currency Stripe charges (never converted: the reader pays exactly this).
  const price = formatCharged(env.REPORT_PRICE_CENTS, env.REPORT_CURRENCY, locale);
  const [user, outcome] = await Promise.all([auth(), input ? lookupAccount(input, { ip: clientIp(await headers()) }) : null]);
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
    return (
      <div className="mx-auto max-w-lg py-8">
        <Card headingLevel={1} title={t('buyTitle')}>
          <p className="text-muted">{message}</p>
          <Link href="/" className="mt-3 inline-block text-accent-2 hover:underline">
            {t('lookUp')}
          </Link>
        </Card>
      </div>
    );
  }
  const { view } = outcome;
  const testMode = !stripeEnabled(env);
  return (
    <div className="mx-auto grid max-w-4xl gap-4 py-4 md:grid-cols-2">
      <Card headingLevel={1} title={t('reportTitle')}>
        <div className="flex items-center gap-3">
          <Avatar src={view.avatarUrl} name={view.nickname ?? view.handle} size={48} />
          <div>
            <p className="font-semibold">{view.nickname ?? `@${view.handle}`}</p>
            <p className="text-sm text-muted">
              @{view.handle}
              {view.stats && ` · ${t('followers', { count: formatCompact(view.stats.followers, locale) })}`}
            </p>
          </div>
        </div>
        <ul className="mt-4 flex list-disc flex-col gap-1.5 pl-5 text-sm text-muted">
          <li>{t('whatSnapshot')}</li>
          <li>{t('whatCompare')}</li>
          <li>{t('whatGuide')}</li>
          <li>{t('whatPrivate')}</li>
        </ul>
        <p className="mt-4 text-2xl font-bold">{price}</p>
        <p className="text-xs text-muted">{t('oneTime')}</p>
      </Card>
      <Card title={user ? t('pay') : t('yourAccount')}>
        {testMode && <Notice tone="warn">{t('testModeNotice')}</Notice>}
        <div className="mt-3">
          <CheckoutClient handle={view.handle} signedIn={Boolean(user)} email={user?.email ?? null} price={price} testMode={testMode} />
        </div>
      </Card>
    </div>
  );
}
