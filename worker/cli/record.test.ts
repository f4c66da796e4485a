// `npm run record --platform bilibili` as a user runs it, against a local stand-in for Bilibili
// (tools/testing/bilibili-stand-in.ts) serving a committed fixture: the recording counts the same.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readReplayHeader } from '@/lib/live/replay-file';
import { countReplayFile } from '@/lib/platforms/bilibili/replay';
import { startBilibiliStandIn, type BilibiliStandIn } from '@/tools/testing/bilibili-stand-in';
import { nodeCommand } from '@/tools/node/run.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FIXTURE = path.join(ROOT, 'worker', 'fixtures', 'bilibili-evening.jsonl');

function recordCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, nodeCommand('app', path.join(ROOT, 'worker', 'cli', 'record.ts'), args), { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

let standIn: BilibiliStandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

describe('npm run record --platform bilibili', () => {
  it('records a room until its live ends, packet for packet, into a replay that counts the same', async () => {
    standIn = await startBilibiliStandIn({ replayFile: FIXTURE, roomId: '545068', shortId: '6' });
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'livelens-record-')), 'room.jsonl');
    const { code, stdout, stderr } = await recordCli(['6', out, '--platform', 'bilibili', '--minutes', '2'], { BILIBILI_API_BASE: standIn.apiBase, BILIBILI_LIVE_BASE: standIn.liveBase, BILIBILI_MAIN_API_BASE: standIn.apiBase });
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}')).toMatchObject({ file: out, reason: 'the live ended' });
    expect(await readReplayHeader(out)).toMatchObject({ platform: 'bilibili', handle: '6', roomId: '545068' });
    const expected: unknown = JSON.parse(fs.readFileSync(FIXTURE.replace(/\.jsonl$/, '.expected.json'), 'utf8'));
    expect((await countReplayFile(out)).totals()).toEqual(expected);
  }, 60_000);
});
