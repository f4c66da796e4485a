'use client';
// Re-renders the server component it sits in every `seconds` while the tab is visible (router.refresh():
// the page's data is read again on the server; client state is kept). For server-rendered panels whose
// numbers move — a cluster's combined live — without a realtime subscription of their own.
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

export function RefreshEvery({ seconds }: { seconds: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') router.refresh();
    }, seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return null;
}
