// The models layer as a deterministic tar from the plan: sorted entries, fixed mtimes, uid/gid 0, rooted at `/`.
// The engine builder unpacks it (ADD rootfs.tar /); the registry builder pushes it as the image's last layer.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { packRootfs } from './context.js';
import type { LayerSpec } from './plan.js';

/** The layer's tar stream: the same bytes for the same plan. */
export function layerTar(layer: LayerSpec): Readable {
  // tar-stream's Pack is a streamx Readable: wrapped so consumers get a Node stream.
  return Readable.from(packRootfs(layer, layer.mtime) as AsyncIterable<Buffer>, { objectMode: false });
}

/** sha256 and size of the uncompressed layer tar: its OCI diff_id (and, uncompressed, its blob digest). */
export async function layerDigest(layer: LayerSpec): Promise<{ digest: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of layerTar(layer)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { digest: `sha256:${hash.digest('hex')}`, size };
}
