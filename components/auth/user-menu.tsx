'use client';

import Link from 'next/link';
import { signOut, useSession } from 'next-auth/react';
import { useTranslations } from 'next-intl';

const STYLES = {
  // In the header bar, beside the other links.
  bar: { list: 'flex items-center gap-1', item: 'rounded-md px-3 py-2 text-muted hover:bg-panel hover:text-white', signUp: 'rounded-md px-3 py-2' },
  // In the phone menu (components/site/site-menu.tsx): one link a row, each a comfortable tap target.
  list: { list: 'flex flex-col', item: 'flex min-h-11 w-full items-center rounded-md px-3 text-left hover:bg-panel-2', signUp: 'mt-1 flex min-h-11 items-center justify-center rounded-md px-3' },
} as const;

/** Signed in: dashboard, orders, account and sign out. Signed out: sign in and sign up. */
export function UserMenu({ variant = 'bar' }: { variant?: keyof typeof STYLES }) {
  const t = useTranslations('header');
  const { data, status } = useSession();
  const style = STYLES[variant];
  if (status === 'loading') return <span className="h-8 w-20 animate-pulse rounded-md bg-panel" aria-hidden />;
  if (!data?.user) {
    return (
      <div className={style.list}>
        <Link href="/signin" className={style.item}>
          {t('signIn')}
        </Link>
        <Link href="/signup" className={`${style.signUp} bg-accent-strong font-semibold text-white hover:opacity-90`}>
          {t('signUp')}
        </Link>
      </div>
    );
  }
  return (
    <div className={style.list}>
      <Link href="/dashboard" className={style.item}>
        {t('dashboard')}
      </Link>
      <Link href="/account/orders" className={style.item}>
        {t('orders')}
      </Link>
      <Link href="/account/settings" className={style.item}>
        {t('account')}
      </Link>
      <button type="button" onClick={() => void signOut({ callbackUrl: '/' })} className={style.item} title={data.user.email ?? undefined}>
        {t('signOut')}
      </button>
    </div>
  );
}
