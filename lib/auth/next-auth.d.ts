// Our session carries the user's id (typed), read with auth() on the server and useSession() in the browser.
// The JWT also carries the id of the server-side session row (`sid`, never sent to the browser's JS).
import type { DefaultSession } from 'next-auth';

declare module 'next-auth' {
  interface Session {
    user: { id: string } & DefaultSession['user'];
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    sid?: string;
  }
}
