'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { Notice } from '@/components/ui/card';
import type { ProfileView } from '@/lib/stats/profile-view';
import { isRefreshDue } from '@/lib/tiktok/freshness';
import { countProfileView, fetchAccount, type AccountAnswer } from './account-client';
import { NoSuchAccount } from './no-such-account';
import { ProfileDetails } from './profile-details';

const noSubscription = () => () => undefined;

/**
 * A profile as stored when the page was rendered (the page is served from the route cache). Counts the
 * view, and when the stored data is older than 24 hours (`refreshDueAt` passed) asks the API for newer
 * numbers, which fetches from TikTok under the per-IP limit, and shows what it answers.
 */
export function LiveProfile({ view, stale = false, notice = null, refreshDueAt }: { view: ProfileView; stale?: boolean; notice?: string | null; refreshDueAt?: string | null }) {
  const t = useTranslations('profile');
  const handle = view.handle;
  // Decided in the browser (false while server-rendering): the cached page may be hours old.
  const due = useSyncExternalStore(
    noSubscription,
    () => refreshDueAt !== undefined && isRefreshDue(refreshDueAt, Date.now()),
    () => false,
  );
  const [answer, setAnswer] = useState<AccountAnswer | null>(null);

  useEffect(() => countProfileView(handle), [handle]);

  useEffect(() => {
    if (!due) return;
    const controller = new AbortController();
    fetchAccount(handle, controller.signal).then(setAnswer, () => undefined);
    return () => controller.abort();
  }, [due, handle]);

  if (answer?.kind === 'not_found') return <NoSuchAccount />;
  const shown =
    answer?.kind === 'ok'
      ? answer
      : answer?.kind === 'rate_limited'
        ? { view, stale: true, notice: t('rateLimitedNotice') }
        : answer?.kind === 'unavailable'
          ? { view, stale: true, notice: t('unavailableNotice') }
          : { view, stale, notice };
  return (
    <div className="flex flex-col gap-4">
      {due && !answer && <Notice>{t('checkingNewer')}</Notice>}
      <ProfileDetails view={shown.view} stale={shown.stale} notice={shown.notice} />
    </div>
  );
}
