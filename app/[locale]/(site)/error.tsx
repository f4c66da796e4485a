'use client';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="flex flex-col items-center gap-3 py-16 text-center">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="text-muted">This page could not be loaded. It is usually temporary.</p>
      <button type="button" onClick={reset} className="rounded-md bg-accent-strong px-4 py-2 font-semibold text-white hover:opacity-90">
        Try again
      </button>
    </div>
  );
}
