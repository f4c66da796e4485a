'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';
import { useHandleError } from '@/components/lookup/handle-error';
import { SearchBox } from '@/components/lookup/search-box';
import type { HandleFailure } from '@/lib/tiktok/handle';
import type { UnavailableCause } from './account-client';

/**
 * `error`: the API's (English) text, null when it gave none; `failure`: the handle check's result,
 * explained in the page's language; `cause`: why the account could not be loaded, worded here (never the
 * API's raw reason).
 */
export type LookupProblemKind =
  | { kind: 'invalid'; error: string | null; failure?: HandleFailure }
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  | { kind: 'unavailable'; handle: string; cause: UnavailableCause };

type T = ReturnType<typeof useTranslations<'profile'>>;

/** What happened and what to do, in the page's language. */
function unavailableText(t: T, cause: UnavailableCause): string {
  switch (cause) {
    case 'unreachable':
      return t('unavailableUnreachable');
    case 'blocked':
      return t('unavailableBlocked');
    case 'not_stored':
      return t('unavailableNotStored');
    case 'offline':
      return t('unavailableOffline');
    case 'unknown':
      return t('unavailableUnknown');
  }
}

/** Why a profile cannot be shown, with "Try again" when trying again can help. */
export function LookupProblem({ problem, onRetry }: { problem: LookupProblemKind; onRetry?: () => void }) {
  const t = useTranslations('profile');
  const handleError = useHandleError();
  const { title, text } =
    problem.kind === 'invalid'
      ? { title: t('invalidTitle'), text: problem.failure ? handleError(problem.failure) : (problem.error ?? t('invalidFallback')) }
      : problem.kind === 'rate_limited'
        ? { title: t('rateLimitedTitle'), text: t('rateLimitedText', { minutes: Math.ceil(problem.retryAfterSeconds / 60) }) }
        : {
            title: t('unavailableTitle', { handle: problem.handle }),
            text: `${unavailableText(t, problem.cause)} ${t('unavailableNothingStored')}`,
          };
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 py-8">
      <Card>
        <h1 className="text-xl font-bold">{title}</h1>
        <p className="mt-2 text-muted">{text}</p>
        <div className="mt-4 flex gap-2">
          {onRetry && problem.kind !== 'invalid' && (
            <button type="button" onClick={onRetry} className="rounded-lg bg-accent-strong px-4 py-2 font-semibold hover:opacity-90">
              {t('tryAgain')}
            </button>
          )}
          <Link href="/" className="rounded-lg border border-line px-4 py-2 font-semibold hover:bg-panel-2">
            {t('home')}
          </Link>
        </div>
      </Card>
      <SearchBox size="small" />
    </div>
  );
}
