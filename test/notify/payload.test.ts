import { describe, expect, test } from '@jest/globals';
import {
  deployPayload,
  minimalHeadCommit,
  normalizeRef,
  pingPayload,
  pushPayload,
  repositoryFromGitHub,
  repositoryFromUrl,
  spiffWebhookUrl,
  withOverrides,
  ZERO_SHA,
} from '../../src/notify/payload.js';

const SHA = 'a'.repeat(40);
const BEFORE = 'b'.repeat(40);

describe('spiff webhook URL', () => {
  test.each([
    ['https://dev.example.com', 'https://dev.example.com/v1.0/github-webhook-receive'],
    ['https://dev.example.com/', 'https://dev.example.com/v1.0/github-webhook-receive'],
    ['https://dev.example.com/api', 'https://dev.example.com/api/v1.0/github-webhook-receive'],
    ['https://dev.example.com/api/v1.0', 'https://dev.example.com/api/v1.0/github-webhook-receive'],
    ['https://h/v1.0/github-webhook-receive', 'https://h/v1.0/github-webhook-receive'],
    ['https://h/api/v1.0/github-webhook-receive/', 'https://h/api/v1.0/github-webhook-receive'],
    ['http://127.0.0.1:7000?x=1', 'http://127.0.0.1:7000/v1.0/github-webhook-receive?x=1'],
  ])('%s -> %s', (given, expected) => {
    expect(spiffWebhookUrl(given)).toBe(expected);
  });
});

describe('refs', () => {
  test.each([
    ['main', 'refs/heads/main'],
    ['release/2.0', 'refs/heads/release/2.0'],
    ['refs/heads/main', 'refs/heads/main'],
    ['refs/tags/v1', 'refs/tags/v1'],
  ])('%s -> %s', (given, expected) => expect(normalizeRef(given)).toBe(expected));
});

describe('repository URLs', () => {
  const github = {
    name: 'models',
    full_name: 'acme/models',
    owner: 'acme',
    html_url: 'https://github.com/acme/models',
    clone_url: 'https://github.com/acme/models.git',
    git_url: 'git://github.com/acme/models.git',
    ssh_url: 'git@github.com:acme/models.git',
  };

  test('derive from GITHUB_SERVER_URL and GITHUB_REPOSITORY like GitHub does', () => {
    expect(repositoryFromGitHub('https://github.com', 'acme/models')).toEqual(github);
    expect(repositoryFromGitHub('https://ghe.example.com/', 'acme/models').ssh_url).toBe(
      'git@ghe.example.com:acme/models.git',
    );
  });

  test.each([
    ['https://github.com/acme/models', github],
    ['https://github.com/acme/models.git', github],
    ['https://github.com/acme/models/', github],
    ['https://user:token@github.com/acme/models.git', github],
    ['git@github.com:acme/models.git', github],
    ['git@github.com:acme/models', { ...github, ssh_url: 'git@github.com:acme/models' }],
    ['ssh://git@github.com/acme/models.git', { ...github, ssh_url: 'ssh://git@github.com/acme/models.git' }],
    ['git://github.com/acme/models.git', github],
  ])('from %s', (given, expected) => {
    expect(repositoryFromUrl(given)).toEqual(expected);
  });

  test('a path on disk fills every clone slot as given', () => {
    const repo = repositoryFromUrl('/srv/git/models.git');
    expect(repo).toMatchObject({
      name: 'models',
      clone_url: '/srv/git/models.git',
      git_url: '/srv/git/models.git',
    });
    expect(repo.ssh_url).toBe('/srv/git/models.git');
  });

  test('nested groups keep their whole path', () => {
    expect(repositoryFromUrl('https://gitlab.example.com/g/sub/models').ssh_url).toBe(
      'git@gitlab.example.com:g/sub/models.git',
    );
  });

  test('per-environment overrides replace only what they name', () => {
    const repo = withOverrides(github, { clone_url: 'https://github.com/acme/models' });
    expect(repo).toEqual({ ...github, clone_url: 'https://github.com/acme/models' });
  });

  test('an empty URL or one without a repository path is a usage error', () => {
    expect(() => repositoryFromUrl(' ')).toThrow(/empty/);
    expect(() => repositoryFromUrl('https://github.com/')).toThrow(/names no repository/);
  });
});

describe('payloads', () => {
  const repo = repositoryFromGitHub('https://github.com', 'acme/models');
  const pusher = { name: 'dana', email: 'dana@example.com' };

  test('a push event carries what the backend reads, in GitHub shape', () => {
    const head = minimalHeadCommit(SHA, pusher, new Date('2024-01-02T03:04:05Z'));
    const p = pushPayload(
      { ref: 'refs/heads/main', before: BEFORE, after: SHA, pusher, sender: 'dana', headCommit: head },
      repo,
    );
    expect(p).toMatchObject({
      ref: 'refs/heads/main',
      before: BEFORE,
      after: SHA,
      created: false,
      compare: `https://github.com/acme/models/compare/${BEFORE.slice(0, 12)}...${SHA.slice(0, 12)}`,
      repository: {
        name: 'models',
        full_name: 'acme/models',
        html_url: repo.html_url,
        clone_url: repo.clone_url,
        git_url: repo.git_url,
        ssh_url: repo.ssh_url,
      },
      pusher,
      sender: { login: 'dana' },
      head_commit: {
        id: SHA,
        url: `https://github.com/acme/models/commit/${SHA}`,
        timestamp: '2024-01-02T03:04:05.000Z',
      },
    });
    expect(p).not.toHaveProperty('zen');
    expect(p).not.toHaveProperty('hook_id');
  });

  test('a push from the zero sha is a created branch', () => {
    const head = minimalHeadCommit(SHA, pusher, new Date(0));
    const p = pushPayload(
      { ref: 'refs/heads/x', before: ZERO_SHA, after: SHA, pusher, sender: null, headCommit: head },
      repo,
    );
    expect(p.created).toBe(true);
    expect(p).not.toHaveProperty('sender');
  });

  test('a ping has zen and hook_id, and the repository URLs the backend checks first', () => {
    const p = pingPayload(repo, 'https://dev/v1.0/github-webhook-receive', null);
    expect(p).toHaveProperty('zen');
    expect(p).toHaveProperty('hook_id');
    expect(p.repository).toMatchObject({
      clone_url: repo.clone_url,
      git_url: repo.git_url,
      ssh_url: repo.ssh_url,
    });
  });

  test('a deploy hook body is exactly environment, image, digest, tags, revision', () => {
    const body = deployPayload({
      environment: 'prod',
      image: 'ghcr.io/acme/models',
      digest: `sha256:${'c'.repeat(64)}`,
      tags: ['v1'],
      revision: SHA,
    });
    expect(Object.keys(body)).toEqual(['environment', 'image', 'digest', 'tags', 'revision']);
  });
});
