// The media library's routes end to end (route handlers, Postgres, disk storage in a temporary data folder):
// upload with the type read from the bytes, deduplication, listing, serving with its headers and ranges,
// rename, delete, the refusals of issue 16, the size cap while the body streams, and isolation: another
// workspace's editors and overlays get 404.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteHandler } from '@/lib/api/route';
import { db } from '@/lib/db';
import { resetEnvCache } from '@/lib/env';
import { MAX_BYTES } from '@/lib/media/limits';
import { addMedia, overlayMediaUrl, type MediaSummary } from '@/lib/media/library';
import { mediaStorage } from '@/lib/media/storage';
import { deleteWorkspace } from '@/lib/workspaces/manage';
import { createTestAccount, createTestOverlay, createTestUser } from '@/tools/testing/factories';
import { sampleElf, sampleGif, sampleWav } from '@/tools/testing/media-samples';
import { sessionCookie } from '@/tools/testing/realtime-client';
import * as list from '@/app/api/media/route';
import * as one from '@/app/api/media/[mediaId]/route';
import * as upload from '@/app/api/uploads/media/route';
import * as overlayMedia from '@/app/api/overlay/[token]/media/[mediaId]/route';
import { config as proxyConfig } from '@/proxy';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'livelens-data-'));
const previous = { data: process.env.LIVELENS_DATA_DIR, bucket: process.env.S3_BUCKET };

type World = Awaited<ReturnType<typeof buildWorld>>;
let w: World;

async function buildWorld() {
  const [a, b] = await Promise.all([createTestUser(db), createTestUser(db)]);
  const account = await createTestAccount(db);
  const [aOverlay, bOverlay, revoked] = await Promise.all([
    createTestOverlay(db, { workspaceId: a.workspaceId, accountId: account.id }),
    createTestOverlay(db, { workspaceId: b.workspaceId, accountId: account.id }),
    createTestOverlay(db, { workspaceId: a.workspaceId, accountId: account.id, revoked: true }),
  ]);
  return { a, b, aOverlay, bOverlay, revoked, cookies: { a: await sessionCookie(a.id), b: await sessionCookie(b.id) } };
}

beforeAll(async () => {
  process.env.LIVELENS_DATA_DIR = dataDir;
  delete process.env.S3_BUCKET;
  resetEnvCache();
  w = await buildWorld();
});

afterAll(() => {
  if (previous.data === undefined) delete process.env.LIVELENS_DATA_DIR;
  else process.env.LIVELENS_DATA_DIR = previous.data;
  if (previous.bucket !== undefined) process.env.S3_BUCKET = previous.bucket;
  resetEnvCache();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function call(handler: RouteHandler, options: { url?: string; method?: string; cookie?: string; params?: Record<string, string>; body?: BodyInit; headers?: Record<string, string> }) {
  const request = new Request(`http://localhost${options.url ?? '/api/media'}`, {
    method: options.method ?? 'GET',
    headers: { ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers },
    body: options.body,
    ...(options.body instanceof ReadableStream ? { duplex: 'half' } : {}),
  });
  return handler(request, { params: Promise.resolve(options.params ?? {}) });
}

async function uploadAs(cookie: string, name: string, bytes: Uint8Array) {
  const response = await call(upload.POST, { url: `/api/uploads/media?name=${encodeURIComponent(name)}`, method: 'POST', cookie, body: new Uint8Array(bytes), headers: { 'content-type': 'video/mp4' } });
  return { status: response.status, json: (await response.json()) as { file: MediaSummary; duplicate: boolean; error?: { code: string; details?: { reason: string } } } };
}

const serveAs = (cookie: string, id: string, headers: Record<string, string> = {}) => call(one.GET, { url: `/api/media/${id}`, cookie, params: { mediaId: id }, headers });
const serveToOverlay = (token: string, id: string) => call(overlayMedia.GET, { url: overlayMediaUrl(token, id), params: { token, mediaId: id } });

describe('upload, dedupe, list', () => {
  it('takes a WAV called .mp3 and sent as video/mp4 for what its bytes are, and stores it under the data folder', async () => {
    const wav = sampleWav(1200);
    const { status, json } = await uploadAs(w.cookies.a, 'folder/../chime.mp3', wav);
    expect(status).toBe(201);
    expect(json.file).toMatchObject({ name: 'chime.mp3', kind: 'SOUND', mime: 'audio/wav', bytes: wav.length, durationMs: 1200 });
    const row = await db.mediaFile.findUniqueOrThrow({ where: { id: json.file.id } });
    expect(row).toMatchObject({ workspaceId: w.a.workspaceId, createdById: w.a.id, storageKey: `${w.a.workspaceId}/${json.file.sha256}` });
    expect(fs.readFileSync(path.join(dataDir, 'media', w.a.workspaceId, json.file.sha256))).toEqual(wav);
  });

  it('gives back the same file for the same bytes, whatever the name', async () => {
    const first = await uploadAs(w.cookies.a, 'one.gif', sampleGif({ screen: [8, 8], frames: 2 }));
    const again = await uploadAs(w.cookies.a, 'two.gif', sampleGif({ screen: [8, 8], frames: 2 }));
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 200, json: { duplicate: true, file: { id: first.json.file.id, name: 'one.gif' } } });
    expect(first.json.file).toMatchObject({ kind: 'IMAGE', mime: 'image/gif', width: 8, height: 8, animated: true });
    // Another workspace uploading the same bytes gets its own file.
    const other = await uploadAs(w.cookies.b, 'two.gif', sampleGif({ screen: [8, 8], frames: 2 }));
    expect(other.status).toBe(201);
    expect(other.json.file.id).not.toBe(first.json.file.id);
  });

  it('lists the workspace’s files newest first, and none of another workspace’s', async () => {
    const a = (await (await call(list.GET, { cookie: w.cookies.a })).json()) as { files: MediaSummary[] };
    expect(a.files.map((f) => f.name)).toEqual(['one.gif', 'chime.mp3']);
    const b = (await (await call(list.GET, { cookie: w.cookies.b })).json()) as { files: MediaSummary[] };
    expect(b.files.map((f) => f.name)).toEqual(['two.gif']);
  });
});

