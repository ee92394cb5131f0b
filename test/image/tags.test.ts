// Tags and image references, table-driven like docker/metadata-action's own tests.
import { describe, expect, it } from '@jest/globals';
import { parseImageName, parseReference } from '../../src/image/reference.js';
import { parseSemver, planTags, sanitizeTag, type TagSource } from '../../src/image/tags.js';
import { UsageError } from '../../src/util/errors.js';

const SHA = '3f8e9a1b2c3d4e5f60718293a4b5c6d7e8f90a1b';
const source = (over: Partial<TagSource>): TagSource => ({
  image: 'ghcr.io/org/models',
  sha: SHA,
  ref: null,
  defaultBranch: 'main',
  extraTags: [],
  ...over,
});

describe('planTags', () => {
  const cases: Array<[string, Partial<TagSource>, string[], string]> = [
    [
      'default branch: branch, latest, sha',
      { ref: 'refs/heads/main' },
      ['main', 'latest', 'sha-3f8e9a1'],
      'main',
    ],
    ['other branch: no latest', { ref: 'refs/heads/develop' }, ['develop', 'sha-3f8e9a1'], 'develop'],
    [
      'branch with slashes is sanitized',
      { ref: 'refs/heads/feature/New Form#2' },
      ['feature-New-Form-2', 'sha-3f8e9a1'],
      'feature-New-Form-2',
    ],
    [
      'unknown default branch: no latest',
      { ref: 'refs/heads/main', defaultBranch: null },
      ['main', 'sha-3f8e9a1'],
      'main',
    ],
    [
      'release tag vX.Y.Z',
      { ref: 'refs/tags/v1.2.3' },
      ['1.2.3', '1.2', '1', 'latest', 'sha-3f8e9a1'],
      '1.2.3',
    ],
    [
      'release tag without v',
      { ref: 'refs/tags/2.0.0' },
      ['2.0.0', '2.0', '2', 'latest', 'sha-3f8e9a1'],
      '2.0.0',
    ],
    [
      '0.x: no major-only tag',
      { ref: 'refs/tags/v0.4.1' },
      ['0.4.1', '0.4', 'latest', 'sha-3f8e9a1'],
      '0.4.1',
    ],
    [
      'pre-release: the version only, no latest',
      { ref: 'refs/tags/v2.0.0-rc.1' },
      ['2.0.0-rc.1', 'sha-3f8e9a1'],
      '2.0.0-rc.1',
    ],
    [
      'build metadata dropped',
      { ref: 'refs/tags/v1.0.0+build.7' },
      ['1.0.0', '1.0', '1', 'latest', 'sha-3f8e9a1'],
      '1.0.0',
    ],
    [
      'non-semver tag kept sanitized',
      { ref: 'refs/tags/release/2024-05' },
      ['release-2024-05', 'sha-3f8e9a1'],
      'release-2024-05',
    ],
    ['pull request', { ref: 'refs/pull/42/merge' }, ['pr-42', 'sha-3f8e9a1'], 'pr-42'],
    ['detached HEAD: sha only', { ref: null }, ['sha-3f8e9a1'], 'sha-3f8e9a1'],
    [
      'extra tags after, duplicates dropped',
      { ref: 'refs/heads/main', extraTags: ['prod', 'main', 'prod'] },
      ['main', 'latest', 'sha-3f8e9a1', 'prod'],
      'main',
    ],
    ['no git at all: latest', { ref: null, sha: null }, ['latest'], 'latest'],
    ['no git, extra tag', { ref: null, sha: null, extraTags: ['v7'] }, ['v7'], 'v7'],
  ];
  it.each(cases)('%s', (_name, over, tags, version) => {
    const plan = planTags(source(over));
    expect(plan.tags).toEqual(tags);
    expect(plan.references).toEqual(tags.map((t) => `ghcr.io/org/models:${t}`));
    expect(plan.version).toBe(version);
  });

  it.each([['bad tag!'], ['-lead'], ['.dot'], ['x'.repeat(129)], ['repo:tag'], ['a\nb']])(
    'refuses the extra tag %j',
    (tag) => {
      expect(() => planTags(source({ extraTags: [tag] }))).toThrow(UsageError);
    },
  );
});

describe('sanitizeTag', () => {
  it.each([
    ['main', 'main'],
    ['feature/x', 'feature-x'],
    ['..hidden', 'hidden'],
    ['-dash', 'dash'],
    ['ünïcode/naïve', 'n-code-na-ve'],
    ['a'.repeat(200), 'a'.repeat(128)],
  ])('%s -> %s', (input, output) => expect(sanitizeTag(input)).toBe(output));
});

describe('parseSemver', () => {
  it.each([
    ['v1.2.3', { major: 1, minor: 2, patch: 3, prerelease: null, version: '1.2.3' }],
    ['1.0.0-beta.2', { major: 1, minor: 0, patch: 0, prerelease: 'beta.2', version: '1.0.0-beta.2' }],
  ])('%s', (tag, parsed) => expect(parseSemver(tag)).toEqual(parsed));
  it.each([['v1.2'], ['01.2.3'], ['release'], ['v1.2.3.4']])('%s is not semver', (tag) =>
    expect(parseSemver(tag)).toBeNull(),
  );
});

describe('image references', () => {
  it.each([
    [
      'ghcr.io/sartography/spiffworkflow-backend:v1.0.0',
      'ghcr.io',
      'ghcr.io/sartography/spiffworkflow-backend',
      'v1.0.0',
      null,
    ],
    ['127.0.0.1:5000/team/models', '127.0.0.1:5000', '127.0.0.1:5000/team/models', null, null],
    ['localhost/models:1', 'localhost', 'localhost/models', '1', null],
    ['busybox', 'docker.io', 'busybox', null, null],
    ['org/app@sha256:' + 'a'.repeat(64), 'docker.io', 'org/app', null, 'sha256:' + 'a'.repeat(64)],
  ])('%s', (ref, registry, repository, tag, digest) => {
    expect(parseReference(ref, 'x')).toMatchObject({ registry, repository, tag, digest });
  });

  it.each([['Upper/Case'], ['has space'], ['x:bad tag'], ['a//b'], ['ghcr.io/org/x@sha256:zz'], ['']])(
    'refuses %j with a message naming the input',
    (ref) => {
      expect(() => parseReference(ref, '--base-image')).toThrow(
        /--base-image '.*' is not a valid image reference/,
      );
    },
  );

  it('lower-cases an image name (GitHub repositories often are not) and refuses a tag in it', () => {
    expect(parseImageName('ghcr.io/Org/Models', 'image').repository).toBe('ghcr.io/org/models');
    expect(() => parseImageName('ghcr.io/org/models:v1', 'image')).toThrow(
      /image 'ghcr.io\/org\/models:v1' names a tag or digest.*--tag/,
    );
  });
});
