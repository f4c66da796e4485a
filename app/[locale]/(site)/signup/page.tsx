import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { CredentialsForm } from '@/components/auth/credentials-form';
import { safeReturnPath } from '@/lib/auth/return-path';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('signUpTitle') };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const t = await getTranslations('auth');
  return (
    <div className="mx-auto max-w-sm py-8">
      <Card headingLevel={1} title={t('signUpHeading')}>
        <p className="mb-3 text-sm text-muted">{t('signUpIntro')}</p>
        <CredentialsForm mode="signup" callbackUrl={safeReturnPath(callbackUrl)} />
      </Card>
    </div>
  );
}
