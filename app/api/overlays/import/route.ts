// POST /api/overlays/import {accountId, file, name?, language?} — creates an overlay in the current workspace
// from an exported settings file (lib/overlays/transfer.ts); answers with it and the media files this
// workspace lacks (matched by checksum), which the form then asks the user to upload.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { LOCALES } from '@/lib/i18n/locales';
import { MAX_IMPORT_BYTES } from '@/lib/overlays/transfer';
import { importOverlay } from '@/lib/overlays/transfer-store';

export const dynamic = 'force-dynamic';

const importBody = z.object({ accountId: z.string().min(1).max(64), file: z.unknown(), name: z.string().max(80).optional(), language: z.enum(LOCALES).optional() });

export const POST = route({ access: 'member', body: importBody, maxBodyBytes: MAX_IMPORT_BYTES + 1024 }, async ({ ws, body }) => {
  const result = await importOverlay(db, ws, body);
  return Response.json(result, { status: 201 });
});
