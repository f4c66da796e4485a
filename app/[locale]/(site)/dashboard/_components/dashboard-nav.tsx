'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const ITEMS = [
  { href: '/dashboard', label: 'Accounts', exact: true },
  { href: '/dashboard/clusters', label: 'Clusters' },
  { href: '/dashboard/overlays', label: 'Overlays' },
  { href: '/dashboard/games', label: 'Q&A game' },
  { href: '/dashboard/notifications', label: 'Notifications' },
];

export function DashboardNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Dashboard" className="-mx-1 flex gap-1 overflow-x-auto border-b border-line pb-2 text-sm">
      {ITEMS.map((item) => {
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
