import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { alternatesFor, isLocale } from '@/lib/i18n/locales';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : 'en', namespace: 'about' });
  return { title: t('metaTitle'), description: t('metaDescription'), alternates: alternatesFor(locale, '/about') };
}

// A static page (rendered at build time, once per language).
export default async function AboutPage({ params }: Props) {
  const { locale } = await params;
  if (isLocale(locale)) setRequestLocale(locale);
  const t = await getTranslations('about');
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <h1 className="text-3xl font-bold">{t('heading')}</h1>
      <Card title={t('whatTitle')}>
        <p className="text-muted">{t('whatText')}</p>
      </Card>
      <Card title={t('sourcesTitle')}>
        <ul className="flex list-disc flex-col gap-1.5 pl-5 text-muted">
          <li>{t('sourcesProfile')}</li>
          <li>{t('sourcesLive')}</li>
          <li>{t('sourcesEarnings')}</li>
        </ul>
      </Card>
      <Card title={t('runTitle')}>
        <p className="text-muted">{t.rich('runText', { code: (chunks) => <code className="rounded bg-panel-2 px-1">{chunks}</code> })}</p>
      </Card>
      <p className="text-sm text-muted">
        {t.rich('notAffiliated', {
          link: (chunks) => (
            <Link href="/" className="underline hover:text-white">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </div>
  );
}
