'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Breadcrumb } from '@/components/ui/breadcrumb';

/** The sections of one managed account in the dashboard. */
export function AccountTabs({ accountId, handle }: { accountId: string; handle: string }) {
  const pathname = usePathname();
  const t = useTranslations('dashboard');
  const base = `/dashboard/accounts/${accountId}`;
  const tabs = [
    { href: base, label: t('account.liveNow'), exact: true },
    { href: `${base}/lives`, label: t('account.lives') },
    { href: `${base}/gifters`, label: t('account.gifters') },
    { href: `${base}/status`, label: t('account.monitoring') },
  ];
  return (
    <div className="flex flex-col gap-2">
      <Breadcrumb href="/dashboard" parent={t('nav.accounts')} current={`@${handle}`} />
      <nav aria-label={`@${handle}`} className="flex gap-1 overflow-x-auto text-sm">
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
