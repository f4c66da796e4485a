import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, Notice } from '@/components/ui/card';
import { previewPasswordToken, TOKEN_PROBLEMS } from '@/lib/auth/email-flows';
import { db } from '@/lib/db';
import { ResetPasswordForm } from './reset-password-form';

export const metadata: Metadata = { title: 'Choose a new password', robots: { index: false }, referrer: 'no-referrer' };

// Public: the link's token is the credential.
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const preview = await previewPasswordToken(db, token);
  return (
    <div className="mx-auto max-w-sm py-8">
      {'problem' in preview ? (
        <Card title="This link cannot be used">
          <div className="flex flex-col gap-3 text-sm">
            <Notice tone="warn">{TOKEN_PROBLEMS[preview.problem]}</Notice>
            <Link href="/forgot-password" className="rounded-lg bg-accent px-4 py-2 text-center font-semibold">
              Get a new link
            </Link>
          </div>
        </Card>
      ) : (
        <Card title={preview.kind === 'SET_PASSWORD' ? 'Set your password' : 'Choose a new password'}>
          <ResetPasswordForm token={token} email={preview.email} />
        </Card>
      )}
    </div>
  );
}
