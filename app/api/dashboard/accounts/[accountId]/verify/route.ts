// POST /api/dashboard/accounts/{accountId}/verify — confirms ownership by the code in the TikTok bio.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { requireApiUser } from '@/lib/dashboard/access';
import { verifyOwnership } from '@/lib/dashboard/accounts';

export const dynamic = 'force-dynamic';

export const POST = route({ params: z.object({ accountId: z.string().max(64) }) }, async ({ params }) => verifyOwnership(db, (await requireApiUser()).id, params.accountId));
