'use client';

import { useTranslations } from 'next-intl';
import { PRIMARY_ACTION, StatusLink, StatusMessage } from '@/components/ui/status-message';

// A page of the site failed to render: said in the page's language inside the site's header and footer,
// with "Try again" (re-renders the segment) and the way home.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('notFound.error');
  return (
    <StatusMessage title={t('title')} body={t('body')} alert>
      <button type="button" onClick={reset} className={PRIMARY_ACTION}>
        {t('retry')}
      </button>
      <StatusLink href="/">{t('home')}</StatusLink>
    </StatusMessage>
  );
}
