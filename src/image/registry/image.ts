// Appending the models layer to a base image, as plain data: the new config (env, labels, working dir, history,
// diff_ids), the new manifest (base layers unchanged, plus the models layer) and the new index. Pure functions:
// the same base and the same layer give the same bytes, so the digests can be known before anything is pushed.
import { UsageError } from '../../util/errors.js';
import type { Instruction } from './dockerfile.js';
import {
  DOCKER_LIST,
  DOCKER_MANIFEST,
  layerTypeFor,
  OCI_INDEX,
  OCI_MANIFEST,
  type Descriptor,
  type ImageIndex,
  type ImageManifest,
  type Platform,
} from './media-types.js';

export interface ModelsLayer {
  /** sha256 of the gzip'ed tar: the blob digest, the same for every platform. */
  digest: string;
  /** sha256 of the tar: the diff_id in every config. */
  diffId: string;
  size: number;
}

/** The fields of an image config the builder reads or writes; the rest is carried over as it is. */
export interface ImageConfig {
  architecture?: string;
  os?: string;
  variant?: string;
  created?: string;
  config?: {
    Env?: string[] | null;
    Labels?: Record<string, string> | null;
    WorkingDir?: string;
    [key: string]: unknown;
  };
  rootfs?: { type: string; diff_ids: string[] };
  history?: Array<{ created?: string; created_by?: string; comment?: string; empty_layer?: boolean }>;
  [key: string]: unknown;
}

const COMMENT = 'spiff-models bake (registry builder)';

function setEnv(env: string[], key: string, value: string): string[] {
  const entry = `${key}=${value}`;
  const i = env.findIndex((e) => e === key || e.startsWith(`${key}=`));
  if (i < 0) return [...env, entry];
  const copy = [...env];
  copy[i] = entry;
  return copy;
}

/** posix join, for a relative WORKDIR (Docker resolves it against the current one). */
function resolveWorkdir(current: string, next: string): string {
  const joined = next.startsWith('/') ? next : `${current.replace(/\/$/, '') || ''}/${next}`;
  const parts: string[] = [];
  for (const p of joined.split('/')) {
    if (!p || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

/**
 * The base config with the template's instructions applied and the models layer appended: ENV sets or
 * replaces, LABEL merges, WORKDIR resolves, one history entry per instruction (only {{copy}} has a layer).
 * `created`: a fixed time (the commit's, or SOURCE_DATE_EPOCH) so equal input gives an equal config.
 */
export function appendToConfig(
  base: ImageConfig,
  instructions: Instruction[],
  layer: ModelsLayer,
  created: string | null,
): ImageConfig {
  const config = { ...(base.config ?? {}) };
  let env = [...(config.Env ?? [])];
  let labels = { ...(config.Labels ?? {}) };
  let workdir = config.WorkingDir ?? '';
  const history = [...(base.history ?? [])];
  const when = created ?? base.created;
  for (const ins of instructions) {
    if (ins.kind === 'env') for (const [k, v] of ins.pairs) env = setEnv(env, k, v);
    else if (ins.kind === 'label') labels = { ...labels, ...Object.fromEntries(ins.pairs) };
    else if (ins.kind === 'workdir') workdir = resolveWorkdir(workdir || '/', ins.path);
    history.push({
      ...(when ? { created: when } : {}),
      created_by: ins.text,
      comment: COMMENT,
      ...(ins.kind === 'copy' ? {} : { empty_layer: true }),
    });
  }
  config.Env = env;
  config.Labels = Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  if (workdir) config.WorkingDir = workdir;
  const out: ImageConfig = {
    ...base,
    config,
    rootfs: { type: 'layers', diff_ids: [...(base.rootfs?.diff_ids ?? []), layer.diffId] },
    history,
  };
  if (when) out.created = when;
  return out;
}

/** The base manifest with the new config and the models layer last; the base's annotations describe the base. */
export function appendToManifest(
  base: ImageManifest,
  manifestType: string,
  config: Descriptor,
  layer: ModelsLayer,
): ImageManifest {
  return {
    schemaVersion: 2,
    mediaType: manifestType,
    config,
    layers: [
      ...base.layers,
      { mediaType: layerTypeFor(manifestType), digest: layer.digest, size: layer.size },
    ],
  };
}

/** The index over the new per-platform manifests, in the base's family (OCI index or Docker manifest list). */
export function buildIndex(indexType: string, manifests: Descriptor[]): ImageIndex {
  return { schemaVersion: 2, mediaType: indexType, manifests };
}

/** The index type that goes with a manifest type, when the base was a single manifest. */
export function indexTypeFor(manifestType: string): string {
  return manifestType === DOCKER_MANIFEST ? DOCKER_LIST : OCI_INDEX;
}

export function isManifestType(t: string): boolean {
  return t === OCI_MANIFEST || t === DOCKER_MANIFEST;
}

/** `linux/amd64`, `linux/arm64/v8`, `linux/arm/v7`: parsed for --platform, with a message naming the input. */
export function parsePlatform(text: string, what: string): Platform {
  const parts = text.trim().split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !/^[a-z0-9_.-]+$/i.test(p))) {
    throw new UsageError(`${what} '${text}' is not OS/ARCH[/VARIANT] (e.g. linux/amd64, linux/arm64).`);
  }
  return { os: parts[0], architecture: parts[1], ...(parts[2] ? { variant: parts[2] } : {}) };
}

/** Docker's normalisation: arm64 means arm64/v8 when the variant is left out. */
export function platformMatches(wanted: Platform, actual: Platform): boolean {
  if (wanted.os !== actual.os || wanted.architecture !== actual.architecture) return false;
  if (!wanted.variant) return true;
  const variant = actual.variant ?? (actual.architecture === 'arm64' ? 'v8' : undefined);
  return wanted.variant === variant;
}

/** Canonical JSON bytes of a manifest, index or config (what is digested and pushed). */
export function encode(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}
