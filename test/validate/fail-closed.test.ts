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
