'use client';

import { useTranslations } from 'next-intl';
import { LoadingState } from '@/components/ui/status-message';

// Shown at once when a visitor opens a profile from the search box or a list, while the page is
// rendered (its first visit reads the database) or fetched from the route cache. A client component: on
// the server, useTranslations here would read the request's headers for the language (no
// setRequestLocale reaches a loading file), which turns the cached profile page into an error.
export default function ProfileLoading() {
  const t = useTranslations('notFound');
  return <LoadingState label={t('loading')} />;
}
