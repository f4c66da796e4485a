'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';

export function DashboardNav() {
  const pathname = usePathname();
  const t = useTranslations('dashboard');
  const items = [
    { href: '/dashboard', label: t('nav.accounts'), exact: true },
    { href: '/dashboard/clusters', label: t('nav.clusters') },
    { href: '/dashboard/overlays', label: t('nav.overlays') },
    { href: '/dashboard/games', label: t('nav.games') },
    { href: '/dashboard/notifications', label: t('nav.notifications') },
  ];
  // Wraps rather than scrolls sideways: at 390 px a scrolled row cut "Q&A games" with no sign of more.
  return (
    <nav aria-label={t('nav.label')} className="-mx-1 flex flex-wrap gap-1 border-b border-line pb-2 text-sm print:hidden">
      {items.map((item) => {
        const active = item.exact ? pathname === item.href : pathname.startsWith(item.href);
        return (
          <Link key={item.href} href={item.href} aria-current={active ? 'page' : undefined} className={`whitespace-nowrap rounded-md px-3 py-1.5 font-semibold ${active ? 'bg-panel-2 text-white' : 'text-muted hover:text-white'}`}>
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
