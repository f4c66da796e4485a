// POST /api/overlays/{overlayId}/theme {themeId} — applies a theme (lib/overlays/themes.ts): the look
// replaced, texts, rules and the token kept; open copies of the overlay update at once.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { applyOverlayTheme } from '@/lib/overlays/transfer-store';

export const dynamic = 'force-dynamic';

const params = z.object({ overlayId: z.string().min(1).max(64) });
const themeBody = z.object({ themeId: z.string().min(1).max(40) });

export const POST = route({ access: 'member', params, body: themeBody }, async ({ ws, params, body }) => ({ overlay: await applyOverlayTheme(db, ws.workspaceId, params.overlayId, body.themeId) }));
