import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { ForgotPasswordForm } from './forgot-password-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('authFlows');
  return { title: t('forgot.metaTitle'), robots: { index: false } };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations('authFlows');
  return (
    <div className="mx-auto max-w-sm py-8">
      <Card headingLevel={1} title={t('forgot.heading')}>
        <ForgotPasswordForm />
      </Card>
    </div>
  );
}
