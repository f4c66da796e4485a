// `npm run replay` as a user runs it: a separate process against the test Postgres and soketi (given as
// DATABASE_URL / PUSHER_*), printing the stored totals as one JSON object on its last line.
import { spawn } from 'node:child_process';
import { nodeCommand } from '@/tools/node/run.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { uniqueSuffix } from '@/tools/testing/factories';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FIXTURE = path.join(ROOT, 'worker', 'fixtures', 'duplicates-no-end.jsonl');

function replayCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, nodeCommand('ingest', path.join(ROOT, 'worker', 'cli', 'replay.ts'), args), { cwd: ROOT, env: process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run replay', () => {
  it('replays a fixture as another account and prints the stored totals on its last line', async () => {
    const handle = `cli.${uniqueSuffix()}`;
    const { code, stdout, stderr } = await replayCli([FIXTURE, '--as', `@${handle.toUpperCase()}`, '--speed', 'max']);
    expect(code, stderr).toBe(0);
    const last = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    const expected = JSON.parse(fs.readFileSync(FIXTURE.replace(/\.jsonl$/, '.expected.json'), 'utf8')) as Record<string, number>;
    expect(last).toMatchObject({ handle, ...expected });
    expect(Object.keys(last)).toEqual(expect.arrayContaining(['platform', 'valueUnit', 'value', 'diamonds', 'gifts', 'superChats', 'guards', 'likes', 'comments', 'follows', 'shares', 'peakViewers', 'uniqueGifters']));
    expect(last).toMatchObject({ platform: 'tiktok', valueUnit: 'diamonds', value: expected.diamonds, superChats: 0, guards: 0 });
  }, 120_000);

  it('replays a Bilibili recording into the database and prints its stored totals in gold coins', async () => {
    const fixture = path.join(ROOT, 'worker', 'fixtures', 'bilibili-evening.jsonl');
    const uid = String(800_000_000 + Math.floor(Math.random() * 100_000_000));
    const { code, stdout, stderr } = await replayCli([fixture, '--as', uid, '--speed', 'max']);
    expect(code, stderr).toBe(0);
    const last = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    const expected = JSON.parse(fs.readFileSync(fixture.replace(/\.jsonl$/, '.expected.json'), 'utf8')) as Record<string, unknown>;
    const { roomId, liveId, ...rest } = last;
    expect(roomId).toMatch(/^9\d{18}$/);
    expect(liveId).toMatch(/^\d+$/);
    expect(rest).toEqual({ handle: uid, ...expected });
    expect(Object.keys(last)).toEqual(['platform', 'handle', 'roomId', 'liveId', 'valueUnit', 'value', 'gifts', 'superChats', 'guards', 'comments', 'likes', 'follows', 'shares', 'peakViewers', 'uniqueGifters']);

    const notUid = await replayCli([fixture, '--as', 'someone']);
    expect(notUid.code).toBe(1);
    expect(notUid.stderr).toContain('--as: A Bilibili UID is a number of up to 20 digits.');
  }, 120_000);

  it('explains bad input instead of failing obscurely', async () => {
    const missing = await replayCli(['/no/such/file.jsonl']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No such replay file: /no/such/file.jsonl');

    const speed = await replayCli([FIXTURE, '--speed', 'fast']);
    expect(speed.stderr).toContain('--speed must be realtime, max or a positive factor');

    const handle = await replayCli([FIXTURE, '--as', 'bad handle!']);
    expect(handle.stderr).toMatch(/--as: A TikTok username can only contain letters, numbers, underscores and dots/);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'livelens-bad-'));
    const broken = path.join(dir, 'broken.jsonl');
    fs.writeFileSync(broken, '{"format":"something-else","handle":"x","roomId":"1"}\n');
    const format = await replayCli([broken]);
    expect(format.stderr).toMatch(/broken\.jsonl:1: not a livelens-replay\/1 header/);
  }, 120_000);
});
