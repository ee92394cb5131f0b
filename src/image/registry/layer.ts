// The models layer as a registry blob: the deterministic tar, gzip'ed with a fixed level and a fixed header (no
// name, mtime 0, OS byte fixed), written to a temporary file while both digests are computed: the blob digest
// (sha256 of the gzip) and the diff_id (sha256 of the tar). The same tar gives the same blob on every machine.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { ModelsLayer } from './image.js';
import type { BlobSource } from './client.js';

/** Fixed: another level gives other bytes, so another digest for the same models. */
export const GZIP_LEVEL = 6;
/** The gzip header's OS byte (RFC 1952): zlib writes the build host's; 3 (Unix) everywhere. */
const GZIP_OS_UNIX = 3;

export interface LayerFile extends ModelsLayer {
  file: string;
  /** Bytes of the uncompressed tar. */
  tarSize: number;
  source: BlobSource;
  remove(): Promise<void>;
}

function hashing(hash: ReturnType<typeof createHash>, count: { n: number }): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      count.n += chunk.length;
      done(null, chunk);
    },
  });
}

/** Sets the gzip header's OS byte (offset 9), wherever the chunk boundaries fall. */
function fixOsByte(): Transform {
  let offset = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (offset <= 9 && offset + chunk.length > 9) {
        chunk = Buffer.from(chunk);
        chunk[9 - offset] = GZIP_OS_UNIX;
      }
      offset += chunk.length;
      done(null, chunk);
    },
  });
}

/** Gzips `tar` into a temporary file; the caller removes it (remove()) when the push is done. */
export async function writeModelsLayer(tar: Readable): Promise<LayerFile> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'spiff-models-layer-'));
  const file = path.join(dir, 'layer.tar.gz');
  const tarHash = createHash('sha256');
  const gzHash = createHash('sha256');
  const tarCount = { n: 0 };
  const gzCount = { n: 0 };
  try {
    await pipeline(
      tar,
      hashing(tarHash, tarCount),
      zlib.createGzip({ level: GZIP_LEVEL }),
      fixOsByte(),
      hashing(gzHash, gzCount),
      createWriteStream(file),
    );
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  const size = (await stat(file)).size;
  return {
    digest: `sha256:${gzHash.digest('hex')}`,
    diffId: `sha256:${tarHash.digest('hex')}`,
    size,
    tarSize: tarCount.n,
    file,
    source: () => createReadStream(file),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
