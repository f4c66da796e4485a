'use client';

import Link from 'next/link';
import { signOut, useSession } from 'next-auth/react';

/** Signed in: dashboard, orders and sign out. Signed out: sign in and sign up. */
export function UserMenu() {
  const { data, status } = useSession();
  if (status === 'loading') return <span className="h-8 w-20 animate-pulse rounded-md bg-panel" aria-hidden />;
  if (!data?.user) {
    return (
      <div className="flex items-center gap-1">
        <Link href="/signin" className="rounded-md px-3 py-2 text-muted hover:bg-panel hover:text-white">
          Sign in
        </Link>
        <Link href="/signup" className="rounded-md bg-accent px-3 py-2 font-semibold text-white hover:opacity-90">
          Sign up
        </Link>
      </div>
    );
  }
  return (
    <div className="flex items-center gap-1">
      <Link href="/dashboard" className="rounded-md px-3 py-2 text-muted hover:bg-panel hover:text-white">
        Dashboard
      </Link>
      <Link href="/account/orders" className="hidden rounded-md px-3 py-2 text-muted hover:bg-panel hover:text-white sm:inline-block">
        Orders
      </Link>
      <Link href="/account/settings" className="hidden rounded-md px-3 py-2 text-muted hover:bg-panel hover:text-white sm:inline-block">
        Account
      </Link>
      <button type="button" onClick={() => void signOut({ callbackUrl: '/' })} className="rounded-md px-3 py-2 text-muted hover:bg-panel hover:text-white" title={data.user.email ?? undefined}>
        Sign out
      </button>
    </div>
  );
}
