import { useTranslations } from 'next-intl';
import { StatusLink, StatusMessage } from '@/components/ui/status-message';

// A uid that is not a number, or one LiveLens stores no Bilibili channel for (nothing is fetched from
// Bilibili on this page yet).
export default function BilibiliChannelNotFound() {
  const t = useTranslations('notFound');
  return (
    <StatusMessage title={t('bilibili.title')} body={t('bilibili.body')}>
      <StatusLink href="/" primary>
        {t('back')}
      </StatusLink>
    </StatusMessage>
  );
}
