// TikTok user ids for the fictional viewers of the demo. A handle belongs to one user, so the id is made
// from the handle: the seeded history and every account's synthetic sessions that happen to draw the
// same handle ("kari_109") then name the same viewer, instead of two viewers that show as two gifter rows
// with one handle. (Ids drawn at random per generator gave the same handle two ids.)
import { createHash } from 'node:crypto';

export function demoViewerId(handle: string): string {
  const digits = createHash('sha256').update(`livelens-demo-viewer:${handle}`).digest().readBigUInt64BE(0) % 10n ** 17n;
  return `68${digits.toString().padStart(17, '0')}`;
}
