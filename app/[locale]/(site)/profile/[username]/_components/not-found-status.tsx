import { notFound } from 'next/navigation';
import { Suspense } from 'react';

function Missing(): never {
  notFound();
}

/**
 * Answers HTTP 404 while keeping the page's server-rendered content. Next 16 renders a page whose render
 * throws notFound() as an empty client shell (vercel/next.js#98954): visitors and crawlers without
 * JavaScript got a blank page. Thrown inside a Suspense boundary instead, the cached render completes with
 * everything outside the boundary and still records 404 (Next's prerender sets the status from the
 * boundary's error); in the browser the boundary rethrows and the segment's not-found.tsx takes over,
 * which shows the same content and carries on (MissingProfile looks the account up).
 */
export function NotFoundStatus() {
  return (
    <Suspense fallback={null}>
      <Missing />
    </Suspense>
  );
}
