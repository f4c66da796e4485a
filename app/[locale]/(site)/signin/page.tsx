import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { CredentialsForm } from '@/components/auth/credentials-form';
import { safeReturnPath } from '@/lib/auth/return-path';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <div className="mx-auto max-w-sm py-8">
      <Card title="Sign in to LiveLens">
        <CredentialsForm mode="signin" callbackUrl={safeReturnPath(callbackUrl)} />
      </Card>
    </div>
  );
}
