'use client';

import { useTranslations } from 'next-intl';
import { ErrorState } from '@/components/ui/status-message';

// A page of the site failed to render: said in the page's language inside the site's header and footer,
// with "Try again" (re-renders the segment) and the way home.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('notFound.error');
  return (
    <ErrorState texts={{ title: t('title'), body: t('body'), retry: t('retry'), home: t('home') }} reset={reset} />
  );
}
