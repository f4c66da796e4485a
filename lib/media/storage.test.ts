// Both media storage backends through one contract: local disk (a temporary folder) and S3 through the
// real AWS SDK against a local S3-compatible stand-in (tools/testing/s3-stand-in.ts) that checks every
// request's SigV4 signature.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv, s3Config } from '@/lib/env';
import { DiskStorage, mediaKey, S3Storage, type MediaStorage } from '@/lib/media/storage';
import { S3StandIn } from '@/tools/testing/s3-stand-in';

const credentials = { bucket: 'livelens-media', accessKeyId: 'AKIASTANDIN', secretAccessKey: 'stand-in-secret-key', region: 'eu-central-1' };
const standIn = new S3StandIn(credentials);
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'livelens-media-'));

beforeAll(async () => {
  await standIn.start();
});
afterAll(async () => {
  await standIn.stop();
  fs.rmSync(folder, { recursive: true, force: true });
});

async function text(stream: ReadableStream<Uint8Array> | null): Promise<string | null> {
  return stream ? new Response(stream).text() : null;
}

const key = (n: number) => mediaKey(`ws${n}`, n.toString(16).padStart(64, '0'));

const backends: [string, () => MediaStorage][] = [
  ['disk', () => new DiskStorage(folder)],
  ['S3 (stand-in)', () => new S3Storage({ ...credentials, endpoint: standIn.endpoint })],
];

describe.each(backends)('%s storage', (_name, make) => {
  it('stores, reads whole and in ranges, and deletes', async () => {
    const storage = make();
    await storage.put(key(1), new TextEncoder().encode('hello media'), 'audio/mpeg');
    expect(await text(await storage.get(key(1)))).toBe('hello media');
    expect(await text(await storage.get(key(1), { start: 6, end: 10 }))).toBe('media');
    await storage.put(key(1), new TextEncoder().encode('hello media'), 'audio/mpeg'); // the same bytes again: no error
    await storage.delete(key(1));
    expect(await storage.get(key(1))).toBeNull();
    await storage.delete(key(1)); // already gone: no error
  });

  it('answers null for a key never stored, and refuses keys that are not "<workspace>/<sha256>"', async () => {
    const storage = make();
    expect(await storage.get(key(2))).toBeNull();
    await expect(storage.put('../../etc/passwd', new Uint8Array([1]), 'image/png')).rejects.toThrow(/not a media storage key/);
    await expect(storage.get('ws1/../../x')).rejects.toThrow(/not a media storage key/);
  });
});

describe('the S3 stand-in and settings', () => {
  it('stored the object under the bucket with its type, signed', async () => {
    const storage = new S3Storage({ ...credentials, endpoint: standIn.endpoint });
    await storage.put(key(3), new Uint8Array([1, 2, 3]), 'image/png');
    expect(standIn.objects.get(key(3))).toMatchObject({ contentType: 'image/png' });
    expect(standIn.requests.at(-1)).toMatchObject({ method: 'PUT', path: `/${credentials.bucket}/${key(3)}`, status: 200 });
  });

  it('refuses a client with the wrong secret (the stand-in really checks signatures)', async () => {
    const wrong = new S3Storage({ ...credentials, secretAccessKey: 'not-the-secret', endpoint: standIn.endpoint });
    await expect(wrong.put(key(4), new Uint8Array([1]), 'image/png')).rejects.toMatchObject({ name: 'SignatureDoesNotMatch' });
    expect(standIn.objects.has(key(4))).toBe(false);
  });

  it('is configured from S3_* settings, which must come together', () => {
    expect(s3Config(parseEnv({}))).toBeNull();
    expect(s3Config(parseEnv({ S3_BUCKET: 'media', S3_ACCESS_KEY_ID: 'a', S3_SECRET_ACCESS_KEY: 'b', S3_ENDPOINT: 'http://127.0.0.1:9000/' }))).toEqual({
      bucket: 'media', endpoint: 'http://127.0.0.1:9000', region: 'us-east-1', accessKeyId: 'a', secretAccessKey: 'b',
    });
    expect(() => parseEnv({ S3_BUCKET: 'media' })).toThrow(/S3_ACCESS_KEY_ID is required when S3_BUCKET is set/);
    expect(() => parseEnv({ S3_ENDPOINT: 'http://127.0.0.1:9000' })).toThrow(/S3_ENDPOINT is set but S3_BUCKET is not/);
    expect(() => parseEnv({ S3_BUCKET: 'Not_A_Bucket', S3_ACCESS_KEY_ID: 'a', S3_SECRET_ACCESS_KEY: 'b' })).toThrow(/S3_BUCKET must be a bucket name/);
  });
});
