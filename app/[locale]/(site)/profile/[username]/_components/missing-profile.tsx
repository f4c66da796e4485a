'use client';

import { useParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Card } from '@/components/ui/card';
import { parseHandle } from '@/lib/tiktok/handle';
import { fetchAccount, type AccountAnswer } from './account-client';
import { LiveProfile } from './live-profile';
import { LookupProblem } from './lookup-problem';
import { NoSuchAccount } from './no-such-account';

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The profile page of an account with nothing stored (or one TikTok said does not exist): served with
 * HTTP 404 from the route cache, it looks the account up through the API (which fetches from TikTok under
 * the per-IP limit) and shows the profile, "No such TikTok account", or why it could not be loaded.
 */
export function MissingProfile() {
  const params = useParams<{ username?: string }>();
  const parsed = parseHandle(decode(params.username ?? ''));
  const handle = parsed.ok ? parsed.handle : null;
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<AccountAnswer | null>(null);

  useEffect(() => {
    if (!handle) return;
    const controller = new AbortController();
    fetchAccount(handle, controller.signal).then(setAnswer, () => undefined);
    return () => controller.abort();
  }, [handle, attempt]);

  const retry = () => {
    setAnswer(null);
    setAttempt((n) => n + 1);
  };

  if (!parsed.ok) return <LookupProblem problem={{ kind: 'invalid', error: parsed.error, failure: parsed }} />;
  switch (answer?.kind) {
    case undefined:
      return <LookingUp handle={parsed.handle} />;
    case 'ok':
      return <LiveProfile view={answer.view} stale={answer.stale} notice={answer.notice} />;
    case 'not_found':
      return <NoSuchAccount />;
    case 'invalid':
      return <LookupProblem problem={{ kind: 'invalid', error: answer.error }} />;
    case 'rate_limited':
      return <LookupProblem problem={answer} onRetry={retry} />;
    case 'unavailable':
      return <LookupProblem problem={{ kind: 'unavailable', handle: parsed.handle, cause: answer.cause }} onRetry={retry} />;
  }
}

/**
 * The lookup's first state, with what to do when JavaScript is off. Also the server's HTML of a missing
 * profile (page.tsx): there it has no effects, so the lookup starts once, in not-found.tsx.
 */
export function LookingUp({ handle }: { handle: string }) {
  const t = useTranslations('profile');
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 py-8" aria-busy="true">
      <Card>
        <h1 className="text-xl font-bold break-words">{t('lookingUp', { handle })}</h1>
        <p className="mt-2 text-muted" role="status">
          {t('lookingUpText')}
        </p>
        <div className="mt-4 flex flex-col gap-2" aria-hidden>
          <div className="h-4 w-2/3 animate-pulse rounded bg-panel-2" />
          <div className="h-4 w-1/2 animate-pulse rounded bg-panel-2" />
        </div>
        <noscript>
          <p className="mt-2 text-sm text-muted">{t('needsJavaScript')}</p>
        </noscript>
      </Card>
    </div>
  );
}
