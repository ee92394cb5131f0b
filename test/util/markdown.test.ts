// The escaping every job summary relies on, and each command's summary fed repository text that tries to
// become markup: rendered as GFM, it must stay text, in one piece, on its line.
import { describe, expect, it } from '@jest/globals';
import { decode, elements, renderGfm } from '../helpers/markdown.js';
import { code, codeBlock, fit, link, prose, STEP_SUMMARY_LIMIT, text } from '../../src/util/markdown.js';
import { bakeMarkdown } from '../../src/image/summary.js';
import type { BakeResult } from '../../src/image/bake.js';
import { promoteMarkdown, publishMarkdown } from '../../src/promote/report.js';
import type { PromoteReport } from '../../src/promote/promote.js';
import type { PublishReport } from '../../src/promote/publish.js';
import { notifyMarkdown } from '../../src/notify/summary.js';
import type { NotifyReport } from '../../src/notify/notify.js';
import { failureMarkdown } from '../../src/action/summary.js';

const NASTY = [
  'a`b',
  'x``y`',
  '`lead',
  'p|q',
  'back\\|slash',
  'line\nbreak',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '*not bold* _nor_ [a link](https://evil.example)',
  'https://evil.example/path www.evil.example me@evil.example',
  '$x^2$ &amp; ~~gone~~',
];

/** What a reader sees of `markdown` rendered as a paragraph, and whether it made any element but `tags`. */
function seen(markdown: string, tags = ['p', 'code']): { text: string; stray: string[] } {
  const html = renderGfm(markdown);
  const stray = [...html.matchAll(/<([a-z][a-z0-9]*)/g)].map((m) => m[1]).filter((t) => !tags.includes(t));
  return { text: decode(html).trim(), stray };
}

describe('util/markdown', () => {
  it.each(NASTY)('code(%j) shows exactly the text, as one code element', (s) => {
    const html = renderGfm(code(s));
    expect(elements(html, 'code').map(decode)).toEqual([s.replace(/\n/g, ' ')]);
    expect(seen(code(s)).stray).toEqual([]);
  });

  it.each(NASTY)('code(%j, table) keeps the table cell whole', (s) => {
    const html = renderGfm(`| a | b |\n|---|---|\n| ${code(s, { table: true })} | end |`);
    const cells = elements(html, 'td');
    expect(cells).toHaveLength(2);
    expect(cells[1]).toBe('end');
    // a backslash right before a pipe shows doubled (GitHub's table parser eats one): never a broken row
    expect(decode(cells[0])).toBe(s.replace(/\n/g, ' ').replace('\\|', '\\\\|'));
  });

  it.each(NASTY)('text(%j) renders as the same text, no element, no link', (s) => {
    expect(seen(text(s))).toEqual({ text: s.replace(/\n/g, ' '), stray: [] });
  });

  it('prose puts quoted ids and URLs in code and escapes the rest', () => {
    const md = prose(`model 'a|b' calls "<img src=x>" at https://x.example/y; it's *fine*`);
    expect(seen(md)).toEqual({
      text: `model a|b calls <img src=x> at https://x.example/y; it's *fine*`,
      stray: [],
    });
    expect(elements(renderGfm(md), 'code').map(decode)).toEqual([
      'a|b',
      '<img src=x>',
      'https://x.example/y;',
    ]);
  });

  it('link encodes what would end the destination, and the title is plain text', () => {
    const html = renderGfm(link(code('f (1).bpmn:3'), 'https://h/o/r/blob/s/a (1)|b.bpmn#L3', 'say "hi" \\'));
    expect(html).toContain('href="https://h/o/r/blob/s/a%20%281%29%7Cb.bpmn#L3"');
    expect(html).toContain('title="say &quot;hi&quot; \\"');
  });

  it('codeBlock is never closed early by backticks inside', () => {
    const html = renderGfm(codeBlock('a\n```\n<b>x</b>\n````').join('\n'));
    expect(elements(html, 'pre')).toHaveLength(1);
    expect(decode(html)).toContain('```\n<b>x</b>\n````');
  });

  it('fit keeps heads and tails, cuts whole items and says how many', () => {
    const parts = [
      { head: ['# h'] },
      {
        head: ['<details>'],
        items: Array.from({ length: 1000 }, (_, i) => `- item ${i}`),
        cut: (d: string[]) => `cut ${d.length}`,
        tail: ['</details>'],
      },
      { head: ['## after'] },
    ];
    const out = fit(parts, 2000).split('\n');
    expect(Buffer.byteLength(out.join('\n'))).toBeLessThanOrEqual(2000);
    expect(out[0]).toBe('# h');
    expect(out.slice(-3)).toEqual([expect.stringMatching(/^cut \d+$/), '</details>', '## after']);
    const kept = out.filter((l) => l.startsWith('- item')).length;
    expect(out.at(-3)).toBe(`cut ${1000 - kept}`);
  });
});

