import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card, Notice } from '@/components/ui/card';
import { previewPasswordToken } from '@/lib/auth/email-flows';
import { db } from '@/lib/db';
import { ResetPasswordForm } from './reset-password-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('authFlows');
  return { title: t('reset.metaTitle'), robots: { index: false }, referrer: 'no-referrer' };
}

// Public: the link's token is the credential.
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [preview, t] = await Promise.all([previewPasswordToken(db, token), getTranslations('authFlows')]);
  return (
    <div className="mx-auto max-w-sm py-8">
      {'problem' in preview ? (
        <Card headingLevel={1} title={t('reset.unusable')}>
          <div className="flex flex-col gap-3 text-sm">
            <Notice tone="warn">{preview.problem === 'expired' ? t('reset.problem.expired') : preview.problem === 'used' ? t('reset.problem.used') : t('reset.problem.invalid')}</Notice>
            <Link href="/forgot-password" className="rounded-lg bg-accent-strong px-4 py-2 text-center font-semibold">
              {t('reset.newLink')}
            </Link>
          </div>
        </Card>
      ) : (
        <Card headingLevel={1} title={preview.kind === 'SET_PASSWORD' ? t('reset.setTitle') : t('reset.chooseTitle')}>
          <ResetPasswordForm token={token} email={preview.email} />
        </Card>
      )}
    </div>
  );
}
