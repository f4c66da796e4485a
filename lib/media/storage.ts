// Where media bytes live: a folder under the data folder (LIVELENS_DATA_DIR/media) by default, or an
// S3-compatible bucket when S3_BUCKET is set (lib/env.ts). Keys are "<workspace id>/<sha256>", so a
// workspace's files never share an object with another's, and a key's content never changes (the serve
// routes cache it for a year).
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { getEnv, s3Config, type S3Config } from '@/lib/env';

/** Inclusive byte range, as HTTP's Range header counts. */
export type ByteRange = { start: number; end: number };

export interface MediaStorage {
  readonly name: 'disk' | 's3';
  put(key: string, data: Uint8Array, contentType: string): Promise<void>;
  /** The object's bytes (a range of them when asked), or null when there is no such object. */
  get(key: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null>;
  delete(key: string): Promise<void>;
}

const KEY = /^[A-Za-z0-9_-]{1,64}\/[a-f0-9]{64}$/;

export function mediaKey(workspaceId: string, sha256: string): string {
  const key = `${workspaceId}/${sha256}`;
  if (!KEY.test(key)) throw new Error(`not a media storage key: ${key}`);
  return key;
}

function checkKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`not a media storage key: ${key}`);
}

export class DiskStorage implements MediaStorage {
  readonly name = 'disk';
  constructor(readonly root: string) {}

  private file(key: string): string {
    checkKey(key);
    return path.join(this.root, ...key.split('/'));
  }

  async put(key: string, data: Uint8Array): Promise<void> {
    const file = this.file(key);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    // Written beside and renamed: a reader never sees half a file, and two uploads of one file agree.
    const temporary = `${file}.${process.pid}.${crypto.randomUUID()}.part`;
    await fs.promises.writeFile(temporary, data);
    await fs.promises.rename(temporary, file);
  }

  async get(key: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null> {
    const file = this.file(key);
    try {
      const handle = await fs.promises.open(file, 'r');
      const stream = handle.createReadStream(range ? { start: range.start, end: range.end } : {});
      return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.promises.rm(this.file(key), { force: true });
  }
}

export class S3Storage implements MediaStorage {
  readonly name = 's3';
  private readonly client: S3Client;
  constructor(private readonly config: S3Config) {
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      // An endpoint of our own (MinIO, Ceph, a test's stand-in) has no per-bucket host names.
      forcePathStyle: config.endpoint !== undefined,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      // The SDK's default CRC32 checksums since 3.729 are refused by several S3-compatible servers; send
      // and check them only where an operation requires them.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, data: Uint8Array, contentType: string): Promise<void> {
    checkKey(key);
    await this.client.send(new PutObjectCommand({ Bucket: this.config.bucket, Key: key, Body: data, ContentType: contentType, ContentLength: data.byteLength }));
  }

  async get(key: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null> {
    checkKey(key);
    try {
      const result = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }));
      return result.Body ? (result.Body.transformToWebStream() as ReadableStream<Uint8Array>) : null;
    } catch (error) {
      if (error instanceof NoSuchKey || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    checkKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: key }));
  }
}

let configured: { storage: MediaStorage; source: string } | undefined;

/** The storage the settings choose (one per process, made again when the settings change). */
export function mediaStorage(): MediaStorage {
  const env = getEnv();
  const s3 = s3Config(env);
  const source = s3 ? `s3:${s3.endpoint ?? ''}:${s3.bucket}:${s3.accessKeyId}` : `disk:${env.LIVELENS_DATA_DIR}`;
  if (configured?.source !== source) {
    configured = { source, storage: s3 ? new S3Storage(s3) : new DiskStorage(path.resolve(env.LIVELENS_DATA_DIR, 'media')) };
  }
  return configured.storage;
}
