// The registry builder's pure parts: WWW-Authenticate parsing, loopback detection, templates it can and cannot
// apply, Docker's word rules, config/manifest/index building, platform selection (attestations are not
// platforms), and the deterministic gzip of the models layer.
import { describe, expect, it } from '@jest/globals';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { UsageError } from '../../src/util/errors.js';
import { parseChallenges } from '../../src/image/registry/challenge.js';
import { isLoopback, registryBaseUrl } from '../../src/image/registry/client.js';
import {
  checkTemplateForRegistry,
  readInstructions,
  splitWords,
} from '../../src/image/registry/dockerfile.js';
import {
  appendToConfig,
  appendToManifest,
  parsePlatform,
  platformMatches,
} from '../../src/image/registry/image.js';
import { writeModelsLayer } from '../../src/image/registry/layer.js';
import { selectPlatforms } from '../../src/image/registry/build.js';
import { DEFAULT_TEMPLATE, renderTemplate } from '../../src/image/template.js';
import { createHash } from 'node:crypto';

describe('WWW-Authenticate challenges', () => {
  it.each([
    [
      'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:org/x:pull"',
      [
        {
          scheme: 'bearer',
          params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:org/x:pull' },
        },
      ],
    ],
    ['Basic realm="Registry Realm"', [{ scheme: 'basic', params: { realm: 'Registry Realm' } }]],
    [
      'Bearer realm="http://a/t", error="insufficient_scope", Basic realm="x"',
      [
        { scheme: 'bearer', params: { realm: 'http://a/t', error: 'insufficient_scope' } },
        { scheme: 'basic', params: { realm: 'x' } },
      ],
    ],
    ['Bearer realm=unquoted,service=s', [{ scheme: 'bearer', params: { realm: 'unquoted', service: 's' } }]],
    ['', []],
  ])('%s', (header, expected) => {
    expect(parseChallenges(header)).toEqual(expected);
  });
});

describe('plain HTTP only for loopback and listed registries', () => {
  it.each([
    ['127.0.0.1:5000', true, 'http://127.0.0.1:5000'],
    ['127.1.2.3', true, 'http://127.1.2.3'],
    ['[::1]:5000', true, 'http://[::1]:5000'],
    ['localhost:5000', true, 'http://localhost:5000'],
    ['ghcr.io', false, 'https://ghcr.io'],
    ['128.0.0.1:5000', false, 'https://128.0.0.1:5000'],
    ['docker.io', false, 'https://registry-1.docker.io'],
  ])('%s', (registry, loopback, url) => {
    expect(isLoopback(registry)).toBe(loopback);
    expect(registryBaseUrl(registry)).toBe(url);
  });
  it('a listed insecure registry speaks http', () => {
    expect(registryBaseUrl('registry.lan:5000', ['registry.lan:5000'])).toBe('http://registry.lan:5000');
  });
});

const template = (text: string) => ({ text, source: 'Dockerfile.custom' });

describe('templates the registry builder can apply', () => {
  it.each([
    ['the default template', DEFAULT_TEMPLATE],
    [
      'WORKDIR and own ENV/LABEL',
      'FROM {{base_image}}\nWORKDIR /app\nENV A=1\nLABEL team=x\n{{env}}\n{{copy}}\n{{labels}}\n',
    ],
    ['placeholders written with spaces', 'FROM {{ base_image }}\n{{ env }}\n{{ copy }}\n{{ labels }}\n'],
    ['comments and continuations', '# x\nFROM {{base_image}}\nENV A=1 \\\n  B=2\n{{copy}}\n'],
  ])('accepts %s', (_name, text) => {
    expect(() => checkTemplateForRegistry(template(text))).not.toThrow();
  });

  it.each([
    [
      'RUN',
      'FROM {{base_image}}\n{{copy}}\nRUN chmod -R a-w /app\n',
      /Dockerfile\.custom:3: RUN cannot be applied without a Docker Engine/,
    ],
    ['USER', 'FROM {{base_image}}\nUSER 1000\n{{copy}}\n', /:2: USER cannot be applied/],
    ['a second stage', 'FROM {{base_image}}\n{{copy}}\nFROM alpine\n', /:3: a second FROM/],
    ['another base', 'FROM alpine:3\n{{copy}}\n', /:1: FROM alpine:3 is not FROM \{\{base_image\}\}/],
    [
      'COPY of other files',
      'FROM {{base_image}}\n{{copy}}\nCOPY extra /x\n',
      /:3: COPY extra \/x copies files/,
    ],
  ])('refuses %s, saying why and what to do', (_name, text, message) => {
    const run = () => checkTemplateForRegistry(template(text));
    expect(run).toThrow(UsageError);
    expect(run).toThrow(message);
    expect(run).toThrow(/Use builder engine \(--builder engine\)/);
  });
});

