// POST /api/uploads/media?name=… — upload one file to the current workspace's media library as the raw
// request body. Its type is read from the bytes, and the body is refused as soon as it passes its kind's
// limit. /api/uploads/ is outside the proxy's matcher (proxy.ts): Next copies a request body for the proxy
// and cuts it at 10 MB, and a video may be 50 MB; so this route sets the proxy's headers itself.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { addMedia, readUpload } from '@/lib/media/library';
import { mediaStorage } from '@/lib/media/storage';
import { BASE_HEADERS } from '@/lib/security/headers';

export const dynamic = 'force-dynamic';

const uploadQuery = z.object({ name: z.string().max(1000).optional() });

export const POST = route({ access: 'member', query: uploadQuery }, async ({ ws, request, query }) => {
  const declared = request.headers.get('content-length');
  const data = await readUpload(request.body, declared === null ? null : Number(declared));
  const { file, duplicate } = await addMedia(db, mediaStorage(), ws, { name: query.name ?? null, data });
  return Response.json({ file, duplicate }, { status: duplicate ? 200 : 201, headers: BASE_HEADERS });
});
