// The registry builder: the base image's index (or manifest) is read from its registry, the one models layer is
// appended to every platform's config and manifest, and the result is pushed: blobs (mounted or copied, never
// pulled through an engine), configs, platform manifests and the index by digest, and the tags last, so no tag
// ever points at a partial image. Unchanged input (the same index digest already tagged) pushes nothing.
import type { Readable } from 'node:stream';
import { SetupError, UsageError } from '../../util/errors.js';
import { resolveAuth, type Credentials } from '../auth.js';
import { parseReference, printable, type ImageReference } from '../reference.js';
import type { Template } from '../template.js';
import { RegistryClient, RegistryError, sha256Digest, type ClientOptions } from './client.js';
import { checkTemplateForRegistry, readInstructions } from './dockerfile.js';
import {
  appendToConfig,
  appendToManifest,
  buildIndex,
  encode,
  isManifestType,
  platformMatches,
  type ImageConfig,
  type ModelsLayer,
} from './image.js';
import { writeModelsLayer, type LayerFile } from './layer.js';
import {
  formatPlatform,
  INDEX_TYPES,
  isAttestation,
  MANIFEST_TYPES,
  type Descriptor,
  type ImageIndex,
  type ImageManifest,
  type Platform,
} from './media-types.js';

export interface RegistryLog {
  info(message: string): void;
  warning(message: string): void;
  group<T>(title: string, fn: (line: (text: string) => void) => Promise<T>): Promise<T>;
}

/** What the registry builder needs from the bake plan: plain data and two functions of the base image. */
export interface RegistryBuildRequest {
  baseImage: string;
  /** The target repository (`127.0.0.1:5000/team/models`), validated and lower case. */
  image: string;
  /** Tags without the repository. */
  tags: string[];
  template: Template;
  /** The rendered Dockerfile for a platform, given its base env and extra labels (the input digest). */
  render(baseEnv: string[], extraLabels: Record<string, string>): string;
  /** The input digest label's value, from the base image's digest (index or manifest). */
  inputDigest(baseDigest: string): string;
  inputDigestLabel: string;
  /** The deterministic models tar (the same one the engine builder unpacks). */
  layerTar(): Readable;
  /** ISO time for config.created and the history; null keeps the base's. */
  created: string | null;
  /** null: every platform of the base. */
  platforms: Platform[] | null;
  /** false: read, build the layer and compute the digests, write nothing. */
  push: boolean;
  credentials: Credentials | null;
  insecureRegistries: string[];
  env: NodeJS.ProcessEnv;
  log: RegistryLog;
  /** Client knobs for tests (retry delays, chunk size). */
  client?: Pick<ClientOptions, 'retry' | 'chunkSize'>;
}

export interface PlatformImage {
  platform: Platform;
  manifestDigest: string;
  configDigest: string;
  /** The base manifest's layers (unchanged in the new one). */
  baseLayers: Descriptor[];
  config: ImageConfig;
}

