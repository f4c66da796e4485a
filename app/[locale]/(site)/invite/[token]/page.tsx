import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card, Notice } from '@/components/ui/card';
import { auth } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { previewInvite } from '@/lib/workspaces/invites';
import { AcceptInviteButton } from './accept-invite';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('authFlows');
  return { title: t('invite.metaTitle'), robots: { index: false } };
}

// Public: anyone holding the link sees which workspace it is for; joining needs an account.
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [preview, user, t] = await Promise.all([previewInvite(db, token), auth(), getTranslations('authFlows')]);
  const here = `/invite/${encodeURIComponent(token)}`;
  const problemText = (problem: 'invalid' | 'expired' | 'used' | 'revoked') => {
    switch (problem) {
      case 'invalid':
        return t('invite.problem.invalid');
      case 'expired':
        return t('invite.problem.expired');
      case 'used':
        return t('invite.problem.used');
      case 'revoked':
        return t('invite.problem.revoked');
    }
  };
  return (
    <div className="mx-auto max-w-md py-8">
      {'problem' in preview ? (
        <Card headingLevel={1} title={t('invite.unusable')}>
          <Notice tone="warn">{problemText(preview.problem)}</Notice>
        </Card>
      ) : (
        <Card headingLevel={1} title={t('invite.title', { workspace: preview.workspaceName })}>
          <div className="flex flex-col gap-3 text-sm">
            <p>
              {t.rich('invite.text', {
                hasInviter: preview.invitedBy ? 'yes' : 'no',
                inviter: preview.invitedBy ?? '',
                workspace: preview.workspaceName,
                role: preview.role,
                strong: (chunks) => <strong className="wrap-anywhere">{chunks}</strong>,
              })}
            </p>
            {user ? (
              <AcceptInviteButton token={token} />
            ) : (
              <div className="flex flex-wrap gap-2">
                <Link href={`/signin?callbackUrl=${encodeURIComponent(here)}`} className="rounded-lg bg-accent-strong px-4 py-2 font-semibold">
                  {t('invite.signIn')}
                </Link>
                <Link href={`/signup?callbackUrl=${encodeURIComponent(here)}`} className="rounded-lg border border-line px-4 py-2 font-semibold">
                  {t('invite.signUp')}
                </Link>
              </div>
            )}
          </div>
        </Card>
      )}
    </div>
  );
}
