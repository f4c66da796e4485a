import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { SearchBox } from '@/components/lookup/search-box';
import type { LookupOutcome } from '@/lib/tiktok/lookup';
import { RetryButton } from './retry-button';

type Problem = Extract<LookupOutcome, { kind: 'invalid' | 'rate_limited' | 'unavailable' }>;

export function LookupProblem({ outcome }: { outcome: Problem }) {
  const { title, text, retry } =
    outcome.kind === 'invalid'
      ? { title: 'That is not a TikTok username', text: outcome.error, retry: false }
      : outcome.kind === 'rate_limited'
        ? { title: 'Too many lookups for now', text: `To keep LiveLens fair for everyone, new lookups are limited. Try again in about ${Math.ceil(outcome.retryAfterSeconds / 60)} minute(s); accounts already looked up still open.`, retry: true }
        : { title: `We could not load @${outcome.handle} right now`, text: `${outcome.reason} Nothing is stored for this account yet, so there is nothing to show instead. This is usually temporary.`, retry: true };
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 py-8">
      <Card>
        <h1 className="text-xl font-bold">{title}</h1>
        <p className="mt-2 text-muted">{text}</p>
        <div className="mt-4 flex gap-2">
          {retry && <RetryButton />}
          <Link href="/" className="rounded-lg border border-line px-4 py-2 font-semibold hover:bg-panel-2">
            Home
          </Link>
        </div>
      </Card>
      <SearchBox size="small" />
    </div>
  );
}
