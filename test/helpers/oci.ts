// Hand-written images straight to a test registry, with plain fetch (not the client under test): a two-platform
// base (amd64 runs: the test base's sh + git; arm64 is a small stand-in) plus a buildx-style attestation entry,
// and readers for what a bake pushed.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { TEST_BASE_ENV, testBaseLayerTar } from './docker.js';

export interface RawRegistry {
  /** http://127.0.0.1:<port> */
  url: string;
  /** An Authorization header value, or null. */
  authorization: string | null;
}

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
export const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip';
export const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
export const DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json';
export const DOCKER_LAYER = 'application/vnd.docker.image.rootfs.diff.tar.gzip';

/** Manifests and configs as the tests read them: plain JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON read back for assertions
export type Json = any;

export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export const digestOf = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

function headers(r: RawRegistry, extra: Record<string, string> = {}): Record<string, string> {
  return { ...(r.authorization ? { Authorization: r.authorization } : {}), ...extra };
}

export async function pushBlob(
  r: RawRegistry,
  repo: string,
  data: Buffer,
): Promise<{ digest: string; size: number }> {
  const digest = digestOf(data);
  const start = await fetch(`${r.url}/v2/${repo}/blobs/uploads/`, { method: 'POST', headers: headers(r) });
  if (start.status !== 202) throw new Error(`upload start ${start.status}: ${await start.text()}`);
  const location = new URL(start.headers.get('location') as string, r.url);
  location.searchParams.set('digest', digest);
  const put = await fetch(location, {
    method: 'PUT',
    headers: headers(r, { 'Content-Type': 'application/octet-stream' }),
    body: data,
  });
  if (put.status !== 201) throw new Error(`upload ${put.status}: ${await put.text()}`);
  return { digest, size: data.length };
}

export async function pushManifest(
  r: RawRegistry,
  repo: string,
  /** '' : by its digest. */
  ref: string,
  mediaType: string,
  body: unknown,
): Promise<{ digest: string; size: number; bytes: Buffer }> {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
  const res = await fetch(`${r.url}/v2/${repo}/manifests/${ref || digestOf(bytes)}`, {
    method: 'PUT',
    headers: headers(r, { 'Content-Type': mediaType }),
    body: bytes,
  });
  if (res.status !== 201) throw new Error(`manifest put ${res.status}: ${await res.text()}`);
  return { digest: digestOf(bytes), size: bytes.length, bytes };
}

const ACCEPT = [OCI_INDEX, DOCKER_LIST, OCI_MANIFEST, DOCKER_MANIFEST].join(', ');

