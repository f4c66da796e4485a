// Encryption at rest for the few secrets users hand us (an overlay's OBS websocket password): AES-256-GCM
// with a key derived (HKDF-SHA256) from AUTH_SECRET and a purpose label, a fresh 12-byte IV per value.
// Stored as `enc:v1:<iv>.<tag>.<ciphertext>` (base64url). Rotating AUTH_SECRET makes old values
// unreadable: they read as empty and the user enters them again.
import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { getEnv } from '@/lib/env';

const PREFIX = 'enc:v1:';

function keyFor(purpose: string, secret = getEnv().AUTH_SECRET): Buffer {
  if (!secret) throw new Error('AUTH_SECRET is not set; it is needed to encrypt and decrypt stored secrets.');
  return Buffer.from(hkdfSync('sha256', secret, 'livelens', `livelens:${purpose}`, 32));
}

export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

export function seal(plaintext: string, purpose: string, secret?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(purpose, secret), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${PREFIX}${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${body.toString('base64url')}`;
}

/** The plaintext, or null when the value was sealed with another key or has been tampered with. */
export function unseal(value: string, purpose: string, secret?: string): string | null {
  if (!isSealed(value)) return null;
  const [iv, tag, body] = value.slice(PREFIX.length).split('.');
  if (!iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(purpose, secret), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
