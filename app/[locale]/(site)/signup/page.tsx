import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { CredentialsForm } from '@/components/auth/credentials-form';
import { safeReturnPath } from '@/lib/auth/return-path';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <div className="mx-auto max-w-sm py-8">
      <Card title="Create your LiveLens account">
        <p className="mb-3 text-sm text-muted">Track the accounts you manage, run overlays and buy growth reports. Your email is your login.</p>
        <CredentialsForm mode="signup" callbackUrl={safeReturnPath(callbackUrl)} />
      </Card>
    </div>
  );
}
