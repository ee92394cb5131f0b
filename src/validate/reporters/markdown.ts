// The validate job summary (and `--format markdown`): the verdict and what to do first, then the errors grouped
// by model with links to their lines, how to reproduce, where the reports are; warnings counted by rule, the
// models with findings and the call graph after, long lists folded. Repository text goes through util/markdown.
import type { ModelsIndex } from '../../models/types.js';
import type { Finding, Report } from '../../models/finding.js';
import { RUN_COMMAND } from '../../util/version.js';
import { loaderRules, rules } from '../rules/index.js';
import {
  code,
  fit,
  link,
  plural,
  STEP_SUMMARY_LIMIT,
  escapeHtml,
  text,
  type Part,
} from '../../util/markdown.js';
import type { RepoLinks } from '../../util/repo-links.js';
import { findingLines } from './finding-lines.js';

const ICON = { ok: '✅', warning: '⚠️', error: '❌' } as const;
/** Errors listed before the rest is folded: the reproduce line stays within reach. */
export const VISIBLE_ERRORS = 100;
/** Mermaid stays legible up to about this many nodes. */
export const GRAPH_NODES = 40;
const ISOLATED_NAMED = 30;

export interface MarkdownOptions {
  index?: ModelsIndex;
  changedModels?: string[];
  /** Shown with the reproduce line (e.g. that annotations were capped). */
  note?: string;
  /** The models root inside the repository ('' at its root): shown paths are repository paths. */
  prefix?: string;
  /** Where the checked-out commit is on GitHub: locations become links to their line. */
  links?: RepoLinks;
  /** The command that reproduces this report locally. */
  command?: string;
  /** Where the JSON and SARIF reports were written, and the run page that lists uploaded artifacts. */
  reports?: { json?: string; sarif?: string; artifacts?: string };
  /** Bytes the summary may take (GitHub's step summary limit by default). */
  limit?: number;
  maxNodes?: number;
}

const description = new Map([...rules, ...loaderRules].map((r) => [r.id, r.description]));

/** The command line that reproduces a report locally, quoted for a POSIX shell. */
export function reproduceCommand(dir: string, options: { config?: string; base?: string } = {}): string {
  const q = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  const args = [RUN_COMMAND, 'validate', q(dir)];
  if (options.config) args.push('--config', q(options.config));
  if (options.base) args.push('--base', q(options.base));
  return args.join(' ');
}

