// One voice across commands: --json keys are camelCase everywhere (the action's outputs stay kebab-case and map
// to them), a mistyped flag or command gets one line with the nearest spelling, FORCE_COLOR acts like NO_COLOR's
// opposite, and every command's --help lists the flags its parser accepts.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { colorWanted } from '../../src/shell/cli-io.js';
import { runCli } from '../helpers/cli.js';
import { COMMAND_SPECS } from '../../src/action/specs.js';
import { camel, cliFlags, parseFlags } from '../../src/util/options.js';
import { bakeSpec } from '../../src/image/options.js';
import { readInputs } from '../../src/shell/inputs.js';
import {
  commitOn,
  gitTestEnv,
  group,
  makeRemote,
  model,
  removeTempDirs,
  useGitTestEnv,
} from '../helpers/git-fixtures.js';
import { REPO_ROOT } from '../helpers/runner.js';
import { startScriptedReceiver, type Receiver } from '../notify/receiver.js';

beforeAll(useGitTestEnv);
afterAll(removeTempDirs);

async function cli(argv: string[], cwd = REPO_ROOT, env: NodeJS.ProcessEnv = {}) {
  return runCli(argv, { cwd, env: { ...gitTestEnv(), ...env } });
}

/** Object keys at every depth, except inside maps whose keys are data (image labels, model ids). */
function keysOf(value: unknown, dataMaps: Set<string>, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) keysOf(v, dataMaps, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      if (!dataMaps.has(k)) keysOf(v, dataMaps, out);
    }
  return out;
}

// bake requires a pinned base image; a dry run never pulls it.
const BASE = 'ghcr.io/sartography/spiffworkflow-backend:v2.2.0';
const CAMEL = /^[a-z][a-zA-Z0-9]*$/;

describe('--json uses camelCase keys in every command', () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startScriptedReceiver([{ status: 200, body: '{"git_pull": true}' }]);
  });
  afterAll(() => receiver.close());

  const models = path.join(REPO_ROOT, 'examples/process-models');
  const branches = () => {
    const r = makeRemote({ ...group('finance'), ...model('finance/invoice') }, ['dev', 'staging']);
    commitOn(r.work, 'dev', model('finance/payment'), 'add payment');
    return r;
  };
  it.each([
    ['validate', ['validate', models, '--format', 'json'], []],
    [
      'bake',
      ['bake', models, '--dry-run', '--json', '--no-validate', '--git-history', 'none', '--base-image', BASE],
      ['labels', 'env'],
    ],
  ])('%s', async (_name, argv, dataMaps) => {
    const r = await cli(argv as string[]);
    expect(r.stderr).not.toMatch(/unknown option/);
    const keys = keysOf(JSON.parse(r.stdout), new Set(dataMaps as string[]));
    expect(keys.length).toBeGreaterThan(3);
    expect(keys.filter((k) => !CAMEL.test(k))).toEqual([]);
  });

  it.each(['promote', 'publish'])('%s', async (name) => {
    const { work } = branches();
    const argv =
      name === 'promote'
        ? ['promote', '--from', 'dev', '--to', 'staging', '--no-validate', '--dry-run', '--json']
        : [
            'publish',
            'finance/payment',
            '--from',
            'dev',
            '--to',
            'staging',
            '--no-pull-request',
            '--dry-run',
            '--json',
          ];
    const r = await cli(argv, work);
    expect([r.code, r.stderr.match(/spiff-models \w+: .*/)?.[0]]).toEqual([0, undefined]);
    const json = JSON.parse(r.stdout);
    const keys = keysOf(json, new Set());
    expect(keys.filter((k) => !CAMEL.test(k))).toEqual([]);
    expect(json).toHaveProperty('sourceCommit');
    expect(json).toHaveProperty('changedModels');
  });

  it('notify', async () => {
    const r = await cli([
      'notify',
      '--url',
      receiver.url,
      '--secret',
      'a-webhook-secret',
      '--ref',
      'main',
      '--sha',
      'a'.repeat(40),
      '--repository-url',
      'https://github.com/o/r',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const keys = keysOf(JSON.parse(r.stdout), new Set(['headers']));
    expect(keys.filter((k) => !CAMEL.test(k))).toEqual([]);
  });

  it('bake --json names every action output by its camelCase name (image-id is imageId)', async () => {
    const r = await cli([
      'bake',
      models,
      '--dry-run',
      '--json',
      '--no-validate',
      '--git-history',
      'none',
      '--base-image',
      BASE,
    ]);
    const json = JSON.parse(r.stdout);
    for (const output of Object.keys(bakeSpec.outputs)) expect(json).toHaveProperty(camel(output));
    expect(Object.keys(json)).toContain('imageId');
  });
});

