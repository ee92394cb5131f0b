// The gate fails closed: a rule that throws, a special file where a model file should be, an empty models
// root or a bad config never end in a quiet "no problems".
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { validateRepo } from '../../src/validate/validate.js';
import { rules } from '../../src/validate/rules/index.js';
import type { Rule } from '../../src/validate/rule.js';
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
