import { useTranslations } from 'next-intl';
import { StatusLink, StatusMessage } from '@/components/ui/status-message';

// A report that does not exist, or that this reader may not open (not the buyer, no valid share link):
// the two read the same, so the page never tells a stranger that a report id exists.
export default function ReportNotFound() {
  const t = useTranslations('notFound');
  return (
    <StatusMessage title={t('report.title')} body={t('report.body')}>
      <StatusLink href="/account/orders" primary>
        {t('report.back')}
      </StatusLink>
      <StatusLink href="/">{t('back')}</StatusLink>
    </StatusMessage>
  );
}
