import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { ConfirmEmailButton } from './confirm-email';

export const metadata: Metadata = { title: 'Confirm your address', robots: { index: false }, referrer: 'no-referrer' };

// Public: the link's token is the credential. Confirming takes a click (a POST), so mail scanners that
// open links do not use it up.
export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <div className="mx-auto max-w-sm py-8">
      <Card title="Confirm your email address">
        <ConfirmEmailButton token={token} />
      </Card>
    </div>
  );
}
