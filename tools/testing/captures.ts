// Real traffic captures live outside the repository, in ../shared/captures (its README gives provenance);
// tests read them from there and skip, saying why, where the folder is absent. Never copy them in.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export type Captures = { dir: string; present: boolean; skipNote: string };

export function captures(platform: 'tiktok' | 'bilibili' | 'twitch' | 'youtube'): Captures {
  const dir = path.resolve(ROOT, '..', 'shared', 'captures', platform);
  const present = fs.existsSync(dir);
  return { dir, present, skipNote: present ? '' : ` (skipped: ${dir} is absent; the real captures are not in the repository)` };
}

/** The frames of a livelens-replay/1 capture, decoded from base64. */
export function readCaptureFrames(file: string): { header: Record<string, unknown>; frames: { t: number; frame: Buffer }[] } {
  const [first = '{}', ...lines] = fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const frames = lines.map((line) => {
    const { t, frame } = JSON.parse(line) as { t: number; frame: string };
    return { t, frame: Buffer.from(frame, 'base64') };
  });
  return { header: JSON.parse(first) as Record<string, unknown>, frames };
}
