// Whose request is this: the address that per-IP rate limits (sign-in, sign-up, profile fetches) count.
// No `server-only` here: scripts/web-server.ts, which runs outside Next's bundles, sets the header.

/**
 * Set by scripts/web-server.ts (`npm start`) on every request to the address of the connection itself,
 * replacing anything a client sent under that name, so there a client cannot choose it. Under `next dev`
 * nothing sets it, and a client could.
 */
export const PEER_ADDRESS_HEADER = 'x-livelens-peer';

/**
 * The client's address. Under `npm start` the connection's own address is in PEER_ADDRESS_HEADER, and
 * X-Forwarded-For is believed only as far as `trustedProxies` reaches: each trusted proxy in front of us
 * appended the address it saw, so with one proxy (nginx, a load balancer) the client is the last entry,
 * and whatever a client wrote into the header itself stays to the left and is ignored. Without the peer
 * header (`next dev`) the first X-Forwarded-For entry is all there is.
 */
export function resolveClientIp(header: (name: string) => string | null | undefined, trustedProxies: number): string {
  const forwarded = (header('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const peerHeader = header(PEER_ADDRESS_HEADER);
  if (peerHeader === undefined || peerHeader === null) return tidy(forwarded[0] || header('x-real-ip')?.trim() || 'unknown');
  // A socket already closed has no address: still never fall back to what the client wrote.
  const peer = peerHeader.trim() || 'unknown';
  const chain = [...forwarded, peer];
  return tidy(chain[Math.max(0, chain.length - 1 - trustedProxies)] ?? peer);
}

/** IPv4 clients of a dual-stack socket arrive as ::ffff:a.b.c.d. */
const tidy = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
