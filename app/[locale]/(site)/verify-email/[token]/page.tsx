import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { ConfirmEmailButton } from './confirm-email';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('authFlows');
  return { title: t('verify.metaTitle'), robots: { index: false }, referrer: 'no-referrer' };
}

// Public: the link's token is the credential. Confirming takes a click (a POST), so mail scanners that
// open links do not use it up.
export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, t] = await Promise.all([params, getTranslations('authFlows')]);
  return (
    <div className="mx-auto max-w-sm py-8">
      <Card headingLevel={1} title={t('verify.heading')}>
        <ConfirmEmailButton token={token} />
      </Card>
    </div>
  );
}
