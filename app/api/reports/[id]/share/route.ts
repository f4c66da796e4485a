// GET, POST /api/reports/{id}/share — the owner's share links of a report: list them, create one.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { appUrl } from '@/lib/env';
import { createShareLink, listShareLinks } from '@/lib/reports/access';

export const dynamic = 'force-dynamic';
const params = z.object({ id: z.string().max(64) });


const present = (reportId: string, link: { id: string; token: string; createdAt: Date }) => ({
  id: link.id,
  url: `${appUrl()}/reports/${reportId}?share=${link.token}`,
  createdAt: link.createdAt.toISOString(),
});

export const GET = route({ access: 'user', params }, async ({ user, params: { id } }) => ({ links: (await listShareLinks(db, id, user.id)).map((l) => present(id, l)) }));

export const POST = route({ access: 'user', params }, async ({ user, params: { id } }) => Response.json({ link: present(id, await createShareLink(db, id, user.id)) }, { status: 201 }));
