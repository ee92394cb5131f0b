// Which engine bake talks to: DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH, read like the Docker CLI does.
import { afterAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { engineOptions, engineMessage } from '../../src/image/engine.js';
import { SetupError } from '../../src/util/errors.js';
import { removeDir, tempDir } from './fixtures.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

describe('engineOptions', () => {
  it.each([
    [{}, { socketPath: '/var/run/docker.sock', host: undefined }, 'unix:///var/run/docker.sock'],
    [
      { DOCKER_HOST: 'unix:///run/user/1000/docker.sock' },
      { socketPath: '/run/user/1000/docker.sock' },
      'unix:///run/user/1000/docker.sock',
    ],
    [
      { DOCKER_HOST: 'tcp://10.0.0.5:2375' },
      { host: '10.0.0.5', port: '2375', protocol: 'http', socketPath: undefined },
      'tcp://10.0.0.5:2375',
    ],
    [{ DOCKER_HOST: '10.0.0.5:2375' }, { host: '10.0.0.5', port: '2375', protocol: 'http' }, '10.0.0.5:2375'],
    [
      { DOCKER_HOST: 'ssh://deploy@builder.example' },
      { protocol: 'ssh', host: 'builder.example', username: 'deploy' },
      'ssh://deploy@builder.example',
    ],
  ])('%j', (env, expected, address) => {
    const result = engineOptions(env as NodeJS.ProcessEnv);
    expect(result.options).toMatchObject(expected);
    expect(result.address).toBe(address);
  });

  it('speaks TLS with the certificates of DOCKER_CERT_PATH when DOCKER_TLS_VERIFY is set', () => {
    const certs = tempDir('spiff-models-certs-');
    dirs.push(certs);
    for (const f of ['ca.pem', 'cert.pem', 'key.pem']) writeFileSync(path.join(certs, f), `${f}\n`);
    const { options } = engineOptions({
      DOCKER_HOST: 'tcp://docker.example:2376',
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: certs,
    });
    expect(options).toMatchObject({ host: 'docker.example', port: '2376', protocol: 'https' });
    expect(String(options.ca)).toBe('ca.pem\n');
    expect(String(options.cert)).toBe('cert.pem\n');
    expect(String(options.key)).toBe('key.pem\n');
  });

  it('missing TLS files are a setup error naming DOCKER_CERT_PATH', () => {
    expect(() =>
      engineOptions({
        DOCKER_HOST: 'tcp://docker.example:2376',
        DOCKER_TLS_VERIFY: '1',
        DOCKER_CERT_PATH: '/nonexistent',
      }),
    ).toThrow(
      /DOCKER_TLS_VERIFY is set but the TLS files are not readable in \/nonexistent .*set DOCKER_CERT_PATH/,
    );
  });

  it('a DOCKER_HOST that is no URL is a setup error', () => {
    expect(() => engineOptions({ DOCKER_HOST: 'tcp://bad host:x' })).toThrow(SetupError);
  });
});

describe('engineMessage', () => {
  it.each([
    [{ json: { message: 'No such image: x' } }, 'No such image: x'],
    [{ json: '{"message":"dockerfile parse error line 2"}' }, 'dockerfile parse error line 2'],
    [{ json: 'plain text\n' }, 'plain text'],
    [new Error('connect ENOENT'), 'connect ENOENT'],
  ])('%j', (err, message) => expect(engineMessage(err)).toBe(message));
});
