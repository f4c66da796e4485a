'use client';

import { useTranslations } from 'next-intl';
import { ErrorState } from '@/components/ui/status-message';

// The site's own layout (header, footer) failed, so this page stands without them, in the page's
// language (the [locale] layout above still provides it), with its own main landmark.
export default function LocaleError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('notFound.error');
  return (
    <main id="main" className="mx-auto w-full max-w-6xl px-4 py-8">
      <ErrorState texts={{ title: t('title'), body: t('body'), retry: t('retry'), home: t('home') }} reset={reset} />
    </main>
  );
}
