// GET /api/overlay/{token}/media/{id} — a media file for an overlay in OBS (no session there: the overlay's
// token is the credential). Only files of the overlay's own workspace, only while the token works.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { findOverlayMedia } from '@/lib/media/library';
import { serveMedia } from '@/lib/media/serve';
import { mediaStorage } from '@/lib/media/storage';

export const dynamic = 'force-dynamic';

const params = z.object({ token: z.string().min(1).max(100), mediaId: z.string().min(1).max(64) });

export const GET = route({ access: 'public', params }, async ({ params, request }) =>
  serveMedia(request, mediaStorage(), await findOverlayMedia(db, params.token, params.mediaId)),
);
