import { useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';
import { SearchBox } from '@/components/lookup/search-box';

export function NoSuchAccount() {
  const t = useTranslations('profile');
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 py-8">
      <Card>
        <h1 className="text-xl font-bold">{t('noSuchTitle')}</h1>
        <p className="mt-2 text-muted">{t('noSuchText')}</p>
      </Card>
      <SearchBox size="small" autoFocus />
    </div>
  );
}
