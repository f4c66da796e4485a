import Link from 'next/link';
import type { ReactNode } from 'react';

// The body of the not-found, error and loading pages: what happened in a heading, what to do in a line,
// and the ways on. It never brings a <main>: the layout it sits in has the page's one main landmark.

export const PRIMARY_ACTION = 'rounded-md bg-accent-strong px-4 py-2 font-semibold text-white hover:opacity-90';
export const SECONDARY_ACTION = 'rounded-md border border-line px-4 py-2 font-semibold hover:bg-panel-2';

export function StatusMessage({ title, body, children, alert = false }: { title: string; body: string; children?: ReactNode; alert?: boolean }) {
  return (
    <div role={alert ? 'alert' : undefined} className="flex flex-col items-center gap-3 py-16 text-center">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="max-w-xl text-muted">{body}</p>
      {children && <div className="mt-2 flex flex-wrap justify-center gap-2">{children}</div>}
    </div>
  );
}

/** A link out of a status page. */
export function StatusLink({ href, children, primary = false }: { href: string; children: ReactNode; primary?: boolean }) {
  return (
    <Link href={href} className={primary ? PRIMARY_ACTION : SECONDARY_ACTION}>
      {children}
    </Link>
  );
}

/** What an error page says: that something failed, "Try again" (`reset` renders the segment again) and the way home. */
export function ErrorState({ texts, reset }: { texts: { title: string; body: string; retry: string; home: string }; reset: () => void }) {
  return (
    <StatusMessage title={texts.title} body={texts.body} alert>
      <button type="button" onClick={reset} className={PRIMARY_ACTION}>
        {texts.retry}
      </button>
      <StatusLink href="/">{texts.home}</StatusLink>
    </StatusMessage>
  );
}

/** Placeholder while a page's data loads: announced once to screen readers, drawn as grey bars. */
export function LoadingState({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-4 py-4">
      <span className="sr-only">{label}</span>
      <div aria-hidden className="h-28 animate-pulse rounded-xl bg-panel-2" />
      <div aria-hidden className="grid gap-4 md:grid-cols-3">
        <div className="h-40 animate-pulse rounded-xl bg-panel-2 md:col-span-2" />
        <div className="h-40 animate-pulse rounded-xl bg-panel-2" />
      </div>
      <div aria-hidden className="h-48 animate-pulse rounded-xl bg-panel-2" />
    </div>
  );
}