export interface RegistryBuildResult {
  /** The index digest (or the manifest digest when the base is a single manifest). */
  digest: string;
  baseDigest: string;
  mediaType: string;
  layer: ModelsLayer;
  platforms: PlatformImage[];
  inputDigest: string;
  /** Labels of the first platform's config. */
  labels: Record<string, string>;
  /** Every tag already pointed at the digest: nothing was pushed. */
  unchanged: boolean;
  pushed: boolean;
  /** Blob bytes uploaded (the models layer, configs, copied base layers). */
  uploadedBytes: number;
  mounted: number;
  copied: number;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function parseJson<T>(bytes: Buffer, what: string): T {
  try {
    return JSON.parse(bytes.toString('utf8')) as T;
  } catch {
    throw new RegistryError(`${what} is not JSON.`, 200);
  }
}

function unknownType(what: string, mediaType: string): SetupError {
  return new SetupError(
    `${what} has media type '${printable(mediaType || '(none)')}', which the registry builder does not know: it ` +
      `reads OCI and Docker v2 image indexes and manifests (${[...INDEX_TYPES, ...MANIFEST_TYPES].join(', ')}). ` +
      `Use builder engine (--builder engine), or a base image pushed in one of those formats.`,
  );
}

function repoName(ref: ImageReference): string {
  return ref.path;
}

/** Which of the base's entries are built: platforms only (no attestations), filtered by --platform. */
export function selectPlatforms(
  entries: Descriptor[],
  wanted: Platform[] | null,
  base: string,
): Descriptor[] {
  const platforms = entries.filter((d) => !isAttestation(d));
  for (const d of platforms) {
    if (!MANIFEST_TYPES.includes(d.mediaType))
      throw unknownType(`an entry of the base image ${base}`, d.mediaType);
    if (!d.platform) {
      throw new SetupError(
        `an entry of the base image ${base} (${d.digest}) names no platform; use builder engine.`,
      );
    }
  }
  if (!wanted) return platforms;
  const chosen = platforms.filter((d) => wanted.some((w) => platformMatches(w, d.platform as Platform)));
  const missing = wanted.filter((w) => !platforms.some((d) => platformMatches(w, d.platform as Platform)));
  if (missing.length) {
    throw new UsageError(
      `the base image ${base} has no ${missing.map(formatPlatform).join(', ')} image; it has ` +
        `${platforms.map((d) => formatPlatform(d.platform as Platform)).join(', ') || 'no platform images'}. ` +
        `Fix --platform (action input: platforms).`,
    );
  }
  return chosen;
}

interface BaseImage {
  digest: string;
  /** The index type to write; null: the base is one manifest, and so is the result. */
  indexType: string | null;
  entries: Array<{
    descriptor: Descriptor | null;
    manifest: ImageManifest;
    manifestType: string;
    config: ImageConfig;
    configType: string;
  }>;
}

async function readBase(
  client: RegistryClient,
  ref: ImageReference,
  wanted: Platform[] | null,
  baseImage: string,
): Promise<BaseImage> {
  const repository = repoName(ref);
  const top = await client.getManifest(repository, ref.digest ?? ref.tag ?? 'latest');
  if (!top) {
    throw new SetupError(
      `the base image ${baseImage} is not in the registry ${ref.registry} (no manifest for ` +
        `${ref.digest ?? ref.tag ?? 'latest'} in ${repository}). Check the name and tag, and that the credentials ` +
        `may read it.`,
    );
  }
  const readEntry = async (descriptor: Descriptor | null, bytes: Buffer, manifestType: string) => {
    const manifest = parseJson<ImageManifest>(bytes, `the manifest of ${baseImage}`);
    if (!manifest.config?.digest || !Array.isArray(manifest.layers)) {
      throw new SetupError(
        `the manifest ${descriptor?.digest ?? ''} of ${baseImage} has no config or layers.`,
      );
    }
    const config = parseJson<ImageConfig>(
      await client.getBlob(repository, manifest.config.digest),
      `the config of ${baseImage}`,
    );
    return { descriptor, manifest, manifestType, config, configType: manifest.config.mediaType };
  };
  if (INDEX_TYPES.includes(top.mediaType)) {
    const index = parseJson<ImageIndex>(top.bytes, `the index of ${baseImage}`);
    const chosen = selectPlatforms(index.manifests ?? [], wanted, baseImage);
    if (!chosen.length) throw new SetupError(`the base image ${baseImage} lists no platform images.`);
    const entries = await mapLimit(chosen, 4, async (d) => {
      const m = await client.getManifest(repository, d.digest);
      if (!m)
        throw new SetupError(
          `the base image ${baseImage} lists ${d.digest}, which its registry does not have.`,
        );
      if (!isManifestType(m.mediaType))
        throw unknownType(`the ${formatPlatform(d.platform as Platform)} image of ${baseImage}`, m.mediaType);
      return readEntry(d, m.bytes, m.mediaType);
    });
    return { digest: top.digest, indexType: top.mediaType, entries };
  }
  if (isManifestType(top.mediaType)) {
    const entry = await readEntry(null, top.bytes, top.mediaType);
    const platform: Platform = {
      os: entry.config.os ?? 'linux',
      architecture: entry.config.architecture ?? 'amd64',
      ...(entry.config.variant ? { variant: entry.config.variant } : {}),
    };
    if (wanted && !wanted.some((w) => platformMatches(w, platform))) {
      throw new UsageError(
        `the base image ${baseImage} is a single ${formatPlatform(platform)} image; --platform asks for ` +
          `${wanted.map(formatPlatform).join(', ')}.`,
      );
    }
    entry.descriptor = { mediaType: top.mediaType, digest: top.digest, size: top.bytes.length, platform };
    return { digest: top.digest, indexType: null, entries: [entry] };
  }
  throw unknownType(`the base image ${baseImage}`, top.mediaType);
}

/** Reads the base, appends the models layer per platform, pushes (unless push is false); tags last. */
export async function registryBuild(request: RegistryBuildRequest): Promise<RegistryBuildResult> {
  const { log } = request;
  checkTemplateForRegistry(request.template);
  const baseRef = parseReference(request.baseImage, 'base image');
  const target = parseReference(request.image, 'image');
  const sameRegistry = baseRef.registry === target.registry;
  const targetAuth = await resolveAuth(target.registry, request.credentials, request.env);
  const clientOptions = {
    insecure: request.insecureRegistries,
    ...(request.client ?? {}),
  };
  // Retries and tokens: in the push group while it is open, else plain log lines (a failing read shows its tries).
  let sink: (line: string) => void = (line) => log.info(line);
  const detail = (line: string) => sink(line);
  const targetClient = new RegistryClient({
    registry: target.registry,
    auth: targetAuth,
    log: detail,
    ...clientOptions,
  });
  const baseClient = sameRegistry
    ? targetClient
    : new RegistryClient({
        registry: baseRef.registry,
        // The credentials given for pushing only apply to the registry pushed to.
        auth: await resolveAuth(baseRef.registry, null, request.env),
        log: detail,
        ...clientOptions,
      });
  baseClient.need(repoName(baseRef), 'pull');
  if (request.push) targetClient.need(repoName(target), 'pull', 'push');

  // The layer is built while the base is read: both are slow in different ways.
  const layerPromise = writeModelsLayer(request.layerTar());
  // Awaited below; until then a failure (a file changed while packing) must not count as unhandled.
  layerPromise.catch(() => undefined);
  let layer: LayerFile | null = null;
  try {
    const base = await readBase(baseClient, baseRef, request.platforms, request.baseImage).catch(
      async (err) => {
        await layerPromise.then((l) => l.remove()).catch(() => undefined);
        throw err;
      },
    );
    layer = await layerPromise;
    const inputDigest = request.inputDigest(base.digest);
    const digestLabel = { [request.inputDigestLabel]: inputDigest };
    const created = request.created;

    const platforms: PlatformImage[] = [];
    const configs = new Map<string, Buffer>();
    const manifests: Array<{ digest: string; bytes: Buffer; mediaType: string }> = [];
    const descriptors: Descriptor[] = [];
    for (const entry of base.entries) {
      const baseEnv = entry.config.config?.Env ?? [];
      const rendered = request.render(baseEnv, digestLabel);
      const instructions = readInstructions(rendered, request.template.source, baseEnv);
      const config = appendToConfig(entry.config, instructions, layer, created);
      const configBytes = encode(config);
      const configDigest = sha256Digest(configBytes);
      configs.set(configDigest, configBytes);
      const manifest = appendToManifest(
        entry.manifest,
        entry.manifestType,
        { mediaType: entry.configType, digest: configDigest, size: configBytes.length },
        layer,
      );
      const manifestBytes = encode(manifest);
      const manifestDigest = sha256Digest(manifestBytes);
      manifests.push({ digest: manifestDigest, bytes: manifestBytes, mediaType: entry.manifestType });
      const platform = entry.descriptor?.platform as Platform;
      descriptors.push({
        mediaType: entry.manifestType,
        digest: manifestDigest,
        size: manifestBytes.length,
        platform,
      });
      platforms.push({ platform, manifestDigest, configDigest, baseLayers: entry.manifest.layers, config });
    }
    const top = base.indexType
      ? (() => {
          const bytes = encode(buildIndex(base.indexType, descriptors));
          return { digest: sha256Digest(bytes), bytes, mediaType: base.indexType };
        })()
      : manifests[0];
    const result: RegistryBuildResult = {
      digest: top.digest,
      baseDigest: base.digest,
      mediaType: top.mediaType,
      layer: { digest: layer.digest, diffId: layer.diffId, size: layer.size },
      platforms,
      inputDigest,
      labels: (platforms[0]?.config.config?.Labels ?? {}) as Record<string, string>,
      unchanged: false,
      pushed: false,
      uploadedBytes: 0,
      mounted: 0,
      copied: 0,
    };
    const names = platforms.map((p) => formatPlatform(p.platform)).join(', ');
    log.info(
      `registry builder: ${request.baseImage} (${base.digest.slice(0, 19)}) + models layer ` +
        `${layer.digest.slice(0, 19)} (${layer.size} bytes) for ${names} -> ${top.digest.slice(0, 19)}`,
    );
    if (!request.push) {
      log.info(
        `not pushed (push is off): ${request.image}@${top.digest} would be tagged ${request.tags.join(', ')}`,
      );
      return result;
    }

    const repository = repoName(target);
    const current = await mapLimit(request.tags, 4, (tag) => targetClient.manifestDigest(repository, tag));
    if (current.every((d) => d === top.digest)) {
      result.unchanged = true;
      log.info(
        `unchanged input: ${request.image}:{${request.tags.join(',')}} already point at ${top.digest}; pushed nothing`,
      );
      return result;
    }
    await log
      .group(`Push ${request.image} (${names})`, async (line) => {
        sink = line;
        const exists = await targetClient.manifestDigest(repository, top.digest);
        if (exists !== top.digest) {
          // Blobs first: the models layer once, base layers once across platforms, then the configs.
          const baseLayers = new Map<string, Descriptor>();
          for (const p of platforms) for (const l of p.baseLayers) baseLayers.set(l.digest, l);
          const layerFile = layer as LayerFile;
          const blobs: Array<() => Promise<void>> = [
            async () => {
              if (await targetClient.hasBlob(repository, layerFile.digest)) return;
              await targetClient.uploadBlob(repository, layerFile.digest, layerFile.size, layerFile.source);
              result.uploadedBytes += layerFile.size;
              line(`models layer ${layerFile.digest.slice(0, 19)}: uploaded ${layerFile.size} bytes`);
            },
            ...[...baseLayers.values()].map((l) => async () => {
              if (await targetClient.hasBlob(repository, l.digest)) return;
              if (sameRegistry && (await targetClient.mountBlob(repository, l.digest, repoName(baseRef)))) {
                result.mounted++;
                line(`base layer ${l.digest.slice(0, 19)}: mounted from ${repoName(baseRef)}`);
                return;
              }
              await targetClient.uploadBlob(
                repository,
                l.digest,
                l.size,
                baseClient.blobSource(repoName(baseRef), l.digest),
              );
              result.copied++;
              result.uploadedBytes += l.size;
              line(
                `base layer ${l.digest.slice(0, 19)}: copied from ${baseRef.registry}/${repoName(baseRef)} (${l.size} bytes)`,
              );
            }),
            ...[...configs].map(([digest, bytes]) => async () => {
              if (await targetClient.hasBlob(repository, digest)) return;
              await targetClient.uploadBlob(repository, digest, bytes.length, async function* () {
                yield bytes;
              });
              result.uploadedBytes += bytes.length;
            }),
          ];
          await mapLimit(blobs, 4, (upload) => upload());
          for (const m of manifests)
            await targetClient.putManifest(repository, m.digest, m.mediaType, m.bytes);
          if (base.indexType)
            await targetClient.putManifest(repository, top.digest, top.mediaType, top.bytes);
          line(
            `${base.indexType ? 'index' : 'manifest'} ${top.digest} written (${manifests.length} platform manifest(s))`,
          );
        } else {
          line(`${top.digest} is already in ${repository}: only the tags are written`);
        }
        // Tags last: until here no tag names anything new, and each tag written names the complete image.
        for (const [i, tag] of request.tags.entries()) {
          if (current[i] === top.digest) continue;
          await targetClient.putManifest(repository, tag, top.mediaType, top.bytes);
          line(`tagged ${tag}`);
        }
      })
      .finally(() => {
        sink = (l) => log.info(l);
      });
    result.pushed = true;
    return result;
  } finally {
    if (layer) await layer.remove();
  }
}

export interface PushedExpectation {
  modelsDir: string;
  modelsDirEnv: string;
  /** label key -> value every config must carry (the revision labels). */
  labels: Record<string, string>;
}

/**
 * --verify without an engine: reads back what was pushed and checks it: the index lists exactly the built
 * platforms, each manifest is the base layers plus the models layer, each config ends with the models diff_id,
 * sets the models dir and carries the revision labels.
 */
export async function verifyPushed(
  request: RegistryBuildRequest,
  result: RegistryBuildResult,
  expected: PushedExpectation,
): Promise<string[]> {
  const target = parseReference(request.image, 'image');
  const repository = repoName(target);
  const client = new RegistryClient({
    registry: target.registry,
    auth: await resolveAuth(target.registry, request.credentials, request.env),
    insecure: request.insecureRegistries,
    ...(request.client ?? {}),
  });
  client.need(repository, 'pull');
  const fail = (what: string): never => {
    throw new RegistryVerifyError(`verify failed for ${request.image}@${result.digest}: ${what}`, null);
  };
  const top = await client.getManifest(repository, result.digest);
  if (!top) fail('the registry does not have it.');
  const checks: string[] = [];
  const wanted = new Map(result.platforms.map((p) => [p.manifestDigest, p]));
  if (INDEX_TYPES.includes((top as { mediaType: string }).mediaType)) {
    const index = parseJson<ImageIndex>((top as { bytes: Buffer }).bytes, 'the pushed index');
    const listed = index.manifests.map((d) => d.digest).sort();
    if (JSON.stringify(listed) !== JSON.stringify([...wanted.keys()].sort())) {
      fail(`the index lists ${listed.join(', ')}, expected ${[...wanted.keys()].join(', ')}.`);
    }
    if (index.manifests.some(isAttestation)) fail('the index lists an attestation manifest.');
    checks.push(`index lists ${result.platforms.map((p) => formatPlatform(p.platform)).join(', ')}`);
  }
  for (const p of result.platforms) {
    const name = formatPlatform(p.platform);
    const m = await client.getManifest(repository, p.manifestDigest);
    if (!m) fail(`the ${name} manifest ${p.manifestDigest} is missing.`);
    const manifest = parseJson<ImageManifest>((m as { bytes: Buffer }).bytes, `the ${name} manifest`);
    const layers = manifest.layers.map((l) => l.digest);
    const expectedLayers = [...p.baseLayers.map((l) => l.digest), result.layer.digest];
    if (JSON.stringify(layers) !== JSON.stringify(expectedLayers)) {
      fail(
        `the ${name} manifest's layers are ${layers.join(', ')}; expected the base layers plus ${result.layer.digest}.`,
      );
    }
    for (const digest of [...layers, manifest.config.digest]) {
      if (!(await client.hasBlob(repository, digest)))
        fail(`blob ${digest} of the ${name} image is missing.`);
    }
    const config = parseJson<ImageConfig>(
      await client.getBlob(repository, manifest.config.digest),
      `the ${name} config`,
    );
    const diffIds = config.rootfs?.diff_ids ?? [];
    if (diffIds[diffIds.length - 1] !== result.layer.diffId)
      fail(`the ${name} config's last diff_id is not the models layer's.`);
    const env = config.config?.Env ?? [];
    if (!env.includes(`${expected.modelsDirEnv}=${expected.modelsDir}`)) {
      fail(
        `the ${name} config does not set ${expected.modelsDirEnv}=${expected.modelsDir}. A custom template must keep {{env}}.`,
      );
    }
    const labels = config.config?.Labels ?? {};
    for (const [k, v] of Object.entries(expected.labels)) {
      if (labels[k] !== v)
        fail(`the ${name} config's label ${k} is '${labels[k] ?? '(unset)'}', expected '${v}'.`);
    }
    checks.push(`${name}: base layers + models layer, ${expected.modelsDirEnv}=${expected.modelsDir}`);
  }
  return checks;
}

export class RegistryVerifyError extends RegistryError {
  override name = 'RegistryVerifyError';
}