describe('refusals', () => {
  it('a renamed executable, an empty file, SVG with script: 400 with the reason, nothing stored', async () => {
    const before = await db.mediaFile.count({ where: { workspaceId: w.a.workspaceId } });
    const cases: [string, Uint8Array, string][] = [
      ['song.mp3', sampleElf(), 'executable'],
      ['empty.png', new Uint8Array(), 'empty'],
      ['logo.png', new TextEncoder().encode('<svg onload="alert(1)"><script>alert(2)</script></svg>'), 'markup'],
      ['bomb.gif', sampleGif({ screen: [65535, 65535], frame: [1, 1] }), 'bomb'],
    ];
    for (const [name, bytes, reason] of cases) {
      const { status, json } = await uploadAs(w.cookies.a, name, bytes);
      expect({ name, status, reason: json.error?.details?.reason }).toEqual({ name, status: 400, reason });
    }
    expect(await db.mediaFile.count({ where: { workspaceId: w.a.workspaceId } })).toBe(before);
  });

  it('stops reading an oversized body as soon as it passes its kind’s limit (413), without a declared length', async () => {
    const header = sampleWav(10);
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = pulled === 0 ? header : chunk;
        pulled += next.byteLength;
        controller.enqueue(next);
      },
    });
    const response = await call(upload.POST, { url: '/api/uploads/media?name=huge.wav', method: 'POST', cookie: w.cookies.a, body: endless });
    expect(response.status).toBe(413);
    expect(pulled).toBeGreaterThan(MAX_BYTES.SOUND);
    expect(pulled).toBeLessThan(MAX_BYTES.SOUND + 4 * chunk.byteLength);
  });

  it('refuses a declared length over the largest limit before reading anything', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const response = await call(upload.POST, { url: '/api/uploads/media?name=x.webm', method: 'POST', cookie: w.cookies.a, body, headers: { 'content-length': String(MAX_BYTES.VIDEO + 1) } });
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(1);
  });
});

