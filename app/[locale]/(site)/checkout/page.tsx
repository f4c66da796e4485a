import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { Avatar } from '@/components/ui/avatar';
import { Card, Notice } from '@/components/ui/card';
import { auth } from '@/lib/auth/session';
import { getEnv, stripeEnabled } from '@/lib/env';
import { formatCompact } from '@/lib/stats/format';
import { clientIp } from '@/lib/rate-limit';
import { lookupAccount } from '@/lib/stats/lookup';
import { CheckoutClient } from './_components/checkout-client';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Buy a growth report' };

const WHAT_YOU_GET = [
  'A snapshot of the account’s numbers at the time of purchase',
  'How it compares with stored accounts in the same follower band',
  'A written, number-backed guide: reach, engagement, posting cadence, LIVE schedule and gifting',
  'A private page you can share with a revocable link, print, or download as PDF',
];

export default async function CheckoutPage({ searchParams }: { searchParams: Promise<{ handle?: string }> }) {
  const { handle: input = '' } = await searchParams;
  const env = getEnv();
  const price = new Intl.NumberFormat('en-US', { style: 'currency', currency: env.REPORT_CURRENCY.toUpperCase() }).format(env.REPORT_PRICE_CENTS / 100);
  const [user, outcome] = await Promise.all([auth(), input ? lookupAccount(input, { ip: clientIp(await headers()) }) : null]);
  if (!outcome || outcome.kind !== 'ok') {
    const message = !outcome ? 'Choose the account the report is about: open its page and press “Buy growth report”.' : outcome.kind === 'invalid' ? outcome.error : outcome.kind === 'not_found' ? `TikTok has no account @${outcome.handle}.` : 'We could not load this account right now; try again in a moment.';
    return (
      <div className="mx-auto max-w-lg py-8">
        <Card title="Buy a growth report">
          <p className="text-muted">{message}</p>
          <Link href="/" className="mt-3 inline-block text-accent-2 hover:underline">
            Look up an account
          </Link>
        </Card>
      </div>
    );
  }
  const { view } = outcome;
  const testMode = !stripeEnabled(env);
  return (
    <div className="mx-auto grid max-w-4xl gap-4 py-4 md:grid-cols-2">
      <Card title="Growth report">
        <div className="flex items-center gap-3">
          <Avatar src={view.avatarUrl} name={view.nickname ?? view.handle} size={48} />
          <div>
            <p className="font-semibold">{view.nickname ?? `@${view.handle}`}</p>
            <p className="text-sm text-muted">
              @{view.handle}
              {view.stats && ` · ${formatCompact(view.stats.followers)} followers`}
            </p>
          </div>
        </div>
        <ul className="mt-4 flex list-disc flex-col gap-1.5 pl-5 text-sm text-muted">
          {WHAT_YOU_GET.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <p className="mt-4 text-2xl font-bold">{price}</p>
        <p className="text-xs text-muted">One-time payment. Uses public statistics only; nothing private is needed.</p>
      </Card>
      <Card title={user ? 'Pay' : 'Your LiveLens account'}>
        {testMode && <Notice tone="warn">Test mode: Stripe is not configured on this server, so checkout completes without a real payment.</Notice>}
        <div className="mt-3">
          <CheckoutClient handle={view.handle} signedIn={Boolean(user)} email={user?.email ?? null} price={price} testMode={testMode} />
        </div>
      </Card>
    </div>
  );
}