export function formatMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const { errors, warnings, models, files } = report.summary;
  const prefix = options.prefix ?? '';
  const links = options.links;
  const command = options.command ?? reproduceCommand('.');
  const modelDir = (id: string) => options.index?.models.get(id)?.dir ?? id;

  const groupLines = (list: Finding[], what: string) => findingLines(list, what, { prefix, links, modelDir });
  const reportsWhere = (): string => {
    const r = options.reports;
    if (!r?.json && !r?.sarif) return ' (`--format json` or `--format sarif` writes them)';
    const parts = [r.json && `JSON ${code(r.json)}`, r.sarif && `SARIF ${code(r.sarif)}`].filter(Boolean);
    return ` (${parts.join(', ')}${r.artifacts ? `, or the ${link('run’s artifacts', r.artifacts)} when uploaded` : ''})`;
  };
  const cutLine = (dropped: string[], what: string): string => {
    const n = dropped.filter((l) => l.startsWith('- ') || l.startsWith('| ')).length;
    return (
      `\n*${plural(n, what)} not shown: the summary stays under GitHub's 1 MiB limit. ` +
      `Every finding is in the reports${reportsWhere()}.*`
    );
  };

  const errorList = report.findings.filter((f) => f.severity === 'error');
  const otherList = report.findings.filter((f) => f.severity !== 'error');
  const withFindings = report.models.filter((m) => m.status !== 'ok');
  const badModels = report.models.filter((m) => m.status === 'error').length;

  const parts: Part[] = [];
  const head: string[] = [];
  if (errors) {
    head.push(
      `## spiff-models validate: ❌ ${plural(errors, 'error')}${badModels ? ` in ${plural(badModels, 'model')}` : ''}`,
      '',
      `The backend would refuse ${badModels === 1 ? 'this model' : 'these models'}: fix the errors below, then ` +
        `check again with ${code(command)}. ${plural(warnings, 'warning')}; ${plural(models, 'model')}, ` +
        `${plural(files, 'file')} checked.`,
    );
  } else {
    head.push(
      `## spiff-models validate: ✅ no errors${warnings ? `, ${plural(warnings, 'warning')}` : ''}`,
      '',
      `${plural(models, 'model')}, ${plural(files, 'file')} checked: nothing the backend would refuse.`,
    );
  }
  parts.push({ head });

  if (errorList.length) {
    const lines = groupLines(errorList, 'error');
    // Split after the line that lists the VISIBLE_ERRORS-th error; the folded rest repeats its model's title.
    let shown = 0;
    let cut = lines.length;
    for (let i = 0; i < lines.length; i++)
      if (lines[i].startsWith('- ') && ++shown === VISIBLE_ERRORS) {
        cut = i + 1;
        break;
      }
    const visible = lines.slice(0, cut);
    let rest = lines.slice(cut);
    if (rest.length && rest[0].startsWith('- ')) {
      const title = [...visible].reverse().find((l) => l.startsWith('\n**')) ?? '';
      rest = [title.replace(/ · .*$/, ' · continued'), ...rest];
    }
    parts.push({ head: ['', '### Errors'], items: visible, cut: (d) => cutLine(d, 'error line') });
    if (rest.length) {
      const more = errorList.length - VISIBLE_ERRORS;
      parts.push({
        head: ['', `<details><summary>${escapeHtml(`${plural(more, 'more error')}`)}</summary>`],
        items: rest,
        cut: (d) => cutLine(d, 'error line'),
        tail: ['', '</details>'],
      });
    }
  }

  if (report.findings.length) {
    parts.push({
      head: [
        '',
        '### Reproduce locally',
        '',
        `${code(command)} prints the same findings with file:line:column. ` +
          `The reports hold every finding${reportsWhere()}.`,
        ...(options.note ? ['', `> ${text(options.note)}`] : []),
      ],
    });
  }

  if (otherList.length) {
    const counts = new Map<string, number>();
    for (const f of otherList) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
    const byCount = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const infos = otherList.length - warnings;
    parts.push({
      head: [
        '',
        `### Warnings: ${warnings.toLocaleString('en-US')}${infos ? `, notes: ${infos.toLocaleString('en-US')}` : ''}`,
        '',
        ...byCount.map(
          ([rule, n]) =>
            `- ${n.toLocaleString('en-US')} × ${code(rule)}${description.has(rule) ? `: ${text(description.get(rule) ?? '')}` : ''}`,
        ),
        '',
        `<details><summary>${escapeHtml(`All ${plural(otherList.length, infos ? 'warning or note' : 'warning', infos ? 'warnings and notes' : 'warnings')}, by model`)}</summary>`,
      ],
      items: groupLines(otherList, infos ? 'finding' : 'warning'),
      cut: (d) => cutLine(d, 'warning line'),
      tail: ['', '</details>'],
    });
  }

  if (withFindings.length) {
    const counts = new Map<string, { e: number; w: number }>();
    for (const f of report.findings) {
      if (!f.modelId) continue;
      const c = counts.get(f.modelId) ?? { e: 0, w: 0 };
      if (f.severity === 'error') c.e++;
      else if (f.severity === 'warning') c.w++;
      counts.set(f.modelId, c);
    }
    const count = (id: string) => counts.get(id) ?? { e: 0, w: 0 };
    const rows = [...withFindings]
      .sort(
        (a, b) => count(b.id).e - count(a.id).e || count(b.id).w - count(a.id).w || a.id.localeCompare(b.id),
      )
      .map(
        (m) => `| ${ICON[m.status]} ${code(m.id, { table: true })} | ${count(m.id).e} | ${count(m.id).w} |`,
      );
    parts.push({
      head: [
        '',
        `### Models with findings: ${withFindings.length.toLocaleString('en-US')} of ${models.toLocaleString('en-US')}`,
        '',
        '| model | errors | warnings |',
        '|---|--:|--:|',
      ],
      items: rows,
      cut: (d) => `| *${plural(d.length, 'more model')} not shown (summary size limit)* | | |`,
    });
  }

  if (options.index) {
    const graph = callGraph(options.index, report, options.changedModels ?? [], options.maxNodes);
    if (graph) parts.push({ head: ['', ...graphSection(graph)] });
  }

  if (report.models.length) {
    parts.push({
      head: [
        '',
        `<details><summary>${escapeHtml(`All ${plural(report.models.length, 'model')}`)}</summary>`,
        '',
        '| model | status |',
        '|---|---|',
      ],
      items: report.models.map((m) => `| ${code(m.id, { table: true })} | ${ICON[m.status]} ${m.status} |`),
      cut: (d) => `| *${plural(d.length, 'more model')} not shown (summary size limit)* | |`,
      tail: ['', '</details>'],
    });
  }
  return `${fit(parts, options.limit ?? STEP_SUMMARY_LIMIT)}\n`;
}