describe('serving, rename, delete, and who may', () => {
  let file: MediaSummary;
  beforeAll(async () => {
    file = (await uploadAs(w.cookies.a, 'ding "loud".wav', sampleWav(300))).json.file;
  });

  it('serves the bytes to an editor of the workspace with long-lived caching and safe headers', async () => {
    const response = await serveAs(w.cookies.a, file.id);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(sampleWav(300));
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'audio/wav',
      'content-length': String(file.bytes),
      'cache-control': 'private, max-age=31536000, immutable',
      etag: `"${file.sha256}"`,
      'x-content-type-options': 'nosniff',
      'content-disposition': `inline; filename="ding _loud_.wav"; filename*=UTF-8''ding%20%22loud%22.wav`,
      'accept-ranges': 'bytes',
    });
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox/);
  });

  it('answers a byte range with 206, and a known ETag with 304', async () => {
    const range = await serveAs(w.cookies.a, file.id, { range: 'bytes=0-3' });
    expect(range.status).toBe(206);
    expect(range.headers.get('content-range')).toBe(`bytes 0-3/${file.bytes}`);
    expect(await range.text()).toBe('RIFF');
    expect((await serveAs(w.cookies.a, file.id, { range: `bytes=${file.bytes}-` })).status).toBe(416);
    const cached = await serveAs(w.cookies.a, file.id, { 'if-none-match': `"${file.sha256}"` });
    expect(cached.status).toBe(304);
  });

  it('serves it to an overlay of the workspace by its token; not to another workspace’s overlay or editor, nor a revoked token', async () => {
    const ok = await serveToOverlay(w.aOverlay.token, file.id);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('audio/wav');
    expect((await serveToOverlay(w.bOverlay.token, file.id)).status).toBe(404);
    expect((await serveToOverlay(w.revoked.token, file.id)).status).toBe(404);
    expect((await serveToOverlay('not-a-token-at-all-but-long-enough', file.id)).status).toBe(404);
    expect((await serveAs(w.cookies.b, file.id)).status).toBe(404);
    expect((await call(one.GET, { params: { mediaId: file.id } })).status).toBe(401);
  });

  it('renames within the workspace only', async () => {
    const foreign = await call(one.PATCH, { method: 'PATCH', cookie: w.cookies.b, params: { mediaId: file.id }, body: JSON.stringify({ name: 'stolen' }), headers: { 'content-type': 'application/json' } });
    expect(foreign.status).toBe(404);
    const renamed = await call(one.PATCH, { method: 'PATCH', cookie: w.cookies.a, params: { mediaId: file.id }, body: JSON.stringify({ name: '  Big gift  ' }), headers: { 'content-type': 'application/json' } });
    expect(await renamed.json()).toMatchObject({ file: { id: file.id, name: 'Big gift' } });
  });

  it('deletes the row and the bytes; another workspace cannot', async () => {
    expect((await call(one.DELETE, { method: 'DELETE', cookie: w.cookies.b, params: { mediaId: file.id } })).status).toBe(404);
    const stored = path.join(dataDir, 'media', w.a.workspaceId, file.sha256);
    expect(fs.existsSync(stored)).toBe(true);
    expect((await call(one.DELETE, { method: 'DELETE', cookie: w.cookies.a, params: { mediaId: file.id } })).status).toBe(200);
    expect(fs.existsSync(stored)).toBe(false);
    expect((await serveAs(w.cookies.a, file.id)).status).toBe(404);
    expect((await serveToOverlay(w.aOverlay.token, file.id)).status).toBe(404);
  });
});

describe('deleting a workspace', () => {
  it('deletes its files’ bytes too, not another workspace’s', async () => {
    const team = await db.workspace.create({ data: { name: `Media team ${w.a.id}`, members: { create: { userId: w.a.id, role: 'OWNER' } } } });
    const bytes = sampleWav(700);
    const { file } = await addMedia(db, mediaStorage(), { workspaceId: team.id, userId: w.a.id }, { name: 'team.wav', data: bytes });
    const kept = (await uploadAs(w.cookies.b, 'kept.wav', bytes)).json.file;
    const teamFile = path.join(dataDir, 'media', team.id, file.sha256);
    expect(fs.existsSync(teamFile)).toBe(true);
    await deleteWorkspace(db, { userId: w.a.id, workspaceId: team.id, role: 'OWNER', name: team.name, personal: false }, team.name);
    expect(await db.mediaFile.count({ where: { workspaceId: team.id } })).toBe(0);
    expect(fs.existsSync(teamFile)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'media', w.b.workspaceId, kept.sha256))).toBe(true);
  });
});

describe('the proxy', () => {
  it('does not run for uploads (Next would cut the copied body at 10 MB), and runs for the other media routes', () => {
    expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url: '/api/uploads/media?name=clip.webm' })).toBe(false);
    expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url: '/api/media' })).toBe(true);
    expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url: '/api/media/abc' })).toBe(true);
    expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url: '/api/overlay/token/media/abc' })).toBe(true);
  });

  it('leaves the upload route to set the headers every response has', async () => {
    const { json, status } = await uploadAs(w.cookies.a, 'tiny.png', sampleGif({ screen: [2, 2] }));
    expect(status).toBe(201);
    expect(json.file.kind).toBe('IMAGE');
    const response = await call(upload.POST, { url: '/api/uploads/media?name=again.gif', method: 'POST', cookie: w.cookies.a, body: new Uint8Array(sampleGif({ screen: [2, 2] })) });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });
});
