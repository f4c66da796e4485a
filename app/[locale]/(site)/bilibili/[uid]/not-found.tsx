import { useTranslations } from 'next-intl';
import { StatusLink, StatusMessage } from '@/components/ui/status-message';

// A uid that is not a number, or one Bilibili knows no live room for.
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
