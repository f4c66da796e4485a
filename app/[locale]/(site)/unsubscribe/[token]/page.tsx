import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { UnsubscribeButton } from './unsubscribe-button';

export const metadata: Metadata = { title: 'Turn notification emails off', robots: { index: false }, referrer: 'no-referrer' };

// Public: the signed token in the address is the credential. Turning off takes a click (a POST), so mail
// scanners that open links change nothing.
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <div className="mx-auto max-w-sm py-8">
      <Card title="Turn these emails off">
        <UnsubscribeButton token={token} />
      </Card>
    </div>
  );
}