describe('a mistyped flag or command gets one line with a suggestion', () => {
  it.each([
    [
      ['validate', '--formt', 'json'],
      'spiff-models validate: unknown option --formt; did you mean --format?',
    ],
    [['bake', '--dry-rn'], 'spiff-models bake: unknown option --dry-rn; did you mean --dry-run?'],
    [['bake', '--no-validat'], 'spiff-models bake: unknown option --no-validat; did you mean --no-validate?'],
    [
      ['promote', '--strategie', 'merge'],
      'spiff-models promote: unknown option --strategie; did you mean --strategy?',
    ],
    [
      ['publish', 'a/b', '--reviewr', 'x'],
      'spiff-models publish: unknown option --reviewr; did you mean --reviewer?',
    ],
    [
      ['notify', '--secretenv', 'X'],
      'spiff-models notify: unknown option --secretenv; did you mean --secret-env?',
    ],
    [
      ['validate', '--format', 'jsn'],
      "spiff-models validate: --format must be one of stylish, json, sarif, markdown, not 'jsn'; did you mean json?",
    ],
    [['validate', '--zzzzzz'], 'spiff-models validate: unknown option --zzzzzz'],
  ])('%j', async (argv, line) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    const command = argv[0];
    expect(r.stderr).toBe(`${line} (spiff-models ${command} --help for its options)\n`);
  });

  it.each([
    [['valdate'], "spiff-models: unknown command 'valdate'; did you mean validate?"],
    [['promte'], "spiff-models: unknown command 'promte'; did you mean promote?"],
    [['--verison'], 'spiff-models: unknown option --verison; did you mean --version?'],
    [['frobnicate'], "spiff-models: unknown command 'frobnicate'"],
  ])('%j', async (argv, line) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${line} (spiff-models --help lists the commands)\n`);
  });

  it('a flag that needs a value says so', async () => {
    const r = await cli(['validate', '--output']);
    expect(r.stderr).toBe(
      'spiff-models validate: --output needs a value (spiff-models validate --help for its options)\n',
    );
  });
});

describe('colour', () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [false, { FORCE_COLOR: '1' }, true],
    [false, { FORCE_COLOR: '3' }, true],
    [true, { FORCE_COLOR: '0' }, false],
    [true, { FORCE_COLOR: 'false' }, false],
    [false, { FORCE_COLOR: '' }, false],
    [false, { FORCE_COLOR: '1', NO_COLOR: '1' }, false],
  ])('terminal %p with %j: colour %p', (tty, env, wanted) => {
    expect(colorWanted(tty, env)).toBe(wanted);
  });
});

describe('each command is declared once', () => {
  it.each(COMMAND_SPECS.map((s) => [s.name, s] as const))(
    '%s --help lists every flag its parser accepts',
    async (name, spec) => {
      const r = await cli([name, '--help']);
      for (const flag of cliFlags(spec).filter((f) => f !== '--help'))
        expect([flag, r.stdout.includes(flag)]).toEqual([flag, true]);
    },
  );

  it('validate documents -f, -o and -c as short forms', async () => {
    const r = await cli(['validate', '--help']);
    expect(r.stdout).toMatch(/-f, --format F/);
    expect(r.stdout).toMatch(/-o, --output FILE/);
    expect(r.stdout).toMatch(/-c, --config FILE/);
  });

  it('the CLI and the action read the same labels the same way (trimmed)', () => {
    const flags = parseFlags(bakeSpec, ['--label', ' team = ops ', '--label', 'a=b,c']).values.labels;
    process.env['INPUT_LABELS'] = ' team = ops \na=b,c\n';
    const inputs = readInputs(bakeSpec).labels;
    delete process.env['INPUT_LABELS'];
    expect(flags).toEqual(['team = ops', 'a=b,c']);
    expect(inputs).toEqual(flags);
  });
});
