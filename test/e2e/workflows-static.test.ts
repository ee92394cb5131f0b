// The example workflows use only what action.yml declares, with least-privilege permissions and full history.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import YAML from 'yaml';
import { REPO_ROOT } from '../helpers/runner.js';
import { loadWorkflow } from './workflow.js';

const dir = path.join(REPO_ROOT, 'examples/workflows');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yml'));
const action = YAML.parse(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
};
const COMMANDS = ['validate', 'bake', 'promote', 'publish', 'notify'];
const OWN = /^spiff-models\/spiff-models@/;

describe('example workflows', () => {
  it('are the four the README documents', () => {
    expect(files.sort()).toEqual(['promote.yml', 'pull-request.yml', 'push.yml', 'release.yml']);
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    for (const f of files) expect(readme).toContain(`examples/workflows/${f}`);
  });

  it.each(files)('%s: every with: key of this action is an input of action.yml', (file) => {
    const { jobs } = loadWorkflow(path.join(dir, file));
    for (const job of Object.values(jobs))
      for (const step of job.steps) {
        if (!step.uses || !OWN.test(step.uses)) continue;
        const keys = Object.keys(step.with ?? {});
        for (const k of keys) expect([k, Object.keys(action.inputs).includes(k)]).toEqual([k, true]);
        expect(COMMANDS).toContain(step.with?.command);
      }
  });

  it.each(files)('%s: every steps.<id>.outputs.<name> of this action is an output of action.yml', (file) => {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const { jobs } = loadWorkflow(path.join(dir, file));
    const own = new Set<string>();
    for (const job of Object.values(jobs))
      for (const step of job.steps) if (step.id && step.uses && OWN.test(step.uses)) own.add(step.id);
    const refs = [...text.matchAll(/steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g)];
    expect(refs.length).toBeGreaterThan(0);
    for (const [, id, name] of refs) {
      expect([id, own.has(id)]).toEqual([id, true]);
      expect([name, Object.keys(action.outputs).includes(name)]).toEqual([name, true]);
    }
  });

  it.each(files)('%s: declares least-privilege permissions and checks out full history', (file) => {
    const { doc, jobs } = loadWorkflow(path.join(dir, file));
    const perms = doc.permissions as Record<string, string>;
    expect(perms).toBeDefined();
    expect(perms).not.toBe('write-all');
    const allowed = new Set(['actions', 'contents', 'packages', 'pull-requests', 'security-events']);
    for (const scope of Object.keys(perms)) expect(allowed).toContain(scope);
    const usesOwn = (cmd: string) =>
      Object.values(jobs).some((j) =>
        j.steps.some((s) => s.uses && OWN.test(s.uses) && s.with?.command === cmd),
      );
    if (usesOwn('promote') || usesOwn('publish')) expect(perms.contents).toBe('write');
    if (!usesOwn('promote') && !usesOwn('publish') && file !== 'release.yml')
      expect(perms.contents).toBe('read');
    if (usesOwn('bake')) expect(perms.packages).toBe('write');
    for (const job of Object.values(jobs))
      for (const step of job.steps)
        if (step.uses?.startsWith('actions/checkout@')) expect(step.with?.['fetch-depth']).toBe(0);
    // upload-sarif reads the workflow run on private repositories: it needs actions: read there.
    const sarif = Object.values(jobs).some((j) =>
      j.steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@')),
    );
    if (sarif) expect([perms['security-events'], perms.actions]).toEqual(['write', 'read']);
  });

  // The current major of each action, checked by hand when this list changed (December 2026).
  const CURRENT = {
    'actions/checkout': 'v7',
    'docker/login-action': 'v4',
    'github/codeql-action/upload-sarif': 'v4',
  };

  it.each(files)('%s: uses the current major of the actions it calls', (file) => {
    const { jobs } = loadWorkflow(path.join(dir, file));
    for (const job of Object.values(jobs))
      for (const step of job.steps) {
        const [name, version] = (step.uses ?? '').split('@');
        if (name in CURRENT) expect([name, version]).toEqual([name, CURRENT[name as keyof typeof CURRENT]]);
      }
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    for (const [name, version] of Object.entries(CURRENT))
      for (const m of readme.matchAll(new RegExp(`${name.replace(/\//g, '\\/')}@(v\\d+)`, 'g')))
        expect([name, m[1]]).toEqual([name, version]);
  });

  it.each(['push.yml', 'promote.yml'])(
    '%s: one run per branch at a time, queued, never cancelled',
    (file) => {
      const { doc } = loadWorkflow(path.join(dir, file));
      const concurrency = doc.concurrency as { group: string; 'cancel-in-progress': boolean };
      expect(concurrency.group).toMatch(/\$\{\{ .*(github\.ref|inputs\.to).* \}\}/);
      expect(concurrency['cancel-in-progress']).toBe(false);
    },
  );
});