const bad = NASTY.join(' ');

function bake(): BakeResult {
  return {
    builder: 'registry',
    platforms: ['linux/amd64', `linux/${bad}`],
    imageId: 'sha256:' + 'a'.repeat(64),
    digest: 'sha256:' + 'b'.repeat(64),
    tags: ['ghcr.io/o/r:main', 'ghcr.io/o/r:a|b'],
    revision: 'abc1234',
    commit: 'abc1234'.padEnd(40, '0'),
    labels: { 'com.example.x': bad },
    contextBytes: 12345,
    skipped: false,
    pushed: true,
    dryRun: false,
    image: 'ghcr.io/o/r',
    baseImage: 'ghcr.io/sartography/spiffworkflow-backend:v1.0.0',
    modelsDir: '/app/process_models',
    gitHistory: 'minimal',
    contentDigest: 'sha256:c',
    inputDigest: 'sha256:d',
    verified: [`models dir holds ${bad}`],
    warnings: [`file ${bad} is large`],
    outputDir: null,
  };
}

const finding = {
  ruleId: 'call-activity',
  severity: 'error' as const,
  message: `calls '${bad}'`,
  file: `m/${bad}.bpmn`,
  line: 3,
  column: 1,
  modelId: `m/${bad}`,
};

function promote(): PromoteReport {
  return {
    result: 'conflict',
    refused: true,
    dryRun: false,
    from: 'dev|x',
    to: '<b>prod</b>',
    strategy: 'merge',
    via: 'git',
    remote: 'origin',
    root: '',
    sourceCommit: 'a'.repeat(40),
    targetCommit: 'b'.repeat(40),
    commit: null,
    commits: [{ sha: 'c'.repeat(40), subject: bad }],
    targetOnlyCommits: 0,
    models: { added: [bad], changed: [], removed: [], otherFiles: [bad] },
    changedModels: [bad],
    conflicts: [{ file: `m/${bad}.bpmn`, modelId: bad }],
    validation: { newErrors: [finding], existingErrors: [finding], warnings: 0 },
    attempts: 1,
    warnings: [bad],
  };
}

function publish(): PublishReport {
  return {
    operation: 'created',
    refused: false,
    dryRun: false,
    from: 'dev',
    to: 'prod',
    remote: 'origin',
    root: '',
    branch: `publish-${'x'}`,
    sourceCommit: 'a'.repeat(40),
    targetCommit: 'b'.repeat(40),
    commit: 'c'.repeat(40),
    models: [
      { id: bad, reason: 'requested' },
      { id: 'lib|x', reason: 'dependency', calledBy: bad },
    ],
    groupFiles: [bad],
    files: [{ status: 'added', path: `${bad}/process_model.json` }],
    changes: { added: [bad], changed: [], removed: [], otherFiles: [] },
    pullRequest: { number: 3, url: 'https://github.com/o/r/pull/3' },
    validation: { newErrors: [], existingErrors: [finding], warnings: 2 },
    attempts: 1,
    warnings: [],
  };
}

