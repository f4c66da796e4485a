// GET /api/overlays/{overlayId}/export — the overlay's settings as a `livelens-overlay/1` file to download
// (media by checksum; never the token or the OBS password).
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { exportOverlay } from '@/lib/overlays/transfer-store';

export const dynamic = 'force-dynamic';

const params = z.object({ overlayId: z.string().min(1).max(64) });

export const GET = route({ access: 'member', params }, async ({ ws, params }) => {
  const { fileName, file } = await exportOverlay(db, ws.workspaceId, params.overlayId);
  return new Response(`${JSON.stringify(file, null, 2)}\n`, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      // RFC 6266: an ASCII fallback and the UTF-8 name (overlay names may be Thai or Chinese).
      'content-disposition': `attachment; filename="overlay.livelens-overlay.json"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});
