import { describe, expect, it } from 'vitest';
import { PEER_ADDRESS_HEADER, resolveClientIp } from './client-ip';

const from = (headers: Record<string, string>) => (name: string) => headers[name];

describe('resolveClientIp', () => {
  it('uses the connection address under npm start, whatever X-Forwarded-For a client sends', () => {
    expect(resolveClientIp(from({ [PEER_ADDRESS_HEADER]: '198.51.100.7' }), 0)).toBe('198.51.100.7');
    // Next fills X-Forwarded-For with the socket address when it is missing: same answer.
    expect(resolveClientIp(from({ [PEER_ADDRESS_HEADER]: '198.51.100.7', 'x-forwarded-for': '198.51.100.7' }), 0)).toBe('198.51.100.7');
    expect(resolveClientIp(from({ [PEER_ADDRESS_HEADER]: '198.51.100.7', 'x-forwarded-for': '1.2.3.4' }), 0)).toBe('198.51.100.7');
    expect(resolveClientIp(from({ [PEER_ADDRESS_HEADER]: '198.51.100.7', 'x-real-ip': '1.2.3.4' }), 0)).toBe('198.51.100.7');
    // A closed socket has no address: the header is empty, and the client's own header still does not count.
    expect(resolveClientIp(from({ [PEER_ADDRESS_HEADER]: '', 'x-forwarded-for': '1.2.3.4' }), 0)).toBe('unknown');
  });

  it('behind trusted proxies, takes the address the outermost trusted proxy saw, not what the client wrote', () => {
    // One proxy (10.0.0.2) appended the client's address; the client had written 1.2.3.4 itself.
    const behindNginx = from({ [PEER_ADDRESS_HEADER]: '10.0.0.2', 'x-forwarded-for': '1.2.3.4, 203.0.113.9' });
    expect(resolveClientIp(behindNginx, 1)).toBe('203.0.113.9');
    expect(resolveClientIp(behindNginx, 0)).toBe('10.0.0.2');
    // Two proxies: CDN (saw the client) → load balancer (saw the CDN) → us.
    expect(resolveClientIp(from({ [PEER_ADDRESS_HEADER]: '10.0.0.3', 'x-forwarded-for': '1.2.3.4, 203.0.113.9, 10.0.0.2' }), 2)).toBe('203.0.113.9');
    // More hops configured than there are entries: the leftmost is the best there is.
    expect(resolveClientIp(from({ [PEER_ADDRESS_HEADER]: '10.0.0.2', 'x-forwarded-for': '203.0.113.9' }), 5)).toBe('203.0.113.9');
  });

  it('without the peer header (next dev) falls back to the first forwarded address, then X-Real-IP', () => {
    expect(resolveClientIp(from({ 'x-forwarded-for': ' 203.0.113.9 , 10.0.0.2' }), 0)).toBe('203.0.113.9');
    expect(resolveClientIp(from({ 'x-real-ip': '203.0.113.10' }), 0)).toBe('203.0.113.10');
    expect(resolveClientIp(from({}), 0)).toBe('unknown');
  });

  it('writes IPv4 clients of a dual-stack socket as plain IPv4, and keeps IPv6 as it is', () => {
    expect(resolveClientIp(from({ [PEER_ADDRESS_HEADER]: '::ffff:127.0.0.1' }), 0)).toBe('127.0.0.1');
    expect(resolveClientIp(from({ [PEER_ADDRESS_HEADER]: '2001:db8::1' }), 0)).toBe('2001:db8::1');
  });
});
