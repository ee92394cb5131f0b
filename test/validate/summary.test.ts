// The validate job summary as a person reads it: rendered as GitHub-flavoured markdown, repository-controlled
// text (file names, model ids, messages quoting them) must stay text and keep the page's structure.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { baseTree, chain, cleanTrees, modelJson, withProcess, writeTree } from '../helpers/bpmn.js';
import { decode, elements, renderGfm } from '../helpers/markdown.js';
import { cleanEnv, REPO_ROOT } from '../helpers/runner.js';
import { DOZENS, dozensOfErrors, thousandsOfFindings } from '../helpers/summary-repos.js';
import { callGraph, formatMarkdown } from '../../src/validate/reporters/markdown.js';
import { STEP_SUMMARY_LIMIT } from '../../src/util/markdown.js';
import { validateCli } from '../../src/validate/cli.js';
import { validateRepo } from '../../src/validate/validate.js';

afterAll(cleanTrees);

const NASTY_FILES = [
  'a`b.exe',
  'p|q.exe',
  'line\nbreak.exe',
  '<script>alert(1)</script>.exe'.replace('/', ''),
];
const NASTY_MODELS = ['<img src=x onerror=alert(1)>', 'x`y', 'a|b', 'new\nline'];

async function nastySummary(): Promise<string> {
  const tree = baseTree();
  for (const name of NASTY_FILES) tree[`gg/mmm/${name}`] = '';
  for (const name of NASTY_MODELS) tree[`gg/${name}/process_model.json`] = modelJson('', '');
  const root = writeTree(tree);
  const result = await validateRepo(root);
  return formatMarkdown(result, { index: result.index, changedModels: [] });
}

describe('validate summary: repository text stays text', () => {
  it('renders no HTML element from a file name or model id', async () => {
    const html = renderGfm(await nastySummary());
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(decode(html)).toContain('<img src=x onerror=alert(1)>');
    expect(decode(html)).toContain('<script>alert(1)<script>.exe');
  });

  it('keeps a backtick in a file name or model id inside its inline code', async () => {
    const codes = elements(renderGfm(await nastySummary()), 'code').map(decode);
    expect(codes.some((c) => c.includes('a`b.exe'))).toBe(true);
    expect(codes.some((c) => c.includes('x`y'))).toBe(true);
  });

  it('keeps every table row whole when a name holds a pipe', async () => {
    const html = renderGfm(await nastySummary());
    // A pipe that splits a cell leaves the halves of a code span behind as literal backticks.
    expect(decode(html.replace(/<code>[\s\S]*?<\/code>/g, ''))).not.toContain('`');
    for (const table of elements(html, 'table')) {
      const header = elements(table, 'th').length;
      for (const row of elements(table, 'tr').slice(1)) expect(elements(row, 'td')).toHaveLength(header);
    }
    const codes = elements(html, 'code').map(decode);
    expect(codes.some((c) => c.includes('p|q.exe'))).toBe(true);
    expect(codes.some((c) => c.includes('gg/a|b'))).toBe(true);
  });

  it('keeps a newline in a name from breaking the line', async () => {
    const md = await nastySummary();
    expect(md.split('\n').some((l) => l.startsWith('break.exe') || l.startsWith('line'))).toBe(false);
    expect(decode(renderGfm(md))).toMatch(/line.break\.exe/);
  });
});

const SHA = 'c0ffee'.padEnd(40, '0');
const LINKS = { server: 'https://github.com', repository: 'acme/models', commit: SHA };

async function dozens(options: { links?: boolean; changed?: string[] } = {}) {
  const root = writeTree(dozensOfErrors());
  const result = await validateRepo(root);
  const md = formatMarkdown(result, {
    index: result.index,
    changedModels: options.changed ?? [],
    prefix: 'process-models',
    links: options.links === false ? undefined : LINKS,
    command: 'npx spiff-models validate process-models',
    reports: { json: 'spiff-models-report.json', sarif: 'spiff-models.sarif' },
  });
  return { result, md, lines: md.split('\n') };
}

/** The lines between a heading or fold opening and the next heading or the fold's end. */
function section(lines: string[], start: RegExp): string[] {
  const i = lines.findIndex((l) => start.test(l));
  expect(i).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, j) => j > i && (/^#{2,3} /.test(l) || l === '</details>'));
  return lines.slice(i + 1, end < 0 ? undefined : end);
}