function graphSection(g: CallGraph): string[] {
  const out = [
    '### Calls around the models with findings or changes',
    '',
    '```mermaid',
    g.mermaid,
    '```',
    '',
  ];
  const legend = [
    'Red: errors, yellow: warnings, green: no findings',
    ...(g.changed ? ['thick dashed border: changed since --base'] : []),
    ...(g.missing ? ['dashed red: a called process id no model defines'] : []),
  ];
  out.push(`${text(legend.join('; '))}.`, '');
  if (g.leftOut)
    out.push(`${plural(g.leftOut, 'more model')} left out of the graph (at most ${g.maxNodes} drawn).`, '');
  if (g.isolated.length) {
    const named = g.isolated
      .slice(0, ISOLATED_NAMED)
      .map((id) => code(id))
      .join(', ');
    const more = g.isolated.length - ISOLATED_NAMED;
    out.push(`No calls to or from: ${named}${more > 0 ? ` and ${more} more` : ''}.`);
  }
  return out;
}

export interface CallGraph {
  mermaid: string;
  /** Model ids drawn, and `missing:<process id>` for called processes no model defines. */
  nodes: string[];
  edges: [string, string][];
  /** Models with findings or changes that call nothing and no model calls. */
  isolated: string[];
  /** Models that call or are called around the focus but did not fit the node cap. */
  leftOut: number;
  maxNodes: number;
  changed: boolean;
  missing: boolean;
}

const MISSING = 'missing:';

/** Mermaid label text: entity codes for what mermaid or HTML would read as syntax or markup. */
function label(s: string): string {
  return s.replace(/[^\p{L}\p{N} ._/-]/gu, (c) => `#${c.codePointAt(0)};`);
}

/**
 * Which models call which, around the models with findings (and, with --base, the changed ones): one subgraph
 * per process group, a dashed red node for a called process id that no model defines. Undefined when no call
 * touches a model with findings or a change.
 */
