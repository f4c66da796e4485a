// GET, POST /api/reports/{id}/share — the owner's share links of a report: list them, create one.
import { z } from 'zod';
import { AppError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { auth } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { appUrl } from '@/lib/env';
import { createShareLink, listShareLinks } from '@/lib/reports/access';

export const dynamic = 'force-dynamic';
const params = z.object({ id: z.string().max(64) });

async function owner(): Promise<string> {
  const user = await auth();
  if (!user) throw new AppError('NOT_FOUND', 'No such report.');
  return user.id;
}

const present = (reportId: string, link: { id: string; token: string; createdAt: Date }) => ({
  id: link.id,
  url: `${appUrl()}/reports/${reportId}?share=${link.token}`,
  createdAt: link.createdAt.toISOString(),
});

export const GET = route({ params }, async ({ params: { id } }) => ({ links: (await listShareLinks(db, id, await owner())).map((l) => present(id, l)) }));

export const POST = route({ params }, async ({ params: { id } }) => Response.json({ link: present(id, await createShareLink(db, id, await owner())) }, { status: 201 }));
