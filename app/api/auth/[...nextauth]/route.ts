// GET, POST /api/auth/* — next-auth (sign-in, sign-out, session, CSRF). Public by nature; bodies are read
// only up to 8 KB before next-auth sees them, and POSTs must come from this site.
import NextAuth from 'next-auth';
import { NextRequest } from 'next/server';
import { z } from 'zod';
import { readLimitedText } from '@/lib/api/body';
import { route } from '@/lib/api/route';
import { getAuthOptions } from '@/lib/auth/options';

export const dynamic = 'force-dynamic';

const MAX_AUTH_BODY = 8 * 1024;

const handler = route({ access: 'public', params: z.object({ nextauth: z.array(z.string().max(200)).max(10) }) }, async ({ request, params }) => {
  // next-auth reads `nextUrl` (a NextRequest), so the limited copy is one too.
  const limited = new NextRequest(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.method === 'POST' ? { body: await readLimitedText(request, MAX_AUTH_BODY) } : {}),
  });
  // next-auth's App Router handler; its declaration returns `any`.
  const nextAuth = NextAuth(getAuthOptions()) as (request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;
  return nextAuth(limited, { params: Promise.resolve(params) });
});

export { handler as GET, handler as POST };
