'use client';

import { useDisplay } from '@/components/site/display';

/** When a live started, in the reader's zone and language (the server's HTML shows UTC until the browser's zone is known). */
export function LiveTime({ at }: { at: string }) {
  const display = useDisplay();
  return <time dateTime={at}>{display.date(at, 'dateTime')}</time>;
}
