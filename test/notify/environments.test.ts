import { describe, expect, test } from '@jest/globals';
import {
  environmentsFromUrls,
  parseEnvironments,
  resolveEnvironments,
} from '../../src/notify/environments.js';
import { SetupError, UsageError } from '../../src/util/errors.js';

const sources = (env: NodeJS.ProcessEnv = {}, defaultSecret: string | null = null) => ({
  env,
  defaultSecret,
  defaultHint: 'a default secret (--secret)',
});

describe('environments list', () => {
  test('reads YAML entries with every key', () => {
    const specs = parseEnvironments(
      `
- name: dev
  url: https://dev.example.com
  secret-env: DEV_SECRET
- name: prod
  url: https://deploy.example.com/hooks/prod
  kind: deploy
  secret: "0123"
- name: staging
  url: https://staging.example.com/api
  secret_env: STAGING_SECRET
  clone_url: https://github.com/acme/models
  ssh_url: ssh://git@github.com/acme/models.git
`,
      'envs.yml',
      'spiff',
    );
    expect(specs).toEqual([
      {
        name: 'dev',
        url: 'https://dev.example.com',
        kind: 'spiff',
        secret: null,
        secretEnv: 'DEV_SECRET',
        overrides: {},
      },
      {
        name: 'prod',
        url: 'https://deploy.example.com/hooks/prod',
        kind: 'deploy',
        secret: '0123',
        secretEnv: null,
        overrides: {},
      },
      {
        name: 'staging',
        url: 'https://staging.example.com/api',
        kind: 'spiff',
        secret: null,
        secretEnv: 'STAGING_SECRET',
        overrides: {
          clone_url: 'https://github.com/acme/models',
          ssh_url: 'ssh://git@github.com/acme/models.git',
        },
      },
    ]);
  });

  test('reads JSON, plain URL entries and a name -> entry mapping', () => {
    expect(parseEnvironments('[{"name":"a","url":"http://127.0.0.1:1"}]', 'x', 'spiff')[0].name).toBe('a');
    expect(
      parseEnvironments('- https://dev.example.com\n- https://qa.example.com', 'x', 'deploy'),
    ).toMatchObject([
      { name: 'dev.example.com', kind: 'deploy' },
      { name: 'qa.example.com', kind: 'deploy' },
    ]);
    expect(
      parseEnvironments('dev: https://dev.example.com\nprod: {url: "https://p", kind: deploy}', 'x', 'spiff'),
    ).toMatchObject([
      { name: 'dev', url: 'https://dev.example.com', kind: 'spiff' },
      { name: 'prod', kind: 'deploy' },
    ]);
  });

  test('reports every problem at once, each naming its entry and what to do', () => {
    let error: unknown;
    try {
      parseEnvironments(
        `
- name: dev
  url: ftp://dev
  secert: x
- name: dev
  url: https://dev2
  kind: cloud
- name: qa
  url: https://qa
  secret: 0123
- name: prod
  secret: a
  secret-env: B
- url: https://x
  secret-env: "not a name"
`,
        'envs.yml',
        'spiff',
      );
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UsageError);
    const message = (error as Error).message;
    expect(message).toMatch(/^envs.yml has problems:/);
    expect(message).toContain("entry 1 ('dev'): url 'ftp://dev/' must start with https:// or http://");
    expect(message).toContain("entry 1 ('dev'): unknown key 'secert'");
    expect(message).toContain("entry 2 ('dev'): the name 'dev' is used twice");
    expect(message).toContain("entry 2 ('dev'): kind 'cloud' is not one of spiff, deploy");
    expect(message).toContain("entry 3 ('qa'): 'secret' must be a string (quote it");
    expect(message).toContain("entry 4 ('prod'): has no 'url'");
    expect(message).toContain("entry 4 ('prod'): give either 'secret' or 'secret-env', not both");
    expect(message).toContain("secret-env 'not a name' is not an environment variable name");
  });

  test('bad YAML is reported by line without quoting the line (it may hold a secret)', () => {
    const parse = () => parseEnvironments('- name: a\n  secret: hunter2: x\n', 'input environments', 'spiff');
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow(/line 2, column/);
    expect(parse).not.toThrow(/hunter2/);
  });

  test('an empty list or a scalar is refused', () => {
    expect(() => parseEnvironments('', 'x', 'spiff')).toThrow(/empty/);
    expect(() => parseEnvironments('[]', 'x', 'spiff')).toThrow(/empty/);
    expect(() => parseEnvironments('42', 'x', 'spiff')).toThrow(/must be a list/);
  });

  test('--url environments are named after their host, unique even on one host, never with a path token', () => {
    const specs = environmentsFromUrls(
      ['http://127.0.0.1:7000', 'http://127.0.0.1:7000/b', 'http://127.0.0.1:7000/b'],
      'spiff',
      [],
    );
    // The path may be a token (/hooks/TOKEN): a name shows it redacted.
    expect(specs.map((s) => s.name)).toEqual([
      '127.0.0.1:7000',
      '127.0.0.1:7000/***',
      '127.0.0.1:7000/*** (2)',
    ]);
    expect(() => environmentsFromUrls(['nope'], 'spiff')).toThrow(/--url: url 'nope' is not a URL/);
  });
});

describe('resolving secrets and URLs', () => {
  const specs = parseEnvironments(
    `
- {name: dev, url: "https://dev.example.com", secret-env: DEV_SECRET}
- {name: prod, url: "https://deploy.example.com/hook", kind: deploy}
- {name: qa, url: "https://qa.example.com/api", secret: literal}
`,
    'x',
    'spiff',
  );

  test('secret from the list, from its env var, or the default; spiff URLs gain the receive path', () => {
    const resolved = resolveEnvironments(specs, sources({ DEV_SECRET: 'from-env' }, 'default'));
    expect(resolved.map((e) => [e.name, e.url, e.secret])).toEqual([
      ['dev', 'https://dev.example.com/v1.0/github-webhook-receive', 'from-env'],
      ['prod', 'https://deploy.example.com/hook', 'default'],
      ['qa', 'https://qa.example.com/api/v1.0/github-webhook-receive', 'literal'],
    ]);
  });

  test('a missing secret names the environment and the variable to set', () => {
    const resolve = () => resolveEnvironments(specs, sources({}));
    expect(resolve).toThrow(SetupError);
    expect(resolve).toThrow(/environment 'dev': secret-env DEV_SECRET is not set or empty/);
    expect(resolve).toThrow(/environment 'prod' has no secret: .* a default secret \(--secret\)/);
  });
});
