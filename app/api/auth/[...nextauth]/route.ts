// GET, POST /api/auth/* — next-auth (sign-in, sign-out, session, CSRF).
import NextAuth from 'next-auth';
import { getAuthOptions } from '@/lib/auth/options';

const handler = (request: Request, context: { params: Promise<{ nextauth: string[] }> }) => NextAuth(getAuthOptions())(request, context);
export { handler as GET, handler as POST };
