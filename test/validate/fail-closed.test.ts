// The gate fails closed: a rule that throws, a special file where a model file should be, an empty models
// root or a bad config never end in a quiet "no problems".
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { validateRepo } from '../../src/validate/validate.js';
import { rules } from '../../src/validate/rules/index.js';
import type { Rule } from '../../src/validate/rule.js';
import { NotRegularFile, readRegularFile } from '../../src/util/files.js';
import { UsageError } from '../../src/util/errors.js';
import { baseTree, cleanTrees, definitions, processXml, chain, writeTree } from '../helpers/bpmn.js';

afterAll(cleanTrees);

describe('a rule that throws', () => {
  const injected: Rule[] = [];
  afterEach(() => {
    for (const r of injected.splice(0)) rules.splice(rules.indexOf(r), 1);
  });
  const inject = (rule: Rule, first = true) => {
    injected.push(rule);
    if (first) rules.unshift(rule);
    else rules.push(rule);
  };

  it('becomes one rule-error finding naming the rule and the file, and the other rules go on', async () => {
    inject({
      id: 'crashy',
      severity: 'error',
      scope: 'files',
      description: 'throws on one file',
      fix: '',
      check({ index, report }) {
        for (const doc of index.bpmn.values()) {
          if (doc.file.name === 'zz.bpmn')
            throw new TypeError("Cannot read properties of undefined (reading 'x')");
          report({ file: doc.file, message: `looked at ${doc.file.name}` });
        }
      },
    });
    const root = writeTree({
      ...baseTree(),
      'gg/mmm/zz.bpmn': definitions(processXml('q', chain([], []))),
      // a finding of a later rule, to prove the run went on
      'gg/mmm/form.json': '{"a": ',
    });
    const report = await validateRepo(root);
    const errors = report.findings.filter((f) => f.ruleId === 'rule-error');
    expect(errors).toEqual([
      {
        ruleId: 'rule-error',
        severity: 'error',
        message: expect.stringContaining("rule 'crashy' failed"),
        file: 'gg/mmm/zz.bpmn',
        line: 1,
        column: 1,
        modelId: 'gg/mmm',
      },
    ]);
    expect(errors[0].message).toContain("Cannot read properties of undefined (reading 'x')");
    // what it reported before it threw stays, and the rules after it ran
    expect(report.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['crashy', 'form-json']));
    expect(report.summary.errors).toBeGreaterThanOrEqual(2);
  });

  it('names the models root when the failure is in no one file', async () => {
    inject(
      {
        id: 'crashy-everywhere',
        severity: 'warning',
        scope: 'repo',
        description: 'throws before reading any file',
        fix: '',
        check() {
          throw new Error('boom');
        },
      },
      false,
    );
    const report = await validateRepo(writeTree(baseTree()));
    expect(report.findings).toEqual([
      expect.objectContaining({ ruleId: 'rule-error', severity: 'error', file: '.', modelId: null }),
    ]);
    expect(report.findings[0].message).toMatch(/rule 'crashy-everywhere' failed: boom/);
  });

  it('becomes a rule-error at the file when a finding that waits for the whole repository cannot be decided', async () => {
    inject({
      id: 'crashy-later',
      severity: 'error',
      scope: 'files',
      description: 'its decision throws',
      fix: '',
      check({ index, report }) {
        for (const doc of index.bpmn.values())
          report({
            file: doc.file,
            message: 'waits',
            later: () => {
              throw new Error('undecidable');
            },
          });
      },
    });
    const report = await validateRepo(writeTree(baseTree()));
    expect(report.findings).toEqual([
      expect.objectContaining({ ruleId: 'rule-error', file: 'gg/mmm/m.bpmn', modelId: 'gg/mmm' }),
    ]);
    expect(report.findings[0].message).toMatch(/rule 'crashy-later' failed: undecidable/);
  });
});

