import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, Notice } from '@/components/ui/card';
import { auth } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { inviteProblemMessage, previewInvite } from '@/lib/workspaces/invites';
import { ROLE_LABELS } from '@/lib/workspaces/roles';
import { AcceptInviteButton } from './accept-invite';

export const metadata: Metadata = { title: 'Workspace invite', robots: { index: false } };

// Public: anyone holding the link sees which workspace it is for; joining needs an account.
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [preview, user] = await Promise.all([previewInvite(db, token), auth()]);
  const here = `/invite/${encodeURIComponent(token)}`;
  return (
    <div className="mx-auto max-w-md py-8">
      {'problem' in preview ? (
        <Card title="This invite cannot be used">
          <Notice tone="warn">{inviteProblemMessage(preview.problem)}</Notice>
        </Card>
      ) : (
        <Card title={`Join ${preview.workspaceName}`}>
          <div className="flex flex-col gap-3 text-sm">
            <p>
              {preview.invitedBy ? `${preview.invitedBy} invites you` : 'You are invited'} to work in <strong className="wrap-anywhere">{preview.workspaceName}</strong> on LiveLens as{' '}
              {ROLE_LABELS[preview.role].name.toLowerCase()}: {ROLE_LABELS[preview.role].can.toLowerCase()}
            </p>
            {user ? (
              <AcceptInviteButton token={token} />
            ) : (
              <div className="flex flex-wrap gap-2">
                <Link href={`/signin?callbackUrl=${encodeURIComponent(here)}`} className="rounded-lg bg-accent px-4 py-2 font-semibold">
                  Sign in to join
                </Link>
                <Link href={`/signup?callbackUrl=${encodeURIComponent(here)}`} className="rounded-lg border border-line px-4 py-2 font-semibold">
                  Create an account
                </Link>
              </div>
            )}
          </div>
        </Card>
      )}
    </div>
  );
}
