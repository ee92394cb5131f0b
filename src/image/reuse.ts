// Whether an image found by its input-digest label is what this bake would produce: the base's layers plus one,
// our labels and env in its config, and the models layer's files (names, types, modes, owners, contents) equal to
// the plan's. A label alone proves nothing: anyone with the engine can set it.
import { createHash } from 'node:crypto';
import type Docker from 'dockerode';
import tar from 'tar-stream';
import { readImagePath, type Engine } from './engine.js';
import type { ContextEntry } from './context.js';
import type { BakePlan } from './plan.js';

export interface ReuseExpectation {
  plan: BakePlan;
  base: Docker.ImageInspectInfo;
  /** Every label of ours, the input digest included. */
  labels: Record<string, string>;
  /** The env this bake sets, as KEY=VALUE. */
  env: string[];
}

/** The engine's archive of the image path, by the plan's entry names (`app/process_models/...`). */
interface Seen {
  type: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  linkname: string;
  sha256: string;
  gitSha1: string;
  gitSha256: string;
}

function readArchive(parent: string, stream: NodeJS.ReadableStream): Promise<Map<string, Seen>> {
  const seen = new Map<string, Seen>();
  const extract = tar.extract();
  return new Promise((resolve, reject) => {
    extract.on('entry', (header, body, next) => {
      const sha256 = createHash('sha256');
      const gitSha1 = createHash('sha1').update(`blob ${header.size ?? 0}\0`);
      const gitSha256 = createHash('sha256').update(`blob ${header.size ?? 0}\0`);
      body.on('data', (d: unknown) => {
        const chunk = d as Buffer;
        sha256.update(chunk);
        gitSha1.update(chunk);
        gitSha256.update(chunk);
      });
      body.on('end', () => {
        const name = `${parent}${header.name.replace(/\/$/, '')}`;
        seen.set(name, {
          type: header.type ?? 'file',
          mode: (header.mode ?? 0) & 0o7777,
          uid: header.uid ?? -1,
          gid: header.gid ?? -1,
          size: header.size ?? 0,
          linkname: header.linkname ?? '',
          sha256: sha256.digest('hex'),
          gitSha1: gitSha1.digest('hex'),
          gitSha256: gitSha256.digest('hex'),
        });
        next();
      });
      body.resume();
    });
    extract.on('finish', () => resolve(seen));
    extract.on('error', reject);
    stream.on('error', reject);
    stream.pipe(extract);
  });
}

function sameEntry(e: ContextEntry, s: Seen | undefined): boolean {
  if (!s || s.uid !== 0 || s.gid !== 0) return false;
  if (e.type === 'directory') return s.type === 'directory' && s.mode === e.mode;
  if (e.type === 'symlink') return s.type === 'symlink' && s.linkname === e.linkname;
  if (s.type !== 'file' || s.mode !== e.mode || s.size !== e.size) return false;
  if (e.hash.startsWith('git:')) {
    const oid = e.hash.slice(4);
    return oid.length === 64 ? s.gitSha256 === oid : s.gitSha1 === oid;
  }
  return s.sha256 === e.hash;
}

/** Null when `candidate` is what this bake would produce; else why not (for the log). */
export async function whyNotReusable(
  engine: Engine,
  candidate: string,
  expected: ReuseExpectation,
): Promise<string | null> {
  const info = await engine.docker.getImage(candidate).inspect();
  const baseLayers = expected.base.RootFS?.Layers ?? [];
  const layers = info.RootFS?.Layers ?? [];
  if (layers.length !== baseLayers.length + 1 || baseLayers.some((l, i) => layers[i] !== l)) {
    return `its layers are not the base image's plus one models layer`;
  }
  const labels = info.Config?.Labels ?? {};
  for (const [key, value] of Object.entries(expected.labels)) {
    if (labels[key] !== value) return `label ${key} differs`;
  }
  if (expected.plan.template.source === 'the default template') {
    const allowed = { ...(expected.base.Config?.Labels ?? {}), ...expected.labels };
    const extra = Object.keys(labels).find((k) => allowed[k] !== labels[k]);
    if (extra) return `it has a label this bake does not set (${extra})`;
  }
  const env = new Set(info.Config?.Env ?? []);
  const missing = expected.env.find((e) => !env.has(e));
  if (missing) return `its env lacks ${missing.slice(0, missing.indexOf('='))}`;

  // The models layer: every path under the image path, compared with the plan's entries.
  const { layer } = expected.plan;
  const root = layer.imagePath.slice(1);
  const parent = root.includes('/') ? `${root.slice(0, root.lastIndexOf('/'))}/` : '';
  const seen = await readImagePath(engine, candidate, layer.imagePath, (stream) =>
    readArchive(parent, stream),
  );
  if (!seen) return `it has no ${layer.imagePath}`;
  const planned = layer.entries.filter((e) => e.name === root || e.name.startsWith(`${root}/`));
  if (seen.size !== planned.length)
    return `its ${layer.imagePath} holds ${seen.size} entries, the plan ${planned.length}`;
  const differs = planned.find((e) => !sameEntry(e, seen.get(e.name)));
  return differs ? `/${differs.name} differs from the plan` : null;
}
