// POST /api/overlays/{overlayId}/media-links — after an import, matches the media files the overlay still
// lacks against the workspace's library again (by checksum); answers with the overlay and what is still missing.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { relinkOverlayMedia } from '@/lib/overlays/transfer-store';

export const dynamic = 'force-dynamic';

const params = z.object({ overlayId: z.string().min(1).max(64) });

export const POST = route({ access: 'member', params }, async ({ ws, params }) => relinkOverlayMedia(db, ws.workspaceId, params.overlayId));
