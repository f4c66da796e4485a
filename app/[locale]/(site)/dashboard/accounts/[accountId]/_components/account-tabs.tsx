'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { Breadcrumb } from '@/components/ui/breadcrumb';
import { ChannelLabel } from '@/components/ui/channel-label';
import { readerPath } from '@/lib/i18n/locales';
import { channelName, channelPublicPath, type ChannelNaming } from '@/lib/platforms/naming';

/** The sections of one managed account in the dashboard, and a link to its public page. */
export function AccountTabs({ accountId, channel }: { accountId: string; channel: ChannelNaming }) {
  const pathname = usePathname();
  const t = useTranslations('dashboard');
  const locale = useLocale();
  const name = channelName(channel);
  const base = `/dashboard/accounts/${accountId}`;
  const tabs = [
    { href: base, label: t('account.liveNow'), exact: true },
    { href: `${base}/lives`, label: t('account.lives') },
    { href: `${base}/gifters`, label: t('account.gifters') },
    { href: `${base}/status`, label: t('account.monitoring') },
  ];
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
        <Breadcrumb href="/dashboard" parent={t('nav.accounts')} current={<ChannelLabel channel={channel} className="align-bottom" />} />
        {/* Public pages are rendered once per language: the link carries the reader's. */}
        <Link href={readerPath(locale, channelPublicPath(channel))} className="text-sm text-muted underline hover:text-white">
          {t('channel.publicPage')}
        </Link>
      </div>
      <nav aria-label={name} className="flex gap-1 overflow-x-auto text-sm">
        {tabs.map((tab) => {
          const active = tab.exact ? pathname === tab.href : pathname.startsWith(tab.href);
          return (
            <Link key={tab.href} href={tab.href} aria-current={active ? 'page' : undefined} className={`whitespace-nowrap rounded-md border px-3 py-1.5 ${active ? 'border-accent bg-accent/10 text-white' : 'border-line text-muted hover:text-white'}`}>
              {tab.label}
            </Link>
          );
        })}
      </nav>
    </div>
  );
}