export async function getManifest(
  r: RawRegistry,
  repo: string,
  ref: string,
): Promise<{ status: number; mediaType: string; digest: string; json: Json }> {
  const res = await fetch(`${r.url}/v2/${repo}/manifests/${ref}`, {
    headers: headers(r, { Accept: ACCEPT }),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) return { status: res.status, mediaType: '', digest: '', json: null };
  return {
    status: 200,
    mediaType: res.headers.get('content-type') ?? '',
    digest: digestOf(bytes),
    json: JSON.parse(bytes.toString('utf8')),
  };
}

export async function getBlob(r: RawRegistry, repo: string, digest: string): Promise<Buffer> {
  const res = await fetch(`${r.url}/v2/${repo}/blobs/${digest}`, { headers: headers(r) });
  if (res.status !== 200) throw new Error(`blob ${digest}: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

export async function tagsOf(r: RawRegistry, repo: string): Promise<string[]> {
  const res = await fetch(`${r.url}/v2/${repo}/tags/list`, { headers: headers(r) });
  if (res.status !== 200) return [];
  return (((await res.json()) as { tags?: string[] | null }).tags ?? []).sort();
}

async function tarOf(files: Record<string, string>): Promise<Buffer> {
  const pack = tar.pack();
  for (const [name, content] of Object.entries(files)) {
    pack.entry({ name, mode: 0o644, mtime: new Date(0), uid: 0, gid: 0 }, content);
  }
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

export interface PushedBase {
  reference: string;
  digest: string;
  /** By architecture: the manifest digest and its layer digests. */
  platforms: Record<string, { manifest: string; layers: string[]; config: Json }>;
  attestation: string;
}

/**
 * An OCI index (or, docker: true, a Docker manifest list) of linux/amd64 (runnable: the test base's files) and
 * linux/arm64/v8 (a stand-in layer), plus an attestation manifest for amd64 as buildx pushes one.
 */
export async function pushTwoPlatformBase(
  r: RawRegistry,
  host: string,
  repo: string,
  tag: string,
  options: { docker?: boolean } = {},
): Promise<PushedBase> {
  const docker = options.docker ?? false;
  const [manifestType, configType, layerType, indexType] = docker
    ? [DOCKER_MANIFEST, DOCKER_CONFIG, DOCKER_LAYER, DOCKER_LIST]
    : [OCI_MANIFEST, OCI_CONFIG, OCI_LAYER, OCI_INDEX];
  const amd64Tar = await testBaseLayerTar();
  const arm64Tar = await tarOf({ 'etc/arch': 'arm64\n', 'app/.keep': '' });
  const platforms: PushedBase['platforms'] = {};
  const entries: unknown[] = [];
  for (const [arch, layerTar, variant] of [
    ['amd64', amd64Tar, undefined],
    ['arm64', arm64Tar, 'v8'],
  ] as const) {
    const gz = gzipSync(layerTar);
    const layer = await pushBlob(r, repo, gz);
    const config = {
      architecture: arch,
      os: 'linux',
      ...(variant ? { variant } : {}),
      created: '2024-01-01T00:00:00Z',
      config: {
        Env: [...TEST_BASE_ENV, `BASE_ARCH=${arch}`],
        Cmd: ['/bin/sh'],
        WorkingDir: '/app',
        Labels: { 'org.example.base': 'test-base' },
      },
      rootfs: { type: 'layers', diff_ids: [digestOf(layerTar)] },
      history: [{ created: '2024-01-01T00:00:00Z', created_by: 'test base rootfs' }],
    };
    const configBlob = await pushBlob(r, repo, Buffer.from(JSON.stringify(config)));
    const manifest = await pushManifest(r, repo, '', manifestType, {
      schemaVersion: 2,
      mediaType: manifestType,
      config: { mediaType: configType, ...configBlob },
      layers: [{ mediaType: layerType, ...layer }],
    });
    platforms[arch] = { manifest: manifest.digest, layers: [layer.digest], config };
    entries.push({
      mediaType: manifestType,
      digest: manifest.digest,
      size: manifest.size,
      platform: { architecture: arch, os: 'linux', ...(variant ? { variant } : {}) },
    });
  }
  const statement = await pushBlob(r, repo, Buffer.from('{"_type":"https://in-toto.io/Statement/v0.1"}'));
  const emptyConfig = await pushBlob(r, repo, Buffer.from('{}'));
  const attestation = await pushManifest(r, repo, '', OCI_MANIFEST, {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: OCI_CONFIG, ...emptyConfig },
    layers: [
      {
        mediaType: 'application/vnd.in-toto+json',
        ...statement,
        annotations: { 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v0.2' },
      },
    ],
  });
  entries.push({
    mediaType: OCI_MANIFEST,
    digest: attestation.digest,
    size: attestation.size,
    platform: { architecture: 'unknown', os: 'unknown' },
    annotations: {
      'vnd.docker.reference.digest': platforms.amd64.manifest,
      'vnd.docker.reference.type': 'attestation-manifest',
    },
  });
  const index = await pushManifest(r, repo, tag, indexType, {
    schemaVersion: 2,
    mediaType: indexType,
    manifests: entries,
  });
  return {
    reference: `${host}/${repo}:${tag}`,
    digest: index.digest,
    platforms,
    attestation: attestation.digest,
  };
}
