import { useTranslations } from 'next-intl';
import { StatusLink, StatusMessage } from '@/components/ui/status-message';

// notFound() from a site page without a not-found of its own: drawn inside the site's layout, so the
// page keeps its header, footer and its one <main> (app/[locale]/not-found.tsx, which brings the chrome
// itself, is for addresses outside the site's layout).
export default function SiteNotFound() {
  const t = useTranslations('notFound');
  return (
    <StatusMessage title={t('title')} body={t('body')}>
      <StatusLink href="/" primary>
        {t('back')}
      </StatusLink>
    </StatusMessage>
  );
}
