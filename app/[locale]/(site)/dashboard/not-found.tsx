import { useTranslations } from 'next-intl';
import { StatusLink, StatusMessage } from '@/components/ui/status-message';

// An account, live, overlay or other item that is not in the signed-in workspace (every dashboard query is
// scoped to it, so someone else's id reads as missing): the way back is the dashboard, not the home page.
export default function DashboardNotFound() {
  const t = useTranslations('notFound');
  return (
    <StatusMessage title={t('dashboard.title')} body={t('dashboard.body')}>
      <StatusLink href="/dashboard" primary>
        {t('dashboard.back')}
      </StatusLink>
      <StatusLink href="/">{t('back')}</StatusLink>
    </StatusMessage>
  );
}