describe("Docker's word rules", () => {
  const env = new Map([
    ['HOME', '/root'],
    ['EMPTY', ''],
  ]);
  it.each([
    ['a=1 b="two words"', ['a=1', 'b=two words']],
    ['x="a\\"b\\$c\\\\d"', ['x=a"b$c\\d']],
    ["x='$HOME'", ['x=$HOME']],
    ['x=$HOME/y', ['x=/root/y']],
    ['x=${HOME}z', ['x=/rootz']],
    ['x=${EMPTY:-dflt} y=${HOME:+set}', ['x=dflt', 'y=set']],
    ['x=\\$HOME', ['x=$HOME']],
  ])('%s', (input, words) => {
    expect(splitWords(input, env, 'test')).toEqual(words);
  });
});

describe('config, manifest and index', () => {
  const layer = { digest: 'sha256:' + 'a'.repeat(64), diffId: 'sha256:' + 'b'.repeat(64), size: 42 };
  const base = {
    architecture: 'arm64',
    os: 'linux',
    created: '2020-01-01T00:00:00Z',
    config: { Env: ['PATH=/bin', 'A=base'], Labels: { base: 'yes' }, WorkingDir: '/app', Cmd: ['./boot'] },
    rootfs: { type: 'layers', diff_ids: ['sha256:' + 'c'.repeat(64)] },
    history: [{ created_by: 'base' }],
  };

  it('applies the rendered default template: env appended or replaced, labels merged, history per line', () => {
    const rendered = renderTemplate(
      { text: 'FROM {{base_image}}\nWORKDIR sub\n{{env}}\n{{copy}}\n{{labels}}\n', source: 't' },
      {
        baseImage: 'b',
        labels: { 'io.x': 'say "hi" $HOME' },
        env: [
          ['A', 'models'],
          ['NEW', '$A'],
        ],
        modelsDir: '/app/process_models',
        revision: '',
        shortRevision: '',
      },
    );
    const config = appendToConfig(
      base,
      readInstructions(rendered, 't', base.config.Env),
      layer,
      '2024-05-01T00:00:00.000Z',
    );
    expect(config.config?.Env).toEqual(['PATH=/bin', 'A=models', 'NEW=$A']);
    expect(config.config?.Labels).toEqual({ base: 'yes', 'io.x': 'say "hi" $HOME' });
    expect(config.config?.WorkingDir).toBe('/app/sub');
    expect(config.config?.Cmd).toEqual(['./boot']);
    expect(config.rootfs?.diff_ids).toEqual([base.rootfs.diff_ids[0], layer.diffId]);
    expect(config.created).toBe('2024-05-01T00:00:00.000Z');
    expect(config.history?.map((h) => [h.created_by?.split(' ')[0], h.empty_layer ?? false])).toEqual([
      ['base', false],
      ['WORKDIR', true],
      ['ENV', true],
      ['ADD', false],
      ['LABEL', true],
    ]);
    expect(config.architecture).toBe('arm64');
  });

  it('appends the models layer in the manifest family (Docker or OCI)', () => {
    const baseManifest = {
      schemaVersion: 2 as const,
      config: { mediaType: 'c', digest: 'sha256:1', size: 1 },
      layers: [
        { mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', digest: 'sha256:2', size: 2 },
      ],
      annotations: { 'org.opencontainers.image.created': 'base time' },
    };
    const config = { mediaType: 'c', digest: 'sha256:3', size: 3 };
    const docker = appendToManifest(
      baseManifest,
      'application/vnd.docker.distribution.manifest.v2+json',
      config,
      layer,
    );
    expect(docker.layers.map((l) => l.mediaType)).toEqual([
      'application/vnd.docker.image.rootfs.diff.tar.gzip',
      'application/vnd.docker.image.rootfs.diff.tar.gzip',
    ]);
    expect(docker.annotations).toBeUndefined();
    const oci = appendToManifest(baseManifest, 'application/vnd.oci.image.manifest.v1+json', config, layer);
    expect(oci.layers[1].mediaType).toBe('application/vnd.oci.image.layer.v1.tar+gzip');
    expect(oci.config).toEqual(config);
  });

  const entries = [
    {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: 'sha256:amd',
      size: 1,
      platform: { os: 'linux', architecture: 'amd64' },
    },
    {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: 'sha256:arm',
      size: 1,
      platform: { os: 'linux', architecture: 'arm64' },
    },
    {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: 'sha256:att',
      size: 1,
      platform: { os: 'unknown', architecture: 'unknown' },
      annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
    },
  ];

  it.each([
    [null, ['sha256:amd', 'sha256:arm']],
    [['linux/arm64'], ['sha256:arm']],
    [['linux/arm64/v8'], ['sha256:arm']],
    [
      ['linux/amd64', 'linux/arm64'],
      ['sha256:amd', 'sha256:arm'],
    ],
  ])('platforms %j: attestation entries are never built', (wanted, digests) => {
    const chosen = selectPlatforms(entries, wanted?.map((w) => parsePlatform(w, 'p')) ?? null, 'base');
    expect(chosen.map((d) => d.digest)).toEqual(digests);
  });

  it('an absent platform is refused, listing what the base has', () => {
    expect(() => selectPlatforms(entries, [parsePlatform('linux/s390x', 'p')], 'base:v1')).toThrow(
      /base:v1 has no linux\/s390x image; it has linux\/amd64, linux\/arm64/,
    );
  });

  it('an entry of unknown media type is refused naming it', () => {
    const odd = [{ ...entries[0], mediaType: 'application/vnd.example+json' }];
    expect(() => selectPlatforms(odd, null, 'base')).toThrow(
      /application\/vnd\.example\+json.*builder engine/,
    );
  });

  it.each(['linux', 'linux/amd64/v1/x', 'linux/am d64'])('--platform %s is refused', (p) => {
    expect(() => parsePlatform(p, '--platform')).toThrow(/OS\/ARCH\[\/VARIANT\]/);
  });

  it('arm64 without a variant means v8', () => {
    expect(
      platformMatches(parsePlatform('linux/arm64/v8', 'p'), { os: 'linux', architecture: 'arm64' }),
    ).toBe(true);
    expect(
      platformMatches(parsePlatform('linux/arm/v7', 'p'), {
        os: 'linux',
        architecture: 'arm',
        variant: 'v6',
      }),
    ).toBe(false);
  });
});

describe('the models layer blob', () => {
  const tarBytes = Buffer.alloc(10240, 7);
  it('is the same gzip for the same tar, with digest and diff_id of gzip and tar', async () => {
    const a = await writeModelsLayer(Readable.from([tarBytes]));
    const b = await writeModelsLayer(Readable.from([tarBytes.subarray(0, 3), tarBytes.subarray(3)]));
    try {
      expect(a.digest).toBe(b.digest);
      expect(a.diffId).toBe(`sha256:${createHash('sha256').update(tarBytes).digest('hex')}`);
      const chunks: Buffer[] = [];
      for await (const c of a.source()) chunks.push(Buffer.from(c));
      const gz = Buffer.concat(chunks);
      expect(`sha256:${createHash('sha256').update(gz).digest('hex')}`).toBe(a.digest);
      // no name, mtime 0, OS byte 3
      expect([...gz.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
      expect(gunzipSync(gz).equals(tarBytes)).toBe(true);
    } finally {
      await a.remove();
      await b.remove();
    }
  });
});

describe('registryBuild without a reachable registry', () => {
  it('a layer that fails early while the base is still being read is no unhandled rejection', async () => {
    const { freePort } = await import('../helpers/docker.js');
    const { registryBuild } = await import('../../src/image/registry/build.js');
    const port = await freePort();
    const failing = new Readable({
      read() {
        this.destroy(new Error('file changed while packing'));
      },
    });
    const error = await registryBuild({
      baseImage: `127.0.0.1:${port}/base/backend:v1`,
      image: `127.0.0.1:${port}/team/models`,
      tags: ['main'],
      template: { text: DEFAULT_TEMPLATE, source: 'the default template' },
      render: () => '',
      inputDigest: () => 'sha256:0',
      inputDigestLabel: 'x',
      layerTar: () => failing,
      created: null,
      platforms: null,
      push: true,
      credentials: null,
      insecureRegistries: [],
      env: { PATH: process.env.PATH, DOCKER_CONFIG: '/nonexistent' },
      log: { info: () => undefined, warning: () => undefined, group: (_t, fn) => fn(() => undefined) },
      client: { retry: { attempts: 3, delayMs: 100 } },
    }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/cannot reach the registry 127\.0\.0\.1:\d+ .* after 3 tries/);
  });
});
