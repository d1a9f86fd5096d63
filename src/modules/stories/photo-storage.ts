import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config.ts';

/**
 * Where photos live: outside the database, behind this small interface. Keys are made by the
 * service (`<organisation id>/<random id>.jpg`), never from user input.
 */
export interface PhotoStorage {
  readonly kind: 'disk' | 's3';
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The bytes, or undefined when there is no such object. */
  get(key: string): Promise<Buffer | undefined>;
  /** Deleting what is not there is not an error. */
  delete(key: string): Promise<void>;
}

const safeKey = /^[0-9a-f-]{36}\/[0-9a-f-]{36}\.jpg$/;

export function assertSafeKey(key: string): void {
  if (!safeKey.test(key)) throw new Error('Invalid photo key');
}

/** A folder under DATA_DIR; files are written to a temporary name first and then renamed, so a crash leaves no half photo. */
export class DiskPhotoStorage implements PhotoStorage {
  readonly kind = 'disk';
  constructor(readonly root: string) {}

  private file(key: string): string {
    assertSafeKey(key);
    return path.join(this.root, key);
  }

  async put(key: string, bytes: Buffer, _contentType?: string): Promise<void> {
    const file = this.file(key);
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(temp, bytes, { mode: 0o600 });
    await fs.rename(temp, file);
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      return await fs.readFile(this.file(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.file(key), { force: true });
  }
}

/** The storage the configuration asks for: the object store when S3_BUCKET is set, else DATA_DIR/photos. */
export async function createPhotoStorage(config: Pick<Config, 'dataDir' | 'photos'>): Promise<PhotoStorage> {
  if (config.photos.objectStore) {
    // Loaded only when used: the SDK is large.
    const { S3PhotoStorage } = await import('./s3-photo-storage.ts');
    return new S3PhotoStorage(config.photos.objectStore);
  }
  return new DiskPhotoStorage(path.join(config.dataDir, 'photos'));
}