function notify(): NotifyReport {
  const result = {
    environment: bad,
    kind: 'spiff' as const,
    event: 'push' as const,
    url: 'https://h/hooks/SECRET',
    deliveryId: 'd-1',
    outcome: 'failed' as const,
    status: 500,
    attempts: 4,
    durationMs: 1200,
    answer: bad,
    message: `server said ${bad} with SECRET`,
    history: [],
  };
  return {
    results: [result, { ...result, environment: 'ok', outcome: 'delivered', status: 200 }],
    delivered: 1,
    ignored: 0,
    failed: 1,
  };
}

describe('every command summary keeps repository and server text as text', () => {
  const cases: [string, () => string][] = [
    ['bake', () => bakeMarkdown(bake())],
    ['promote', () => promoteMarkdown(promote())],
    ['publish', () => publishMarkdown(publish())],
    ['notify', () => notifyMarkdown(notify(), 'any', false, (t) => t.replace(/SECRET/g, '***'))],
    [
      'a failed command',
      () =>
        failureMarkdown(
          'bake',
          Object.assign(new Error(`refusing to bake: ${bad}\n  ${bad}\nFix ${bad}`), { findings: [finding] }),
        ),
    ],
  ];

  it.each(cases)('%s: no element from the text, every table row whole, the text whole', (_, make) => {
    const md = make();
    const html = renderGfm(md);
    expect(html).not.toMatch(/<(script|img|b|em|del)\b/i);
    expect(html).not.toContain('href="https://evil.example');
    expect(html).not.toContain('href="mailto:');
    // the text shows whole somewhere (a backslash before a pipe shows doubled in a table cell)
    expect(decode(html).replace(/\\\\\|/g, '\\|')).toContain(bad.replace(/\n/g, ' '));
    for (const table of elements(html, 'table')) {
      const header = elements(table, 'th').length;
      for (const row of elements(table, 'tr').slice(1)) expect(elements(row, 'td')).toHaveLength(header);
    }
    expect(md).not.toContain('SECRET');
  });
});

describe('summaries of lists the repository makes long stay bounded', () => {
  it('promote: thousands of conflicts, new errors and commits are cut with a line saying how many', () => {
    const r = promote();
    r.conflicts = Array.from({ length: 5000 }, (_, i) => ({ file: `m/f${i}.bpmn`, modelId: `m${i}` }));
    r.commits = Array.from({ length: 5000 }, (_, i) => ({ sha: 'c'.repeat(40), subject: `commit ${i}` }));
    const md = promoteMarkdown(r);
    expect(Buffer.byteLength(md)).toBeLessThan(200_000);
    expect(md).toContain('*…and 4,800 more files: the step log lists them all.*');
    expect(md).toContain('*…and 4,800 more commits: the step log lists them all.*');
    r.result = 'invalid';
    r.conflicts = [];
    r.validation!.newErrors = Array.from({ length: 5000 }, (_, i) => ({
      ...finding,
      file: `m/x/f${i}.bpmn`,
      modelId: `m/x`,
    }));
    const invalid = promoteMarkdown(r);
    expect(Buffer.byteLength(invalid)).toBeLessThan(STEP_SUMMARY_LIMIT);
    expect(invalid).toMatch(/\*…and [\d,]+ more lines: the step log lists them all\.\*/);
  });

  it('publish: thousands of files fold into a table that is cut in a row of its own', () => {
    const r = publish();
    r.files = Array.from({ length: 5000 }, (_, i) => ({ status: 'added' as const, path: `m/f${i}.bpmn` }));
    const md = publishMarkdown(r);
    expect(md).toContain('| … | 4,800 more files: the step log lists them all |');
    expect(Buffer.byteLength(md)).toBeLessThan(100_000);
  });
});
