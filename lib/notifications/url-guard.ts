// Where a notification may be sent. A webhook URL is the user's to choose, so without a guard it would let
// anyone make the server call its own admin ports or the cloud's metadata service: the address may not be
// the app itself, loopback, link-local, private or otherwise special, checked when saved and again (after
// DNS) when sent. NOTIFY_ALLOW_PRIVATE_URLS lifts this for self-hosters and the tests' stand-ins.
import 'server-only';
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import { appUrl, getEnv } from '@/lib/env';

export class UnsafeUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeUrlError';
  }
}

const V4_BLOCKS: [string, number][] = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
];

function v4ToInt(address: string): number {
  return address.split('.').reduce((acc, part) => (acc << 8) + Number(part), 0) >>> 0;
}

/** True for loopback, private, link-local, carrier-grade NAT, documentation, multicast and reserved ranges. */
export function isPrivateAddress(address: string): boolean {
  if (net.isIPv4(address)) {
    const value = v4ToInt(address);
    return V4_BLOCKS.some(([base, bits]) => (value & (bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0)) >>> 0 === v4ToInt(base));
  }
  if (net.isIPv6(address)) {
    const lower = address.toLowerCase();
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
    if (mapped?.[1]) return isPrivateAddress(mapped[1]);
    return lower === '::' || lower === '::1' || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || lower.startsWith('ff') || lower.startsWith('2001:db8');
  }
  return true;
}

const allowPrivate = () => getEnv().NOTIFY_ALLOW_PRIVATE_URLS === true;

/** The URL, checked for shape (https, or http only where private addresses are allowed) and target. */
export function checkUrlShape(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new UnsafeUrlError('This is not a valid URL.');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowPrivate())) throw new UnsafeUrlError('Use an https:// address.');
  if (url.username || url.password) throw new UnsafeUrlError('Leave user names and passwords out of the address.');
  if (!allowPrivate()) {
    const app = new URL(appUrl());
    if (url.host === app.host) throw new UnsafeUrlError('The address may not point at LiveLens itself.');
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal') || host.endsWith('.local')) throw new UnsafeUrlError('The address may not point at this machine or a private network.');
    if (net.isIP(host) && isPrivateAddress(host)) throw new UnsafeUrlError('The address may not point at this machine or a private network.');
  }
  return url;
}

/** Before sending: the host's addresses (DNS) must be public too, unless private addresses are allowed. */
export async function checkUrlTarget(url: URL): Promise<void> {
  checkUrlShape(url.toString());
  if (allowPrivate()) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = net.isIP(host) ? [{ address: host }] : await lookup(host, { all: true });
  if (addresses.some((a) => isPrivateAddress(a.address))) throw new UnsafeUrlError(`${host} resolves to a private address; notifications may not be sent there.`);
}
