'use client';

import Link from 'next/link';
import { signOut, useSession } from 'next-auth/react';
import { useTranslations } from 'next-intl';

/** Signed in: dashboard, orders and sign out. Signed out: sign in and sign up. */
export function UserMenu() {
  const t = useTranslations('header');
  const { data, status } = useSession();
  if (status === 'loading') return <span className="h-8 w-20 animate-pulse rounded-md bg-panel" aria-hidden />;
  if (!data?.user) {
    return (
      <div className="flex items-center gap-1">
        <Link href="/signin" className="rounded-md px-3 py-2 text-muted hover:bg-panel hover:text-white">
          {t('signIn')}
        </Link>
        <Link href="/signup" className="rounded-md bg-accent-strong px-3 py-2 font-semibold text-white hover:opacity-90">
          {t('signUp')}
        </Link>
      </div>
    );
  }
  return (
    <div className="flex items-center gap-1">
      <Link href="/dashboard" className="rounded-md px-3 py-2 text-muted hover:bg-panel hover:text-white">
        {t('dashboard')}
      </Link>
      <Link href="/account/orders" className="hidden rounded-md px-3 py-2 text-muted hover:bg-panel hover:text-white sm:inline-block">
        {t('orders')}
      </Link>
      <Link href="/account/settings" className="hidden rounded-md px-3 py-2 text-muted hover:bg-panel hover:text-white sm:inline-block">
        {t('account')}
      </Link>
      <button type="button" onClick={() => void signOut({ callbackUrl: '/' })} className="rounded-md px-3 py-2 text-muted hover:bg-panel hover:text-white" title={data.user.email ?? undefined}>
        {t('signOut')}
      </button>
    </div>
  );
}
