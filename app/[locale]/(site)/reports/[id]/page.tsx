import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { DisplayProvider } from '@/components/site/display';
import { Notice } from '@/components/ui/card';
import { auth } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { readerDisplay } from '@/lib/i18n/display';
import { displayOf } from '@/lib/i18n/display-settings';
import { getReadableReport } from '@/lib/reports/access';
import { bandComparisonText } from '@/lib/reports/band-text';
import { guideTexts } from '@/lib/reports/guide-text';
import { readStoredReport } from '@/lib/reports/stored';
import { ReportView } from './_components/report-view';
import { ReportActions } from './_components/report-actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports');
  return { title: t('metaTitle'), robots: { index: false } };
}

// The report in the reader's language, time zone and currency (saved settings, else the browser's).
export default async function ReportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ share?: string }> }) {
  const [{ id }, { share }, user, t, settings] = await Promise.all([params, searchParams, auth(), getTranslations('reports'), getLocale().then(readerDisplay)]);
  const readable = await getReadableReport(db, id, { userId: user?.id, shareToken: share });
  if (!readable) notFound();
  const report = readStoredReport(readable.report.data);
  if (!report) return <Notice tone="error">{t('oldVersion')}</Notice>;
  const display = displayOf(settings);
  const [guide, comparison] = await Promise.all([guideTexts(report, display), bandComparisonText(report.band, display, report.platform)]);
  return (
    <DisplayProvider settings={settings}>
      <div className="flex flex-col gap-4">
        <ReportActions reportId={id} isOwner={readable.isOwner} shareToken={readable.isOwner ? null : (share ?? null)} />
        <ReportView report={report} guide={guide} comparison={comparison} display={display} />
      </div>
    </DisplayProvider>
  );
}