export function callGraph(
  index: ModelsIndex,
  report: Report,
  changed: string[],
  maxNodes = GRAPH_NODES,
): CallGraph | undefined {
  const status = new Map(report.models.map((m) => [m.id, m.status]));
  const changedSet = new Set(changed);
  const focus = new Set([...report.models.filter((m) => m.status !== 'ok').map((m) => m.id), ...changed]);
  if (!focus.size) return undefined;
  const edges: [string, string][] = [];
  const seen = new Set<string>();
  const add = (from: string, to: string) => {
    const key = `${from}\0${to}`;
    if (seen.has(key)) return;
    seen.add(key);
    edges.push([from, to]);
  };
  for (const [from, tos] of index.modelCalls)
    for (const to of tos) if (focus.has(from) || focus.has(to)) add(from, to);
  for (const call of index.calls)
    if (call.modelId && focus.has(call.modelId) && !index.processes.get(call.processId)?.length)
      add(call.modelId, `${MISSING}${call.processId}`);
  if (!edges.length) return undefined;

  const touched = new Set(edges.flat());
  const isolated = [...focus].filter((id) => !touched.has(id)).sort();
  const rank = (id: string) =>
    id.startsWith(MISSING)
      ? 0
      : status.get(id) === 'error'
        ? 0
        : status.get(id) === 'warning'
          ? 1
          : changedSet.has(id)
            ? 2
            : 3;
  const ordered = edges
    .map((e, i) => ({ e, i, r: Math.min(rank(e[0]), rank(e[1])) }))
    .sort((a, b) => a.r - b.r || a.i - b.i);
  const kept = new Set<string>();
  const keptEdges: [string, string][] = [];
  for (const { e } of ordered) {
    const extra = e.filter((n) => !kept.has(n));
    if (kept.size + extra.length > maxNodes) continue;
    for (const n of extra) kept.add(n);
    keptEdges.push(e);
  }

  const nodes = [...kept].sort(
    (a, b) => Number(a.startsWith(MISSING)) - Number(b.startsWith(MISSING)) || a.localeCompare(b),
  );
  const ids = new Map(nodes.map((n, i) => [n, n.startsWith(MISSING) ? `x${i}` : `m${i}`]));
  const lines = ['flowchart LR'];
  const groups = new Map<string | null, string[]>();
  for (const n of nodes) {
    const g = n.startsWith(MISSING) ? null : (index.models.get(n)?.groupId ?? null);
    const list = groups.get(g);
    if (list) list.push(n);
    else groups.set(g, [n]);
  }
  const nodeLine = (n: string, group: string | null) => {
    if (n.startsWith(MISSING))
      return `${ids.get(n)}["${label(`${n.slice(MISSING.length)} (no such process)`)}"]`;
    const short = group && n.startsWith(`${group}/`) ? n.slice(group.length + 1) : n;
    return `${ids.get(n)}["${label(short)}"]`;
  };
  let g = 0;
  for (const [group, members] of [...groups].sort((a, b) =>
    (a[0] ?? '\uffff').localeCompare(b[0] ?? '\uffff'),
  )) {
    if (group === null) {
      for (const n of members) lines.push(`  ${nodeLine(n, null)}`);
      continue;
    }
    lines.push(`  subgraph g${g++}["${label(group)}"]`);
    for (const n of members) lines.push(`    ${nodeLine(n, group)}`);
    lines.push('  end');
  }
  for (const [a, b] of keptEdges)
    lines.push(`  ${ids.get(a)} ${b.startsWith(MISSING) ? '-.->' : '-->'} ${ids.get(b)}`);
  lines.push(
    '  classDef error fill:#fdd,stroke:#c00,color:#000',
    '  classDef warning fill:#ffd,stroke:#b80,color:#000',
    '  classDef ok fill:#dfd,stroke:#080,color:#000',
    '  classDef missing fill:#fff,stroke:#c00,stroke-dasharray:5 5,color:#c00',
  );
  const byClass = new Map<string, string[]>();
  for (const n of nodes) {
    const c = n.startsWith(MISSING) ? 'missing' : (status.get(n) ?? 'ok');
    byClass.set(c, [...(byClass.get(c) ?? []), ids.get(n) ?? '']);
  }
  for (const [c, list] of byClass) lines.push(`  class ${list.join(',')} ${c}`);
  const changedDrawn = nodes.filter((n) => changedSet.has(n));
  for (const n of changedDrawn) lines.push(`  style ${ids.get(n)} stroke-width:3px,stroke-dasharray:4 2`);
  return {
    mermaid: lines.join('\n'),
    nodes,
    edges: keptEdges,
    isolated,
    leftOut: touched.size - kept.size,
    maxNodes,
    changed: changedDrawn.length > 0,
    missing: nodes.some((n) => n.startsWith(MISSING)),
  };
}
