// GET /api/gifts?q=&limit= — the gifts an editor can choose from: those seen on LIVEs merged with the built-in catalogue.
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { giftChoicesQuerySchema } from '@/lib/tiktok/gift-choices';
import { listGiftChoices } from '@/lib/tiktok/gift-choices-store';

export const dynamic = 'force-dynamic';

export const GET = route({ access: 'user', query: giftChoicesQuerySchema }, async ({ query }) => ({ gifts: await listGiftChoices(db, query) }));
