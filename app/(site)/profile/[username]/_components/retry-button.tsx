'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';

export function RetryButton() {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <button type="button" onClick={() => start(() => router.refresh())} disabled={pending} className="rounded-lg bg-accent px-4 py-2 font-semibold hover:opacity-90 disabled:opacity-60">
      {pending ? 'Trying…' : 'Try again'}
    </button>
  );
}
