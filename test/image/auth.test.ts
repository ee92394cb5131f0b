// Registry credentials: explicit inputs first, else the Docker CLI's config.json (auths or a helper).
import { afterAll, describe, expect, it } from '@jest/globals';
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveAuth } from '../../src/image/auth.js';
import { SetupError } from '../../src/util/errors.js';
import { removeDir, tempDir } from './fixtures.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

function configDir(config: unknown): NodeJS.ProcessEnv {
  const dir = tempDir('spiff-models-auth-');
  dirs.push(dir);
  writeFileSync(path.join(dir, 'config.json'), typeof config === 'string' ? config : JSON.stringify(config));
  return { DOCKER_CONFIG: dir, PATH: process.env.PATH };
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('resolveAuth', () => {
  it('explicit credentials win over config.json', async () => {
    const env = configDir({ auths: { 'ghcr.io': { auth: b64('other:pw') } } });
    expect(await resolveAuth('ghcr.io', { username: 'me', password: 'tok' }, env)).toEqual({
      username: 'me',
      password: 'tok',
      serveraddress: 'ghcr.io',
    });
  });

  it.each([
    ['ghcr.io', 'ghcr.io', 'ghcr.io'],
    ['https://ghcr.io', 'ghcr.io', 'ghcr.io'],
    ['https://index.docker.io/v1/', 'docker.io', 'https://index.docker.io/v1/'],
    ['127.0.0.1:5000', '127.0.0.1:5000', '127.0.0.1:5000'],
  ])('finds the auths entry keyed %s for %s', async (key, registry, server) => {
    const env = configDir({ auths: { [key]: { auth: b64('user:pa:ss') } } });
    expect(await resolveAuth(registry, null, env)).toEqual({
      username: 'user',
      password: 'pa:ss',
      serveraddress: server,
    });
  });

  it('is anonymous without config.json or without an entry', async () => {
    const empty = tempDir('spiff-models-auth-');
    dirs.push(empty);
    expect(await resolveAuth('ghcr.io', null, { DOCKER_CONFIG: empty })).toBeNull();
    expect(
      await resolveAuth('ghcr.io', null, configDir({ auths: { 'quay.io': { auth: b64('a:b') } } })),
    ).toBeNull();
  });

  it('passes an identity token through', async () => {
    const env = configDir({ auths: { 'example.azurecr.io': { identitytoken: 'refresh' } } });
    expect(await resolveAuth('example.azurecr.io', null, env)).toEqual({
      identitytoken: 'refresh',
      serveraddress: 'example.azurecr.io',
    });
  });

  it('asks a credential helper', async () => {
    const env = configDir({ credHelpers: { 'ghcr.io': 'fake' } });
    const bin = env.DOCKER_CONFIG as string;
    const helper = path.join(bin, 'docker-credential-fake');
    writeFileSync(
      helper,
      '#!/bin/sh\nread server\necho "{\\"Username\\":\\"bot\\",\\"Secret\\":\\"from-$server\\"}"\n',
    );
    chmodSync(helper, 0o755);
    env.PATH = `${bin}:${process.env.PATH}`;
    expect(await resolveAuth('ghcr.io', null, env)).toEqual({
      username: 'bot',
      password: 'from-ghcr.io',
      serveraddress: 'ghcr.io',
    });
  });

  it('a broken config.json is a setup error naming the file', async () => {
    const env = configDir('{ not json');
    await expect(resolveAuth('ghcr.io', null, env)).rejects.toThrow(SetupError);
    await expect(resolveAuth('ghcr.io', null, env)).rejects.toThrow(
      /cannot read Docker credentials from .*config\.json/,
    );
  });
});