describe('a special file where the backend reads files', () => {
  // A FIFO is never opened for reading: that would block the run for ever (the test would time out).
  const fifo = (root: string, rel: string) => execFileSync('mkfifo', [path.join(root, rel)]);

  it.each([
    ['the primary .bpmn', 'gg/mmm/m.bpmn', 'gg/mmm'],
    ['a form', 'gg/mmm/form.json', 'gg/mmm'],
    ['a .dmn', 'gg/mmm/d.dmn', 'gg/mmm'],
    ['process_group.json', 'gg/sub/process_group.json', null],
  ])('a FIFO as %s is an error, and validation ends', async (_, rel, modelId) => {
    const tree = baseTree();
    delete tree[rel];
    const root = writeTree(tree);
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fifo(root, rel);
    const report = await validateRepo(root);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'special-file', severity: 'error', file: rel, modelId }),
    );
    expect(report.findings.find((f) => f.ruleId === 'special-file')?.message).toMatch(/FIFO/);
  });

  it('a FIFO named process_model.json is an error on that model, never a vanished model', async () => {
    const root = writeTree({ ...baseTree(), 'gg/other/m.bpmn': definitions(processXml('q', chain([], []))) });
    fifo(root, 'gg/other/process_model.json');
    const report = await validateRepo(root);
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'special-file',
        severity: 'error',
        file: 'gg/other/process_model.json',
        modelId: 'gg/other',
      }),
    );
    expect(report.models).toContainEqual({ id: 'gg/other', status: 'error' });
    expect(report.summary.errors).toBeGreaterThan(0);
  });

  it('a FIFO is refused by the reader without blocking, even when it was a file at listing time', () => {
    const root = writeTree({});
    fifo(root, 'late.bpmn');
    expect(() => readRegularFile(path.join(root, 'late.bpmn'))).toThrow(NotRegularFile);
    expect(() => readRegularFile(path.join(root, 'late.bpmn'))).toThrow(/is a FIFO \(named pipe\)/);
  });

  it('a symbolic link to a FIFO is an error too', async () => {
    const root = writeTree(baseTree());
    fifo(root, 'gg/mmm/pipe');
    fs.symlinkSync('pipe', path.join(root, 'gg/mmm/linked.bpmn'));
    const report = await validateRepo(root);
    expect(report.findings.filter((f) => f.ruleId === 'special-file').map((f) => f.file)).toEqual([
      'gg/mmm/linked.bpmn',
      'gg/mmm/pipe',
    ]);
  });
});

