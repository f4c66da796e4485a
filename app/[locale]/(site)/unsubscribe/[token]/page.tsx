import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { UnsubscribeButton } from './unsubscribe-button';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('authFlows');
  return { title: t('unsubscribe.metaTitle'), robots: { index: false }, referrer: 'no-referrer' };
}

// Public: the signed token in the address is the credential. Turning off takes a click (a POST), so mail
// scanners that open links change nothing.
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, t] = await Promise.all([params, getTranslations('authFlows')]);
  return (
    <div className="mx-auto max-w-sm py-8">
      <Card headingLevel={1} title={t('unsubscribe.heading')}>
        <UnsubscribeButton token={token} />
      </Card>
    </div>
  );
}