describe('validate summary of a repository with dozens of errors', () => {
  it('opens with the verdict and what to do, and shows the first error within the first lines', async () => {
    const { lines } = await dozens();
    expect(lines[0]).toBe(
      `## spiff-models validate: ❌ ${DOZENS.errors} errors in ${DOZENS.errorModels} models`,
    );
    expect(lines[2]).toMatch(
      /^The backend would refuse these models: fix the errors below, then check again with `npx spiff-models validate process-models`/,
    );
    const first = lines.findIndex((l) => l.startsWith('- '));
    expect(first).toBeLessThan(8);
    expect(lines[first]).toMatch(/^- service task `st0` has no .*<sub>service-task-operator<\/sub>$/);
  });

  it('puts the sections in order: errors, reproduce, warnings, models, calls, all models', async () => {
    const { lines } = await dozens();
    const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
    const order = [
      at(/^### Errors$/),
      at(/^### Reproduce locally$/),
      at(/^### Warnings: 44$/),
      at(/^### Models with findings: 30 of 90$/),
      at(/^### Calls around/),
      at(/^<details><summary>All 90 models<\/summary>$/),
    ];
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(section(lines, /^### Reproduce locally$/).join('\n')).toContain(
      'JSON `spiff-models-report.json`, SARIF `spiff-models.sarif`',
    );
  });

  it('links every error to its line at the commit, grouped by model, the model path said once', async () => {
    const { result, lines } = await dozens();
    const errors = section(lines, /^### Errors$/);
    const base = `https://github.com/acme/models/blob/${SHA}/process-models`;
    for (const f of result.findings.filter((x) => x.severity === 'error')) {
      const name = f.file.slice(f.file.lastIndexOf('/') + 1);
      const line = errors.find((l) => l.includes(`(${base}/${f.file}#L${f.line}`));
      expect(line).toContain(`[\`${name}:${f.line}\`]`);
      expect(line!.indexOf(f.message.slice(0, 12).replace(/'/g, '`'))).toBe(2);
    }
    const titles = errors.filter((l) => l.startsWith('**'));
    expect(titles).toHaveLength(DOZENS.errorModels);
    expect(titles[0]).toBe(
      `**[\`process-models/finance/invoice-0/\`](https://github.com/acme/models/tree/${SHA}/process-models/finance/invoice-0)** · 3 errors`,
    );
    expect(errors.filter((l) => l.includes('process-models/finance/invoice-0/`'))).toHaveLength(1);
  });

  it('keeps every finding line short enough for the summary column, the whole message in the link title', async () => {
    const { result, lines } = await dozens();
    for (const l of lines.filter((x) => x.startsWith('- ') && x.includes('<sub>'))) {
      const visible = decode(renderGfm(l)).trim();
      expect(visible.length).toBeLessThanOrEqual(115);
    }
    const long = result.findings.find((f) => f.ruleId === 'service-task-operator')!;
    expect(lines.join('\n')).toContain(`"${long.message}")`);
  });

  it('writes locations as code, without links, when the GitHub context is unknown', async () => {
    const { md } = await dozens({ links: false });
    expect(md).not.toMatch(/\]\(/);
    expect(md).toContain(
      '- service task `st0` has no spiffworkflow\\:serviceTaskOperator with an id … · `invoice-0.bpmn:7`',
    );
  });

  it('counts warnings by rule and folds their rows', async () => {
    const { lines } = await dozens();
    const warnings = section(lines, /^### Warnings: 44$/);
    expect(warnings).toContain(
      '- 44 × `script-empty`: a script task has no script or an empty one\\: it runs and does nothing',
    );
    const fold = warnings.indexOf('<details><summary>All 44 warnings, by model</summary>');
    expect(fold).toBeGreaterThan(0);
    expect(warnings.slice(0, fold).some((l) => l.includes('<sub>'))).toBe(false);
    const folded = section(lines, /^<details><summary>All 44 warnings, by model<\/summary>$/);
    expect(folded.filter((l) => l.includes('<sub>script-empty</sub>'))).toHaveLength(44);
  });

  it('tables only the models with findings and folds the full list', async () => {
    const { lines } = await dozens();
    const table = section(lines, /^### Models with findings/).filter(
      (l) => l.startsWith('| ❌') || l.startsWith('| ⚠️') || l.startsWith('| ✅'),
    );
    expect(table).toHaveLength(DOZENS.errorModels);
    expect(table[0]).toBe('| ❌ `finance/invoice-0` | 3 | 2 |');
    expect(table.some((l) => l.includes('lib/'))).toBe(false);
    const all = section(lines, /^<details><summary>All 90 models<\/summary>$/).filter((l) =>
      l.startsWith('| `'),
    );
    expect(all).toHaveLength(90);
  });
});

describe('validate summary: the call graph', () => {
  it('draws the calls around models with findings, one subgraph per group, a missing callee dashed red', async () => {
    const { result, lines } = await dozens();
    const graph = callGraph(result.index, result, [])!;
    expect(graph.nodes).toEqual([
      'finance/invoice-0',
      'finance/invoice-3',
      'hr/hire-1',
      'lib/lib-0',
      'ops/run-0',
      'missing:nope_process',
    ]);
    expect(graph.edges).toEqual([
      ['finance/invoice-0', 'hr/hire-1'],
      ['lib/lib-0', 'finance/invoice-3'],
      ['ops/run-0', 'missing:nope_process'],
    ]);
    const m = graph.mermaid.split('\n');
    expect(m.filter((l) => /^\s+subgraph /.test(l)).map((l) => l.trim())).toEqual([
      'subgraph g0["finance"]',
      'subgraph g1["hr"]',
      'subgraph g2["lib"]',
      'subgraph g3["ops"]',
    ]);
    expect(m).toContain('  x5["nope_process #40;no such process#41;"]');
    expect(m).toContain('  m4 -.-> x5');
    expect(m).toContain('  class x5 missing');
    expect(m).toContain('  classDef missing fill:#fff,stroke:#c00,stroke-dasharray:5 5,color:#c00');
    // lib-1 calls lib-2, neither has a finding: not drawn.
    expect(graph.nodes).not.toContain('lib/lib-1');
    const isolated = lines.find((l) => l.startsWith('No calls to or from: '))!;
    expect(isolated).toContain('`finance/invoice-1`');
    expect(isolated).not.toContain('finance/invoice-0');
    expect(lines.join('\n')).toContain(`\`\`\`mermaid\n${graph.mermaid}\n\`\`\``);
  });

  it('draws no graph when no call touches a model with findings or a change', async () => {
    const tree = dozensOfErrors();
    delete tree['lib/lib-0/lib-0.bpmn'];
    const root = writeTree({ ...tree, ...noCalls() });
    const result = await validateRepo(root);
    expect(callGraph(result.index, result, [])).toBeUndefined();
    expect(formatMarkdown(result, { index: result.index })).not.toContain('mermaid');
  });

  it('caps the nodes and says how many were left out', async () => {
    const { result } = await dozens();
    const graph = callGraph(result.index, result, [], 3)!;
    expect(graph.nodes.length).toBeLessThanOrEqual(3);
    expect(graph.leftOut).toBe(6 - graph.nodes.length);
    // errors first: the missing callee of an error model is kept before the clean caller lib-0
    expect(graph.nodes).not.toContain('lib/lib-0');
    const md = formatMarkdown(result, { index: result.index, maxNodes: 3 });
    expect(md).toContain(`${graph.leftOut} more models left out of the graph (at most 3 drawn).`);
  });

  it('with --base draws the changed models and their calls, with a thick dashed border', async () => {
    const { result } = await dozens();
    const graph = callGraph(result.index, result, ['lib/lib-1'])!;
    expect(graph.edges).toContainEqual(['lib/lib-1', 'lib/lib-2']);
    const id = /(m\d+)\["lib-1"\]/.exec(graph.mermaid)![1];
    expect(graph.mermaid).toContain(`style ${id} stroke-width:3px,stroke-dasharray:4 2`);
  });
});

/** The dozens repo with lib-0's call removed: no call touches a model with findings. */
function noCalls() {
  const tree = dozensOfErrors();
  const out: Record<string, string | Buffer | null> = {};
  for (const [k, v] of Object.entries(tree)) if (k.startsWith('lib/lib-0/')) out[k] = v;
  out['lib/lib-0/lib-0.bpmn'] = (out['lib/lib-0/lib-0.bpmn'] as string).replace(
    /<bpmn:callActivity[^>]*\/>/,
    '<bpmn:task id="ca0" />',
  );
  out['finance/invoice-0/invoice-0.bpmn'] = (tree['finance/invoice-0/invoice-0.bpmn'] as string).replace(
    /<bpmn:callActivity[^>]*\/>/,
    '<bpmn:task id="ca0" />',
  );
  out['ops/run-0/run-0.bpmn'] = (tree['ops/run-0/run-0.bpmn'] as string).replace(
    /<bpmn:callActivity[^>]*\/>/,
    '<bpmn:task id="ca0" />',
  );
  return out;
}

describe('validate summary: size and clean runs', () => {
  it('stays under 1 MiB on a repository with thousands of findings, saying what was cut', async () => {
    const root = writeTree(thousandsOfFindings(2500));
    const result = await validateRepo(root);
    expect(result.findings.length).toBeGreaterThanOrEqual(5000);
    const options = { index: result.index, reports: { json: 'spiff-models-report.json' } };
    expect(Buffer.byteLength(formatMarkdown(result, { ...options, limit: Infinity }))).toBeGreaterThan(
      STEP_SUMMARY_LIMIT,
    );
    const md = formatMarkdown(result, options);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(STEP_SUMMARY_LIMIT);
    expect(md).toMatch(
      /\*[\d,]+ (error|warning) lines not shown: the summary stays under GitHub's 1 MiB limit\. Every finding is in the reports \(JSON `spiff-models-report\.json`\)\.\*/,
    );
    const lines = md.split('\n');
    // the first 100 errors are shown, the rest folded
    const folded = lines.findIndex((l) => l.startsWith('<details><summary>2,400 more errors'));
    expect(lines.slice(0, folded).filter((l) => l.startsWith('- '))).toHaveLength(100);
    // every section is still there, and the folds are whole
    for (const h of [/^### Reproduce locally$/, /^### Warnings: 2,500$/, /^### Models with findings/])
      expect(lines.some((l) => h.test(l))).toBe(true);
    expect(lines.filter((l) => l.startsWith('<details>')).length).toBe(
      lines.filter((l) => l === '</details>').length,
    );
    expect(renderGfm(md)).toContain('<h3>Reproduce locally</h3>');
  });

  it('keeps a clean run short: the verdict, one line and the folded list of models', async () => {
    const result = await validateRepo(path.join(REPO_ROOT, 'examples/process-models'));
    const md = formatMarkdown(result, { index: result.index });
    const lines = md.trim().split('\n');
    expect(lines[0]).toBe('## spiff-models validate: ✅ no errors');
    expect(lines[2]).toMatch(/^3 models, \d+ files checked: nothing the backend would refuse\.$/);
    expect(md).not.toContain('###');
    expect(lines[4]).toBe('<details><summary>All 3 models</summary>');
    expect(lines.length).toBeLessThanOrEqual(4 + 3 + 3 + 3);
  });
});

describe('validate --format markdown: links from the GitHub context', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, { cwd, encoding: 'utf8', env: cleanEnv() }).trim();

  async function run(cwd: string, dir: string, env: NodeJS.ProcessEnv) {
    let out = '';
    const code = await validateCli.run([dir, '--format', 'markdown'], {
      stdout: (t) => void (out += t),
      stderr: () => undefined,
      cwd,
      env,
      isTTY: false,
    });
    return { code, out };
  }

  function repo(): { top: string; head: string } {
    const top = writeTree(
      Object.fromEntries(
        Object.entries(withProcess(chain(['    <bpmn:serviceTask id="st" />'], ['st']))).map(([k, v]) => [
          `process-models/${k}`,
          v,
        ]),
      ),
    );
    git(top, 'init', '-q');
    git(top, 'add', '-A');
    git(top, 'commit', '-qm', 'models');
    return { top, head: git(top, 'rev-parse', 'HEAD') };
  }

  const env = {
    GITHUB_SERVER_URL: 'https://github.example.com',
    GITHUB_REPOSITORY: 'acme/models',
    // a pull_request run's merge commit: never the commit the links point at
    GITHUB_SHA: 'feed'.padEnd(40, 'f'),
  };

  it('links to the checked-out commit (git rev-parse HEAD) with the path from the repository root', async () => {
    const { top, head } = repo();
    for (const [cwd, dir] of [
      [top, 'process-models'],
      [path.join(top, 'process-models'), '.'],
    ]) {
      const { code, out } = await run(cwd, dir, env);
      expect(code).toBe(1);
      expect(out).toContain(
        `[\`m.bpmn:5\`](https://github.example.com/acme/models/blob/${head}/process-models/gg/mmm/m.bpmn#L5`,
      );
      expect(out).not.toContain(env.GITHUB_SHA);
    }
  });

  it('writes no link without GITHUB_SERVER_URL and GITHUB_REPOSITORY, or outside a git checkout', async () => {
    const { top } = repo();
    expect((await run(top, 'process-models', {})).out).not.toContain('](');
    const plain = writeTree(withProcess(chain(['    <bpmn:serviceTask id="st" />'], ['st'])));
    const { out } = await run(plain, '.', env);
    expect(out).toContain('· `m.bpmn:5` <sub>service-task-operator</sub>');
    expect(out).not.toContain('](');
  });
});