describe('the config file', () => {
  const rejects = async (config: Record<string, string | Buffer>, message: RegExp, configFile?: string) => {
    const root = writeTree({ ...baseTree(), ...config });
    const file =
      configFile === undefined
        ? undefined
        : path.isAbsolute(configFile)
          ? configFile
          : path.join(root, configFile);
    await expect(validateRepo(root, { configFile: file })).rejects.toThrow(UsageError);
    await expect(validateRepo(root, { configFile: file })).rejects.toThrow(message);
  };

  it.each([
    [
      'rule:',
      'rule:\n  primary-empty: off\n',
      /\.spiff-models\.yml:1: unknown key "rule" \(did you mean "rules"\?/,
    ],
    ['rulez:', 'rulez:\n  primary-empty: off\n', /unknown key "rulez" \(did you mean "rules"\?/],
    ['Rules:', 'Rules: {}\n', /unknown key "Rules" \(did you mean "rules"\?/],
  ])(
    'a misspelled top-level key (%s) is refused, naming the key and the nearest valid one',
    async (_, text, re) => {
      await rejects({ '.spiff-models.yml': text }, re);
    },
  );

  it('names the line of the misspelled key in YAML', async () => {
    await rejects(
      { '.spiff-models.yml': '# severities\nrulez:\n  primary-empty: off\n' },
      /\.spiff-models\.yml:2: unknown key "rulez"/,
    );
  });

  it.each([
    ['a list', '- primary-empty\n', /must be a mapping with "rules", not a list/],
    [
      'a string',
      'primary-empty: off is what we want\n'.replace(': ', ' '),
      /must be a mapping with "rules", not a string/,
    ],
    ['a number', '42\n', /must be a mapping with "rules", not a number/],
  ])('a document that is %s is refused', async (_, text, re) => {
    await rejects({ '.spiff-models.yml': text }, re);
  });

  it('a JSON document that is a list is refused', async () => {
    await rejects(
      { '.spiff-models.json': '["rules"]' },
      /\.spiff-models\.json: must be a mapping with "rules", not a list/,
    );
  });

  it('a misspelled rule id names its key path and the nearest rule', async () => {
    await rejects(
      { '.spiff-models.yml': 'rules:\n  primary-empty: off\n  json-formatt: error\n' },
      /\.spiff-models\.yml:3: unknown rule "json-formatt" at rules\.json-formatt \(did you mean "json-format"\?/,
    );
  });

  it('a bad setting names the key path', async () => {
    await rejects(
      { '.spiff-models.yml': 'rules:\n  json-format: loud\n' },
      /:2: rules\.json-format must be off, warning or error, not "loud"/,
    );
  });

  it('rule-error cannot be switched off or lowered', async () => {
    await rejects(
      { '.spiff-models.yml': 'rules:\n  rule-error: off\n' },
      /rule-error cannot be switched off or lowered/,
    );
  });

  it('"rules" that is not a mapping is refused', async () => {
    await rejects(
      { '.spiff-models.yml': 'rules:\n  - json-format\n' },
      /"rules" must map rule ids to off \| warning \| error/,
    );
  });

  it('two config files at the root are refused: which one counts would be a guess', async () => {
    await rejects(
      { '.spiff-models.yml': 'rules:\n  json-format: error\n', '.spiff-models.json': '{"rules": {}}' },
      /two config files.*\.spiff-models\.json.*\.spiff-models\.yml/,
    );
  });

  it('/dev/zero, a directory and a FIFO are refused without reading them', async () => {
    await rejects({}, /\/dev\/zero is a device, not a regular file/, '/dev/zero');
    await rejects({ 'cfg/x': '' }, /cfg is a directory, not a regular file/, 'cfg');
    const root = writeTree(baseTree());
    execFileSync('mkfifo', [path.join(root, 'pipe.yml')]);
    await expect(validateRepo(root, { configFile: path.join(root, 'pipe.yml') })).rejects.toThrow(
      /pipe\.yml is a FIFO \(named pipe\), not a regular file/,
    );
  });

  it('a huge file is refused unread', async () => {
    const root = writeTree(baseTree());
    const big = path.join(root, 'big.yml');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 3 * 1024 * 1024 * 1024); // sparse: 3 GiB that were never written
    await expect(validateRepo(root, { configFile: big })).rejects.toThrow(
      /big\.yml is 3072 MiB: a config file is a few lines/,
    );
  });

  it('a config file above the models root (the repository root) is refused: it would configure nothing', async () => {
    const repo = writeTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.spiff-models.yml': 'rules:\n  primary-empty: off\n',
      ...Object.fromEntries(Object.entries(baseTree()).map(([k, v]) => [`process-models/${k}`, v])),
    });
    await expect(validateRepo(path.join(repo, 'process-models'))).rejects.toThrow(
      /config file .*\/\.spiff-models\.yml is outside the models root .*process-models, so it would be ignored/,
    );
    // above the repository (the folder holding .git) nothing is looked for
    const nested = writeTree({
      'top/.git/HEAD': 'x',
      ...Object.fromEntries(Object.entries(baseTree()).map(([k, v]) => [`top/m/${k}`, v])),
      '.spiff-models.yml': 'rules: {}',
    });
    expect((await validateRepo(path.join(nested, 'top/m'))).findings).toEqual([]);
  });

  it('an empty config file is no config', async () => {
    const report = await validateRepo(writeTree({ ...baseTree(), '.spiff-models.yml': '# nothing yet\n' }));
    expect(report.findings).toEqual([]);
  });

  it('accepts $schema (editors) and warn as warning', async () => {
    const report = await validateRepo(
      writeTree({
        ...baseTree(),
        '.spiff-models.json': JSON.stringify({
          $schema: '../schemas/config.schema.json',
          rules: { 'primary-empty': 'warn' },
        }),
      }),
    );
    expect(report.findings).toEqual([]);
  });
});

describe('a model in a folder that is also a group', () => {
  // spiffworkflow-backend's get_process_models walks every folder for process_model.json (the boot loads
  // them all), while its group tree takes a folder with process_group.json for a group.
  it('is validated as a model (a broken process_model.json there crashes the boot)', async () => {
    const report = await validateRepo(
      writeTree({
        ...baseTree(),
        'gg/both/process_group.json': '{"display_name": "both"}',
        'gg/both/process_model.json': '{"display_name": "x", "description": "", "nonsense": 1}',
      }),
    );
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'model-json-unknown-key',
        severity: 'error',
        file: 'gg/both/process_model.json',
      }),
    );
    expect(report.models.map((m) => m.id)).toContain('gg/both');
  });

  it('is a warning: the UI shows the folder as a group, never the model', async () => {
    const report = await validateRepo(
      writeTree({ ...baseTree(), 'gg/mmm/process_group.json': '{"display_name": "oops"}' }),
    );
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'model-in-group-folder',
        severity: 'warning',
        file: 'gg/mmm/process_model.json',
        modelId: 'gg/mmm',
      }),
    );
  });
});

