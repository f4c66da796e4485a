import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Notice } from '@/components/ui/card';
import { auth } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { getReadableReport } from '@/lib/reports/access';
import { reportDataSchema } from '@/lib/reports/types';
import { ReportView } from './_components/report-view';
import { ReportActions } from './_components/report-actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports');
  return { title: t('metaTitle'), robots: { index: false } };
}

export default async function ReportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ share?: string }> }) {
  const [{ id }, { share }, user, t] = await Promise.all([params, searchParams, auth(), getTranslations('reports')]);
  const readable = await getReadableReport(db, id, { userId: user?.id, shareToken: share });
  if (!readable) notFound();
  const parsed = reportDataSchema.safeParse(readable.report.data);
  if (!parsed.success) return <Notice tone="error">{t('oldVersion')}</Notice>;
  return (
    <div className="flex flex-col gap-4">
      <ReportActions reportId={id} isOwner={readable.isOwner} shareToken={readable.isOwner ? null : (share ?? null)} />
      <ReportView report={parsed.data} />
    </div>
  );
}
