// GET /api/overlays — the overlays of the current workspace.
// POST /api/overlays {accountId, kind, name?, language?, themeId?} — creates one with default settings, or a
// theme's (lib/overlays/themes.ts), texts in `language`, and a fresh token.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { createOverlay, listOverlays } from '@/lib/overlays/manage';
import { OVERLAY_KINDS } from '@/lib/overlays/settings';
import { LOCALES } from '@/lib/i18n/locales';
import { AppError } from '@/lib/api/errors';
import { isThemeOf, themedInitialSettings } from '@/lib/overlays/themes';

export const dynamic = 'force-dynamic';

export const GET = route({ access: 'member' }, async ({ ws }) => ({ overlays: await listOverlays(db, ws.workspaceId) }));

const createBody = z.object({ accountId: z.string().min(1).max(64), kind: z.enum(OVERLAY_KINDS), name: z.string().max(80).optional(), language: z.enum(LOCALES).optional(), themeId: z.string().min(1).max(40).optional() });

export const POST = route({ access: 'member', body: createBody }, async ({ ws, body }) => {
  const { themeId, ...input } = body;
  if (themeId !== undefined && !isThemeOf(input.kind, themeId)) throw new AppError('BAD_REQUEST', 'No such theme for this kind of overlay.');
  const overlay = await createOverlay(db, ws, { ...input, ...(themeId ? { settings: themedInitialSettings(input.kind, input.language ?? 'en', themeId) } : {}) });
  return Response.json({ overlay }, { status: 201 });
});