describe('a file the boot takes for a model file', () => {
  it('old-process_model.json in a folder without process_model.json is an error (the boot crashes)', async () => {
    const report = await validateRepo(
      writeTree({
        ...baseTree(),
        'gg/retired/old-process_model.json': '{"display_name": "x", "description": ""}',
      }),
    );
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'model-json-lookalike',
        severity: 'error',
        file: 'gg/retired/old-process_model.json',
      }),
    );
  });

  it('beside a real process_model.json it is a warning (the model loads twice)', async () => {
    const report = await validateRepo(writeTree({ ...baseTree(), 'gg/mmm/copy_process_model.json': '{}' }));
    expect(report.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'model-json-lookalike', severity: 'warning', modelId: 'gg/mmm' }),
    );
  });
});

describe('--base', () => {
  const gitIn = (dir: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: dir });

  it('a base where the models folder did not exist yet is an empty base, not a git failure', async () => {
    const repo = writeTree({ 'README.md': 'x\n' });
    gitIn(repo, 'init', '-q', '-b', 'main');
    gitIn(repo, 'add', '-A');
    gitIn(repo, 'commit', '-q', '-m', 'one');
    writeTree(Object.fromEntries(Object.entries(baseTree()).map(([k, v]) => [`models/${k}`, v])), repo);
    gitIn(repo, 'add', '-A');
    gitIn(repo, 'commit', '-q', '-m', 'models');
    const report = await validateRepo(path.join(repo, 'models'), { base: 'HEAD~1' });
    expect(report.findings).toEqual([]);
    expect(report.changedModels).toEqual(['gg/mmm']);
  });

  it('a ref that does not exist, or no repository at all, is exit 2 naming it', async () => {
    const repo = writeTree(baseTree());
    await expect(validateRepo(repo, { base: 'origin/main' })).rejects.toThrow(
      /--base origin\/main: the models root .* is not inside a git repository/,
    );
    gitIn(repo, 'init', '-q', '-b', 'main');
    gitIn(repo, 'add', '-A');
    gitIn(repo, 'commit', '-q', '-m', 'one');
    await expect(validateRepo(repo, { base: 'origin/main' })).rejects.toThrow(
      /--base origin\/main: no such commit/,
    );
  });
});

describe('the engine walk that throws', () => {
  it('becomes one rule-error naming the walk and the file, and the other rules go on', async () => {
    const root = writeTree({ ...baseTree(), 'gg/mmm/form.json': '{"a": ' });
    const { loadModels } = await import('../../src/models/load.js');
    const index = await loadModels(root);
    // A document whose element lists cannot be read: the walk (and any rule reading them) throws on it.
    const doc = index.bpmn.get('gg/mmm/m.bpmn')!;
    doc.elements = new Proxy(doc.elements, {
      get(target, prop) {
        if (prop === 'get') throw new Error('elements unreadable');
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === 'function' ? (v as () => unknown).bind(target) : v;
      },
    });
    const report = await validateRepo(root, { index });
    const errors = report.findings.filter((f) => f.ruleId === 'rule-error');
    expect(
      errors.find((f) => f.message.startsWith("rule 'engine checks (the reachability walk)' failed")),
    ).toMatchObject({
      file: 'gg/mmm/m.bpmn',
      modelId: 'gg/mmm',
    });
    expect(report.findings.map((f) => f.ruleId)).toContain('form-json');
  });
});
