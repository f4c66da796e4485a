// GET /api/overlays — the overlays of the current workspace.
// POST /api/overlays {accountId, kind, name?, language?} — creates one with default settings (texts in
// `language`) and a fresh token.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { createOverlay, listOverlays } from '@/lib/overlays/manage';
import { OVERLAY_KINDS } from '@/lib/overlays/settings';
import { LOCALES } from '@/lib/i18n/locales';

export const dynamic = 'force-dynamic';

export const GET = route({ access: 'member' }, async ({ ws }) => ({ overlays: await listOverlays(db, ws.workspaceId) }));

const createBody = z.object({ accountId: z.string().min(1).max(64), kind: z.enum(OVERLAY_KINDS), name: z.string().max(80).optional(), language: z.enum(LOCALES).optional() });

export const POST = route({ access: 'member', body: createBody }, async ({ ws, body }) => {
  const overlay = await createOverlay(db, ws, body);
  return Response.json({ overlay }, { status: 201 });
});
