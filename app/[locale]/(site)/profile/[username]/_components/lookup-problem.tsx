'use client';

import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { SearchBox } from '@/components/lookup/search-box';

export type LookupProblemKind =
  | { kind: 'invalid'; error: string }
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  | { kind: 'unavailable'; handle: string; reason: string };

/** Why a profile cannot be shown, with "Try again" when trying again can help. */
export function LookupProblem({ problem, onRetry }: { problem: LookupProblemKind; onRetry?: () => void }) {
  const { title, text } =
    problem.kind === 'invalid'
      ? { title: 'That is not a TikTok username', text: problem.error }
      : problem.kind === 'rate_limited'
        ? { title: 'Too many lookups for now', text: `To keep LiveLens fair for everyone, new lookups are limited. Try again in about ${Math.ceil(problem.retryAfterSeconds / 60)} minute(s); accounts already looked up still open.` }
        : { title: `We could not load @${problem.handle} right now`, text: `${problem.reason} Nothing is stored for this account yet, so there is nothing to show instead. This is usually temporary.` };
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 py-8">
      <Card>
        <h1 className="text-xl font-bold">{title}</h1>
        <p className="mt-2 text-muted">{text}</p>
        <div className="mt-4 flex gap-2">
          {onRetry && problem.kind !== 'invalid' && (
            <button type="button" onClick={onRetry} className="rounded-lg bg-accent px-4 py-2 font-semibold hover:opacity-90">
              Try again
            </button>
          )}
          <Link href="/" className="rounded-lg border border-line px-4 py-2 font-semibold hover:bg-panel-2">
            Home
          </Link>
        </div>
      </Card>
      <SearchBox size="small" />
    </div>
  );
}
